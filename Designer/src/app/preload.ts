import type { QueryClient } from '@tanstack/react-query';
import { tokenStore } from '../api/client';
import { prefetchDesigner } from '../flows/api';

const ignore = () => {
  // React.lazy imports the chunk again and shows its error where the page would be.
};

/**
 * Started at boot, beside the sign-in check, for the address the app opens at: the signed-in shell's code and, for
 * the flow designer, its code and the data its first canvas needs. Otherwise each waits for the one before it (who am
 * I → shell → page code → page data), four round trips in a row before a large flow can be drawn.
 */
export function preloadForAddress(client: QueryClient, { pathname, search }: Pick<Location, 'pathname' | 'search'> = window.location) {
  if (!tokenStore.get() || pathname.startsWith('/login')) return;
  import('./AppLayout').catch(ignore);
  if (pathname === '/flows' || pathname.startsWith('/flows/')) {
    import('../flows/FlowsPage').catch(ignore);
    prefetchDesigner(client, new URLSearchParams(search));
  }
}

/** After sign-in, when the browser is idle: the designer's code, so that its menu entry opens without waiting for it. */
export function prefetchDesignerCode() {
  const load = () => void import('../flows/FlowsPage').catch(ignore);
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(load, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(load, 2_000);
  return () => clearTimeout(timer);
}
