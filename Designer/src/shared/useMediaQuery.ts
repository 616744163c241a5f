import { useSyncExternalStore } from 'react';

const queries = new Map<string, MediaQueryList>();
const listFor = (query: string) => {
  let list = queries.get(query);
  if (!list) queries.set(query, (list = window.matchMedia(query)));
  return list;
};

/**
 * Whether a media query matches, read from the first render on and followed as it changes. antd's own breakpoint hook
 * learns the width only after mounting, so the shell was drawn narrow, then wide, and a canvas fitted to the first
 * width was left too wide for the second.
 */
export function useMediaQuery(query: string) {
  const list = listFor(query);
  return useSyncExternalStore(
    (changed) => {
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => list.matches,
  );
}
