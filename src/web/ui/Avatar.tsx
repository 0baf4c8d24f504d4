import { initials } from '../lib/format';

// A stable hue per person so the same name always gets the same colour.
function hue(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size} avatar-h${Math.round(hue(name) / 45) % 8}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
