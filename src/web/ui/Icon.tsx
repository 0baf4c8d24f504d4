import { Fragment, type ReactElement } from 'react';

const path = (d: string) => <path d={d} />;
const circle = (cx: number, cy: number, r: number) => <circle cx={cx} cy={cy} r={r} />;

// A small hand-drawn set (24×24, stroked) instead of an icon package: the shell needs about twenty.
const ICONS = {
  menu: [path('M4 6h16M4 12h16M4 18h16')],
  bell: [path('M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9'), path('M10.3 21a1.94 1.94 0 0 0 3.4 0')],
  search: [circle(11, 11, 7), path('m20 20-3.6-3.6')],
  today: [<rect x="3" y="5" width="18" height="16" rx="2" />, path('M16 3v4M8 3v4M3 10h18M8 14h3')],
  accounts: [path('M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16M16 9h2a2 2 0 0 1 2 2v10M3 21h18M8 7h4M8 11h4M8 15h4')],
  opportunities: [path('m3 17 6-6 4 4 8-8'), path('M14 7h7v7')],
  plans: [path('M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Z'), path('M9 4v14M15 6v14')],
  goals: [circle(12, 12, 9), circle(12, 12, 5), circle(12, 12, 1)],
  planning: [path('M3 21h18M6 17v-5M11 17V8M16 17v-3M20 4l-4 4-3-2-4 4')],
  focus: [circle(12, 12, 7), circle(12, 12, 2), path('M12 2v3M12 19v3M2 12h3M19 12h3')],
  team: [circle(9, 8, 3.5), path('M2.5 20a6.5 6.5 0 0 1 13 0M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14.2a6.5 6.5 0 0 1 3.5 5.8')],
  settings: [path('M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1'), circle(15, 6, 2), circle(9, 12, 2), circle(17, 18, 2)],
  plus: [path('M12 5v14M5 12h14')],
  x: [path('M6 6l12 12M18 6 6 18')],
  chevronDown: [path('m6 9 6 6 6-6')],
  chevronUp: [path('m6 15 6-6 6 6')],
  chevronRight: [path('m9 6 6 6-6 6')],
  arrowLeft: [path('M19 12H5M11 18l-6-6 6-6')],
  check: [path('M5 12.5 9.5 17 19 7')],
  archive: [<rect x="3" y="4" width="18" height="5" rx="1" />, path('M5 9v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V9M10 13h4')],
  restore: [path('M4 11a8 8 0 1 1 2.3 5.7'), path('M4 5v6h6')],
  clock: [circle(12, 12, 9), path('M12 7v5l3 2')],
  copy: [<rect x="9" y="9" width="11" height="11" rx="2" />, path('M5 15V5a2 2 0 0 1 2-2h8')],
  edit: [path('M4 20h4L19 9l-4-4L4 16v4Z'), path('m14 6 4 4')],
  alert: [circle(12, 12, 9), path('M12 7.5v5.5M12 16.5v.5')],
  user: [circle(12, 8, 4), path('M4 21a8 8 0 0 1 16 0')],
  logout: [path('M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H3')],
  mail: [<rect x="3" y="5" width="18" height="14" rx="2" />, path('m3 7 9 6 9-6')],
  phone: [path('M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z')],
  sparkles: [path('M12 3l1.8 4.7 4.7 1.8-4.7 1.8L12 16l-1.8-4.7-4.7-1.8 4.7-1.8Z'), path('M19 15l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8Z')],
  refresh: [path('M20 11a8 8 0 1 0-2.3 5.7'), path('M20 5v6h-6')],
  download: [path('M12 4v11M7 10l5 5 5-5M5 20h14')],
  external: [path('M14 4h6v6M10 14 20 4M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5')],
  contact: [<rect x="3" y="4" width="18" height="16" rx="2" />, circle(9, 11, 2.5), path('M5.5 17a3.5 3.5 0 0 1 7 0M15 9h3M15 13h3')],
  // A process-behaviour chart: a limit, a line of weeks, and the centre line.
  coaching: [path('M3 5h18M3 12h18'), path('m3 17 4-3 4 2 4-5 3 2 3-3')],
  eyeOff: [path('M3 3l18 18'), path('M10.6 6.1A9.7 9.7 0 0 1 12 6c5 0 9 6 9 6a17 17 0 0 1-2.6 3.2M6.6 6.6C4.2 8.3 3 12 3 12s4 6 9 6c1.7 0 3.2-.5 4.5-1.2'), path('M9.9 9.9a3 3 0 0 0 4.2 4.2')],
  talk: [path('M4 5h11a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z'), path('M17 9h3a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-1v3l-4-3h-3')],
  calendar: [<rect x="3" y="5" width="18" height="16" rx="2" />, path('M16 3v4M8 3v4M3 10h18')],
} satisfies Record<string, ReactElement[]>;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 18, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name].map((el, i) => (
        <Fragment key={i}>{el}</Fragment>
      ))}
    </svg>
  );
}
