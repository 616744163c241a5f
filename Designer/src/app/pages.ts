import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageKey } from './menus';

/**
 * Every page is its own chunk, so the login page loads only the shell. The flow designer lives in src/flows/
 * (FlowsPage.tsx, its default export); until it is there, its menu entry stays hidden.
 */
const flowPages = import.meta.glob<{ default: ComponentType }>('../flows/FlowsPage.tsx');
const flowsLoader = Object.values(flowPages)[0];

export const pages: Partial<Record<PageKey, LazyExoticComponent<ComponentType>>> = {
  inbox: lazy(() => import('../inbox/InboxPage')),
  intake: lazy(() => import('../intake/IntakePage')),
  cases: lazy(() => import('../cases/CaseListPage')),
  supervision: lazy(() => import('../supervision/SupervisionPage')),
  arbitration: lazy(() => import('../arbitration/ArbitrationPage')),
  repeats: lazy(() => import('../repeats/RepeatsPage')),
  dashboard: lazy(() => import('../dashboard/DashboardPage')),
  catalog: lazy(() => import('../catalog/CatalogPage')),
  devices: lazy(() => import('../devices/DevicesPage')),
  incidents: lazy(() => import('../incidents/IncidentsPage')),
  ...(flowsLoader ? { flows: lazy(flowsLoader) } : {}),
};

export const CaseDetailPage = lazy(() => import('../cases/CaseDetailPage'));

export const pageAvailable = (key: PageKey) => key in pages;
