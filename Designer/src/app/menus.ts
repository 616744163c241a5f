/** Which pages a role works with; the menu shows the union over the signed-in user's roles. */

export type PageKey = 'inbox' | 'intake' | 'cases' | 'supervision' | 'arbitration' | 'repeats' | 'dashboard' | 'catalog' | 'flows' | 'devices' | 'incidents';

export interface MenuEntry {
  key: PageKey;
  path: string;
  roles: readonly string[];
}

const everyone = ['Acceptor', 'Dispatcher', 'Handler', 'GridWorker', 'CallbackAgent', 'Supervisor', 'PolicyAdmin', 'Admin'] as const;

/** In the order the menu shows them. */
export const MENU: readonly MenuEntry[] = [
  { key: 'inbox', path: '/inbox', roles: ['Acceptor', 'Dispatcher', 'Handler', 'GridWorker', 'CallbackAgent', 'Supervisor', 'Admin'] },
  // Who may report a case (POST /api/cases): hotline acceptors, grid workers on patrol, admins.
  { key: 'intake', path: '/intake', roles: ['Acceptor', 'GridWorker', 'Admin'] },
  { key: 'cases', path: '/cases', roles: everyone },
  // GET /api/work-items?sla= and the supervision entries answer these roles only.
  { key: 'supervision', path: '/supervision', roles: ['Supervisor', 'Dispatcher', 'Admin'] },
  // 三定仲裁: GET /api/arbitrations answers supervisors (at district level; others see its 403).
  { key: 'arbitration', path: '/arbitration', roles: ['Supervisor'] },
  // GET /api/repeat-complainants and /api/repeat-matters answer these roles only.
  { key: 'repeats', path: '/repeats', roles: ['Acceptor', 'CallbackAgent', 'Supervisor', 'Admin'] },
  { key: 'dashboard', path: '/dashboard', roles: ['Supervisor', 'Dispatcher', 'PolicyAdmin', 'Admin'] },
  { key: 'catalog', path: '/catalog', roles: everyone },
  { key: 'flows', path: '/flows', roles: ['PolicyAdmin', 'Admin'] },
  // 感知设备: POST/GET /api/devices answer admins only.
  { key: 'devices', path: '/devices', roles: ['Admin'] },
  // 流程故障: GET /api/incidents and its retry answer admins and policy admins.
  { key: 'incidents', path: '/incidents', roles: ['PolicyAdmin', 'Admin'] },
];

export function menuFor(roles: readonly string[], available: (key: PageKey) => boolean = () => true): MenuEntry[] {
  return MENU.filter((m) => available(m.key) && m.roles.some((r) => roles.includes(r)));
}

/** Where a user lands after signing in: their first page. */
export function homeFor(roles: readonly string[], available?: (key: PageKey) => boolean): string {
  return menuFor(roles, available)[0]?.path ?? '/cases';
}

export function canEditCatalog(roles: readonly string[]): boolean {
  return roles.includes('PolicyAdmin') || roles.includes('Admin');
}
