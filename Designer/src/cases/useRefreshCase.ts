import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { CaseDetail } from '../api/types';

/** Every list a write on a case can change: the inboxes, the case lists, the supervision lists. */
const CASE_LISTS: QueryKey[] = [['inbox'], ['cases'], ['supervision']];

/**
 * After a write on a case, whoever wrote it refreshes what it changed: the case (the API's answer shown at once,
 * then read again), every list that shows cases, and any other key the write touched (a merge's master, the
 * arbitration list). One way for every writer, so that no page relies on its parent to refresh for it.
 */
export function useRefreshCase() {
  const client = useQueryClient();
  return async (caseId: string, updated?: CaseDetail, also: QueryKey[] = []) => {
    if (updated) client.setQueryData(['case', caseId], updated);
    await Promise.all([['case', caseId], ...CASE_LISTS, ...also].map((queryKey) => client.invalidateQueries({ queryKey })));
  };
}
