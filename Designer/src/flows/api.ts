import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ActivityDescriptor, DefinitionSummary, WorkflowDefinition } from './model/types';

export const flowKeys = {
  descriptors: ['activity-descriptors'] as const,
  definitions: ['workflow-definitions'] as const,
  definition: (id: string, version?: number) => ['workflow-definitions', id, version ?? 'latest'] as const,
  bindings: ['flow-bindings'] as const,
};

export const useDescriptors = () =>
  useQuery({
    queryKey: flowKeys.descriptors,
    queryFn: () => api<ActivityDescriptor[]>('/api/activity-descriptors'),
    staleTime: Infinity,
  });

export const useDefinitions = () =>
  useQuery({ queryKey: flowKeys.definitions, queryFn: () => api<DefinitionSummary[]>('/api/workflow-definitions') });

export const fetchDefinition = (id: string, version?: number) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);

/** A published version never changes, so it is cached for good; the latest one is asked again. */
export const useDefinition = (id: string | undefined, version?: number, frozen = false) =>
  useQuery({
    queryKey: flowKeys.definition(id ?? '', version),
    queryFn: () => fetchDefinition(id!, version),
    enabled: !!id,
    staleTime: frozen ? Infinity : 0,
  });

export const saveDraft = (definition: WorkflowDefinition) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(definition.definitionId)}/draft`, { method: 'PUT', json: definition });

export const publishDraft = (id: string) =>
  api<WorkflowDefinition>(`/api/workflow-definitions/${encodeURIComponent(id)}/publish`, { method: 'POST' });
