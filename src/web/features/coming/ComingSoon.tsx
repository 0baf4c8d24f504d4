import { Icon, type IconName } from '../../ui/Icon';

/** An area that is planned but not built yet: what it will do, in the method's words. */
export function ComingSoon({ icon, title, lead, points }: { icon: IconName; title: string; lead: string; points: string[] }) {
  return (
    <div className="page">
      <div className="coming">
        <span className="coming-icon" aria-hidden="true">
          <Icon name={icon} size={28} />
        </span>
        <h1 tabIndex={-1}>{title}</h1>
        <span className="soon-pill">Coming soon</span>
        <p>{lead}</p>
        <ul className="coming-points">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
