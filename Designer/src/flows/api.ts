import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ActivityDescriptor, DefinitionSummary, WorkflowDefinition } from './model/types';

export const flowKeys = {
  descriptors: ['activity-descriptors'] as const,
  definitions: ['workflow-definitions'] as const,
  definition: (id: string, version?: number) => ['workflow-definitions', id, version ?? 'latest'] as const,
  bindings: ['flow-bindings'] as const,
};

const descriptorsQuery = queryOptions({
  queryKey: flowKeys.descriptors,
  queryFn: () => api<ActivityDescriptor[]>('/api/activity-descriptors'),
  staleTime: Infinity,
});

const definitionsQuery = queryOptions({ queryKey: flowKeys.definitions, queryFn: () => api<DefinitionSummary[]>('/api/workflow-definitions') });

export const fetchDefinition = (id: string, version?: number) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);

/**
 * A published version never changes, so it is cached for good. The latest one is fresh for the app's usual 15 s, so
 * that the page, its canvas and a fetch started at boot share one answer (with no stale time each of them that
 * mounted after the answer came would ask again for the whole definition); saving here updates the cache itself.
 */
const definitionQuery = (id: string | undefined, version?: number, frozen = false) =>
  queryOptions({
    queryKey: flowKeys.definition(id ?? '', version),
    queryFn: () => fetchDefinition(id!, version),
    enabled: !!id,
    ...(frozen ? { staleTime: Infinity } : {}),
  });

export const useDescriptors = () => useQuery(descriptorsQuery);

export const useDefinitions = () => useQuery(definitionsQuery);

export const useDefinition = (id: string | undefined, version?: number, frozen = false) => useQuery(definitionQuery(id, version, frozen));

/**
 * What the designer's first canvas needs (descriptors, the list of flows, the flow the address names), asked for by
 * the app at boot when it opens at the designer's address, beside the sign-in check rather than after the page's code.
 */
export function prefetchDesigner(client: QueryClient, params: URLSearchParams) {
  if (params.get('tab') === 'bindings') return;
  void client.prefetchQuery(descriptorsQuery);
  void client.prefetchQuery(definitionsQuery);
  const id = params.get('def');
  if (id && !params.get('v')) void client.prefetchQuery(definitionQuery(id));
}

export const saveDraft = (definition: WorkflowDefinition) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(definition.definitionId)}/draft`, { method: 'PUT', json: definition });

export const publishDraft = (id: string) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(id)}/publish`, { method: 'POST' });
