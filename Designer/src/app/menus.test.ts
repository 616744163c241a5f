import { describe, expect, it } from 'vitest';
import { canEditCatalog, homeFor, menuFor } from './menus';

const keys = (roles: string[], available?: (k: string) => boolean) => menuFor(roles, available).map((m) => m.key);

describe('menus by role', () => {
  it('gives a handler the inbox, cases and catalog only', () => {
    expect(keys(['Handler'])).toEqual(['inbox', 'cases', 'catalog']);
  });
  it('gives an acceptor intake and a supervisor supervision and the dashboard', () => {
    expect(keys(['Acceptor'])).toEqual(['inbox', 'intake', 'cases', 'repeats', 'catalog']);
    expect(keys(['Supervisor'])).toEqual(['inbox', 'cases', 'supervision', 'arbitration', 'repeats', 'dashboard', 'catalog']);
  });
  it('gives a policy admin the flows, the catalog and the dashboard, and lands on the case list', () => {
    expect(keys(['PolicyAdmin'])).toEqual(['cases', 'dashboard', 'catalog', 'flows', 'incidents']);
    expect(homeFor(['PolicyAdmin'])).toBe('/cases');
  });
  it('unites several roles and leaves out pages that are not there', () => {
    expect(keys(['GridWorker', 'Supervisor'], (k) => k !== 'dashboard')).toEqual(['inbox', 'intake', 'cases', 'supervision', 'arbitration', 'repeats', 'catalog']);
  });
  it('lands a handler on the inbox, and someone without a known role on the case list', () => {
    expect(homeFor(['Handler'])).toBe('/inbox');
    expect(homeFor([])).toBe('/cases');
  });
  it('gives the devices page to admins only', () => {
    expect(keys(['Admin'])).toEqual(['inbox', 'intake', 'cases', 'supervision', 'repeats', 'dashboard', 'catalog', 'flows', 'devices', 'incidents']);
    expect(keys(['PolicyAdmin', 'Supervisor', 'Dispatcher', 'Handler', 'GridWorker'])).not.toContain('devices');
  });
  it('gives the incidents page to the roles GET /api/incidents answers', () => {
    expect(keys(['PolicyAdmin'])).toContain('incidents');
    expect(keys(['Supervisor', 'Dispatcher', 'Handler', 'Acceptor', 'GridWorker', 'CallbackAgent'])).not.toContain('incidents');
  });
  it('lets policy admins and admins edit the catalog', () => {
    expect(canEditCatalog(['PolicyAdmin'])).toBe(true);
    expect(canEditCatalog(['Admin'])).toBe(true);
    expect(canEditCatalog(['Supervisor'])).toBe(false);
  });
});
