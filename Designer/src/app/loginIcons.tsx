// The login page's few glyphs, drawn here (1em, currentColor) so that the page needs no icon library.
const svg = { width: '1em', height: '1em', viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.3, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const UserIcon = () => (
  <svg {...svg}><circle cx="8" cy="5" r="3" /><path d="M2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5" /></svg>
);

export const LockIcon = () => (
  <svg {...svg}><rect x="3" y="7" width="10" height="7.5" rx="1.2" /><path d="M5 7V5a3 3 0 0 1 6 0v2M8 10v2" /></svg>
);

export const EyeIcon = () => (
  <svg {...svg}><path d="M1 8s2.6-4.5 7-4.5S15 8 15 8s-2.6 4.5-7 4.5S1 8 1 8Z" /><circle cx="8" cy="8" r="2" /></svg>
);

export const EyeOffIcon = () => (
  <svg {...svg}><path d="M2.5 5.5C1.6 6.6 1 8 1 8s2.6 4.5 7 4.5c1 0 1.9-.2 2.7-.6M6 3.8c.6-.2 1.3-.3 2-.3 4.4 0 7 4.5 7 4.5s-.5.9-1.4 1.9M2 2l12 12" /></svg>
);

export const ErrorIcon = () => (
  <svg {...svg} stroke="none" fill="currentColor"><path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm2.6 8.5-1 1.1L8 9 6.4 10.6 5.4 9.5 7 8 5.4 6.4l1-1L8 7l1.6-1.6 1 1L9 8l1.6 1.5Z" /></svg>
);
