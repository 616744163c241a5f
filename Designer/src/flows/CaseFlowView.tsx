import { Alert, Spin } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeMouseHandler } from '@xyflow/react';
import { useDefinition, useDescriptors } from './api';
import ReadOnlyCanvas from './canvas/ReadOnlyCanvas';
import type { CanvasDecorations } from './canvas/context';
import { traceCase, type JournalItem } from './model/caseTrace';
import { connectionKey } from './model/diff';
import { definitionToGraph, toConnection, type ActivityFlowNode } from './model/graph';
import { outcomesOf } from './model/outcomes';

export interface CaseFlowViewProps {
  definitionId: string;
  version: number;
  journal: JournalItem[];
  openActivityIds: string[];
  selectedActivityId?: string;
  onSelectActivity?: (activityId: string) => void;
  /** The diagram's height; the canvas needs a definite one (a percentage of an auto-height card is nothing). */
  height?: number | string;
}

/**
 * The flow version a case runs on, with where the case is: active activities pulse, completed ones are outlined,
 * the connections it went along are drawn strong and an activity that ran more than once carries its count.
 */
export function CaseFlowView({ definitionId, version, journal, openActivityIds, selectedActivityId, onSelectActivity, height = 440 }: CaseFlowViewProps) {
  const { t } = useTranslation();
  const definition = useDefinition(definitionId, version, true);
  const descriptors = useDescriptors();
  const byType = useMemo(() => new Map((descriptors.data ?? []).map((d) => [d.type, d])), [descriptors.data]);

  const graph = useMemo(() => (definition.data ? definitionToGraph(definition.data, byType) : null), [definition.data, byType]);
  const trace = useMemo(() => {
    if (!definition.data) return undefined;
    const outcomes = new Map(definition.data.root.activities.map((a) => [a.id, outcomesOf(a, byType.get(a.type))]));
    return traceCase(journal, openActivityIds, definition.data.root.connections, outcomes);
  }, [definition.data, byType, journal, openActivityIds]);

  const edges = useMemo(() => {
    if (!graph || !trace) return [];
    return graph.edges.map((e) => {
      const taken = trace.taken.has(connectionKey(toConnection(e)));
      return { ...e, className: taken ? 'gc-edge--taken' : 'gc-edge--idle', animated: false, zIndex: taken ? 1 : 0 };
    });
  }, [graph, trace]);

  const decorations = useMemo<CanvasDecorations>(() => ({ descriptors: byType, trace, highlighted: selectedActivityId }), [byType, trace, selectedActivityId]);
  const onNodeClick: NodeMouseHandler<ActivityFlowNode> = useCallback((_, node) => onSelectActivity?.(node.id), [onSelectActivity]);

  if (definition.error) return <Alert type="error" showIcon message={t('flows.caseView.failed')} description={String((definition.error as Error).message)} />;
  if (!graph || !descriptors.data) return <Spin style={{ display: 'block', margin: 40 }} />;
  return (
    <div style={{ height, position: 'relative' }} data-testid="case-flow-view">
      <ReadOnlyCanvas nodes={graph.nodes} edges={edges} decorations={decorations} onNodeClick={onNodeClick} minimap={false} />
    </div>
  );
}

export default CaseFlowView;
