import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CaseDetail, GridShape, OrgUnitNode } from './types';

/** Reference data the pages share; it changes rarely, so it stays fresh for a while. */
const reference = { staleTime: 5 * 60_000 } as const;

export function flattenOrg(nodes: OrgUnitNode[], into: OrgUnitNode[] = []): OrgUnitNode[] {
  for (const n of nodes) {
    into.push(n);
    flattenOrg(n.children, into);
  }
  return into;
}

export function useOrgUnits() {
  return useQuery({ queryKey: ['org-units'], queryFn: () => api<OrgUnitNode[]>('/api/org-units'), ...reference });
}

/** Code → name of every org unit (departments, grids, …); empty while loading. */
export function useOrgNames(): Map<string, string> {
  const { data } = useOrgUnits();
  return new Map(flattenOrg(data ?? []).map((u) => [u.code, u.name]));
}

export function useDepartments() {
  const { data, ...rest } = useOrgUnits();
  return { ...rest, data: flattenOrg(data ?? []).filter((u) => u.kind === 'Department') };
}

export function useGrids() {
  return useQuery({ queryKey: ['grids'], queryFn: () => api<GridShape[]>('/api/grids'), ...reference });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/cases/${id}`), enabled: !!id });
}
