import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { describeDuration } from '../model/duration';
import { expressionOf } from '../model/expression';
import type { ActivityFlowNode } from '../model/graph';
import { NODE_WIDTH, nodeHeight } from '../model/layout';
import { outcomesOf } from '../model/outcomes';
import { useCanvasLabels, useDecorations } from './context';

const CATEGORY_COLORS = ['#1677ff', '#722ed1', '#13a8a8', '#fa8c16', '#eb2f96', '#52c41a'];

export function categoryColor(category: string | undefined): string {
  if (!category) return '#8c8c8c';
  let hash = 0;
  for (const ch of category) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return CATEGORY_COLORS[hash % CATEGORY_COLORS.length];
}

/** One activity: its type, name, a one-line summary and a labelled source handle per outcome. */
function ActivityNodeView({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const { descriptors, marks, diff, trace, highlighted } = useDecorations();
  const labels = useCanvasLabels();
  const activity = data.activity;
  const descriptor = descriptors.get(activity.type);
  const outcomes = useMemo(() => outcomesOf(activity, descriptor), [activity, descriptor]);

  const summary = useMemo(() => {
    const inputs = activity.inputs ?? {};
    const parts: string[] = [];
    if (typeof inputs.role === 'string') parts.push(labels.option('role', inputs.role));
    if (typeof inputs.scope === 'string') parts.push(labels.option('scope', inputs.scope));
    if (typeof inputs.timeLimit === 'string')
      parts.push(`${describeDuration(inputs.timeLimit, labels.language) ?? inputs.timeLimit}${inputs.calendar === 'Natural' ? labels.t('flows.node.natural') : ''}`);
    if (typeof inputs.result === 'string') parts.push(labels.option('result', inputs.result));
    const script = expressionOf(inputs.condition);
    if (script) parts.push(script);
    return parts.join(' · ');
  }, [activity.inputs, labels]);

  const mark = marks?.get(id);
  const change = diff?.get(id);
  const runs = trace?.runs.get(id) ?? 0;
  const classes = ['gc-node'];
  if (selected || highlighted === id) classes.push('gc-node--selected');
  if (mark) classes.push(`gc-node--${mark.severity}`);
  if (change && change.status !== 'same') classes.push(`gc-node--${change.status}`);
  if (trace) {
    if (trace.active.has(id)) classes.push('gc-node--active');
    else if (trace.completed.has(id)) classes.push('gc-node--done');
    else classes.push('gc-node--untouched');
  }
  const color = categoryColor(descriptor?.category);

  return (
    <div className={classes.join(' ')} style={{ width: NODE_WIDTH, height: nodeHeight(outcomes.length), borderTopColor: color }} data-activity-id={id}>
      <Handle type="target" position={Position.Left} className="gc-handle gc-handle--in" />
      <div className="gc-node__head">
        <span className="gc-node__type" style={{ color }}>{labels.activityType(descriptor, activity.type)}</span>
        <span className="gc-node__badges">
          {mark && (
            <span className={`gc-badge gc-badge--${mark.severity}`} title={labels.t(`flows.problems.${mark.severity}`)}>
              {mark.severity === 'error' ? '!' : '?'}{mark.count > 1 ? mark.count : ''}
            </span>
          )}
          {change && change.status !== 'same' && <span className={`gc-badge gc-badge--${change.status}`}>{labels.t(`flows.diff.${change.status}`)}</span>}
          {runs > 1 && <span className="gc-badge gc-badge--runs" title={labels.t('flows.trace.runs', { count: runs })}>×{runs}</span>}
        </span>
      </div>
      <div className="gc-node__title" title={activity.name ?? id}>{activity.name || id}</div>
      <div className="gc-node__summary" title={summary}>{summary || '\u00a0'}</div>
      <div className="gc-node__ports">
        {outcomes.map((outcome) => (
          <div className="gc-node__port" key={outcome}>
            <span>{labels.outcome(outcome)}</span>
            <Handle type="source" position={Position.Right} id={outcome} className="gc-handle gc-handle--out" />
          </div>
        ))}
      </div>
    </div>
  );
}

export default memo(ActivityNodeView);
