import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Alert, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useDefinition } from './api';
import ReadOnlyCanvas from './canvas/ReadOnlyCanvas';
import type { CanvasDecorations } from './canvas/context';
import { useFlowLabels } from './labels';
import { diffCounts, diffDefinitions, type ActivityDiff } from './model/diff';
import { edgeId, toNode, type ConnectionEdge } from './model/graph';
import { NODE_WIDTH } from './model/layout';
import type { ActivityDescriptor, DefinitionVersion, Json } from './model/types';

interface Props {
  definitionId: string;
  versions: DefinitionVersion[];
  from: number;
  to: number;
  descriptors: ActivityDescriptor[];
  onChange: (from: number, to: number) => void;
}

const show = (v: Json | undefined) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function ChangeList({ diff, onPick }: { diff: ActivityDiff[]; onPick: (id: string) => void }) {
  const labels = useFlowLabels();
  const changed = diff.filter((a) => a.status !== 'same');
  if (!changed.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.t('flows.diff.noChanges')} />;
  return (
    <div>
      {changed.map((a) => (
        <div key={a.id} className={`gc-diff-item gc-diff-item--${a.status}`} onClick={() => onPick(a.id)} data-testid={`diff-item-${a.id}`}>
          <div>
            <Tag color={a.status === 'added' ? 'green' : a.status === 'removed' ? 'red' : 'orange'}>{labels.t(`flows.diff.${a.status}`)}</Tag>
            <Typography.Text strong>{a.activity.name || a.id}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.id}</Typography.Text>
          </div>
          {a.changes.length > 0 && (
            <ul>
              {a.changes.map((c) => (
                <li key={c.field}>
                  <Typography.Text>{labels.t(`flows.input.${c.field}`, { defaultValue: c.field })}</Typography.Text>：
                  <Typography.Text delete type="secondary">{show(c.before)}</Typography.Text> → <Typography.Text strong>{show(c.after)}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

function Diff({ definitionId, versions, from, to, descriptors, onChange }: Props) {
  const labels = useFlowLabels();
  const { t } = labels;
  const flow = useReactFlow();
  const older = useDefinition(definitionId, from, true);
  const newer = useDefinition(definitionId, to, true);
  const byType = useMemo(() => new Map(descriptors.map((d) => [d.type, d])), [descriptors]);

  const view = useMemo(() => {
    if (!older.data || !newer.data) return null;
    const diff = diffDefinitions(older.data, newer.data);
    const nodes = diff.activities.map((a) => ({ ...toNode(a.activity, byType.get(a.activity.type)), selectable: true }));
    const taken = new Set<string>();
    const edges: ConnectionEdge[] = diff.connections.map(({ status, connection: c }) => ({
      id: edgeId(c.source.activity, c.source.port, c.target.activity, taken),
      source: c.source.activity,
      sourceHandle: c.source.port ?? null,
      target: c.target.activity,
      targetHandle: null,
      className: status === 'same' ? undefined : `gc-edge--${status}`,
      zIndex: status === 'same' ? 0 : 1,
    }));
    const decorations: CanvasDecorations = { descriptors: byType, diff: new Map(diff.activities.map((a) => [a.id, a])) };
    return { diff, nodes, edges, decorations, counts: diffCounts(diff) };
  }, [older.data, newer.data, byType]);

  const option = (v: DefinitionVersion) => ({
    value: v.version,
    label: `v${v.version} ${v.isPublished ? t('flows.version.published') : t('flows.version.draft')}${v.isLatest ? ` · ${t('flows.version.latest')}` : ''}`,
  });

  const focusNode = (id: string) => {
    const node = flow.getNode(id);
    if (node) flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + 40, { zoom: 1.1, duration: 300 });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="flows-diff">
      <Space wrap style={{ padding: '6px 8px', borderBottom: '1px solid #f0f0f0' }}>
        <span>{t('flows.diff.from')}</span>
        <Select style={{ width: 180 }} value={from} options={versions.map(option)} onChange={(v) => onChange(v, to)} data-testid="diff-from" />
        <span>{t('flows.diff.to')}</span>
        <Select style={{ width: 180 }} value={to} options={versions.map(option)} onChange={(v) => onChange(from, v)} data-testid="diff-to" />
        {view && (
          <Space size={4}>
            <Tag color="green">{t('flows.diff.addedCount', { count: view.counts.added })}</Tag>
            <Tag color="red">{t('flows.diff.removedCount', { count: view.counts.removed })}</Tag>
            <Tag color="orange">{t('flows.diff.changedCount', { count: view.counts.changed })}</Tag>
            <Tag>{t('flows.diff.connections', { added: view.counts.connectionsAdded, removed: view.counts.connectionsRemoved })}</Tag>
          </Space>
        )}
      </Space>
      {from === to && <Alert type="info" showIcon banner message={t('flows.diff.same')} />}
      {older.error || newer.error ? (
        <Alert type="error" showIcon message={t('flows.loadFailed')} />
      ) : !view ? (
        <Spin style={{ margin: 40 }} />
      ) : (
        <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <div style={{ flex: 1, position: 'relative' }}>
            <ReadOnlyCanvas key={`${from}-${to}`} nodes={view.nodes} edges={view.edges} decorations={view.decorations} />
          </div>
          <div style={{ width: 340, borderLeft: '1px solid #f0f0f0', padding: 12, overflowY: 'auto' }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>{t('flows.diff.title', { from, to })}</Typography.Title>
            {view.diff.definitionChanges.length > 0 && (
              <Alert
                style={{ marginBottom: 8 }}
                type="warning"
                message={t('flows.diff.definitionChanged')}
                description={view.diff.definitionChanges.map((c) => `${t(`flows.definition.${c.field}`, { defaultValue: c.field })}: ${show(c.before)} → ${show(c.after)}`).join('\n')}
              />
            )}
            <ChangeList diff={view.diff.activities} onPick={focusNode} />
          </div>
        </div>
      )}
    </div>
  );
}

/** Two versions of a flow, the newer drawn with what was added (green), removed (red, ghosted) and changed (orange). */
export default function DiffView(props: Props) {
  return (
    <ReactFlowProvider>
      <Diff {...props} />
    </ReactFlowProvider>
  );
}
