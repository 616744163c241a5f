import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Attachment, CaseDetail } from '../api/types';
import { useRefreshCase } from './useRefreshCase';

/** The writes on a case and its work items; each refreshes what shows the case (inbox lists, the case, supervision). */
export function useCaseActions(caseId: string) {
  const refreshCase = useRefreshCase();
  const refresh = (updated?: CaseDetail) => refreshCase(caseId, updated);
  return {
    claim: useMutation({
      mutationFn: (workItemId: string) => api<void>(`/api/work-items/${workItemId}/claim`, { method: 'POST' }),
      onSuccess: () => refresh(),
    }),
    complete: useMutation({
      mutationFn: (v: { workItemId: string; outcome: string; comment?: string; data?: Record<string, string | string[]> }) =>
        // Everything the page shows is refetched after it, so the server need not rebuild the whole case for the answer.
        api<void>(`/api/work-items/${v.workItemId}/complete`, {
          method: 'POST', headers: { Prefer: 'return=minimal' }, json: { outcome: v.outcome, comment: v.comment, data: v.data },
        }),
      onSuccess: () => refresh(),
    }),
    upload: useMutation({
      mutationFn: (v: { file: File; kind: 'Before' | 'After' | 'Other' }) => {
        const body = new FormData();
        body.set('kind', v.kind);
        body.set('file', v.file);
        return api<Attachment>(`/api/cases/${caseId}/attachments`, { method: 'POST', body });
      },
      onSuccess: () => refresh(),
    }),
    requestExtension: useMutation({
      mutationFn: (v: { workItemId: string; reason: string; newDueAt: string }) =>
        api(`/api/work-items/${v.workItemId}/extension-requests`, { method: 'POST', json: { reason: v.reason, newDueAt: v.newDueAt } }),
      onSuccess: () => refresh(),
    }),
    suspend: useMutation({
      mutationFn: (v: { workItemId: string; reason: string }) => api(`/api/work-items/${v.workItemId}/suspend`, { method: 'POST', json: { reason: v.reason } }),
      onSuccess: () => refresh(),
    }),
    resume: useMutation({
      mutationFn: (workItemId: string) => api(`/api/work-items/${workItemId}/resume`, { method: 'POST' }),
      onSuccess: () => refresh(),
    }),
  };
}
