import '@xyflow/react/dist/style.css';
import './canvas/canvas.css';
import { BranchesOutlined, DiffOutlined, EditOutlined, EyeOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Empty, Result, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useHasRole } from '../app/auth';
import { flowKeys, useDefinition, useDefinitions, useDescriptors } from './api';
import BindingsTab from './BindingsTab';
import DiffView from './DiffView';
import MigrateDialog from './MigrateDialog';
import FlowEditor from './editor/FlowEditor';
import { useFlowLabels } from './labels';
import type { DefinitionSummary, DefinitionVersion, WorkflowDefinition } from './model/types';

/** Who may edit: the server decides in the end (403); this only hides what would be refused. */
const useCanEdit = () => useHasRole('PolicyAdmin', 'Admin');

function VersionTag({ v }: { v: DefinitionVersion }) {
  const { t } = useFlowLabels();
  return (
    <Tag color={v.isPublished ? (v.isLatest ? 'green' : 'default') : 'gold'} style={{ marginInlineEnd: 4 }}>
      v{v.version} {v.isPublished ? t('flows.version.published') : t('flows.version.draft')}
    </Tag>
  );
}

function Workspace({ summary, canEdit, definitions, onPick }: { summary: DefinitionSummary; canEdit: boolean; definitions: DefinitionSummary[]; onPick: (id: string) => void }) {
  const labels = useFlowLabels();
  const { t } = labels;
  const { modal } = AntApp.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const descriptors = useDescriptors();
  const dirty = useRef(false);
  const [migrating, setMigrating] = useState(false);

  const latest = summary.versions.find((v) => v.isLatest) ?? summary.versions[summary.versions.length - 1];
  const mode = params.get('mode') === 'diff' ? 'diff' : 'canvas';
  const requested = Number(params.get('v')) || latest.version;
  const version = summary.versions.find((v) => v.version === requested) ?? latest;
  const editing = canEdit && version.isLatest;
  // The latest version is asked for as "latest", the same query the page starts before the list arrives.
  const definition = useDefinition(summary.definitionId, version.isLatest ? undefined : version.version, version.isPublished && !version.isLatest);

  const go = useCallback(
    (patch: Record<string, string | null>) => {
      const apply = () =>
        setParams((p) => {
          const next = new URLSearchParams(p);
          for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
          return next;
        });
      if (!dirty.current) return apply();
      modal.confirm({
        title: t('flows.leave.title'),
        content: t('flows.leave.body'),
        okText: t('flows.leave.ok'),
        cancelText: t('flows.cancel'),
        onOk: () => {
          dirty.current = false;
          apply();
        },
      });
    },
    [modal, setParams, t],
  );

  const onSaved = useCallback(
    (saved: WorkflowDefinition) => {
      client.setQueryData(flowKeys.definition(saved.definitionId, saved.version), saved);
      client.setQueryData(flowKeys.definition(saved.definitionId), saved);
      void client.invalidateQueries({ queryKey: flowKeys.definitions, exact: true });
    },
    [client],
  );
  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const versions = [...summary.versions].sort((a, b) => b.version - a.version);
  const previous = versions.find((v) => v.version < latest.version)?.version ?? latest.version;
  const diffFrom = Number(params.get('from')) || previous;
  const diffTo = Number(params.get('to')) || latest.version;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '8px 12px', borderBottom: '1px solid #f0f0f0', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            style={{ minWidth: 260 }}
            value={summary.definitionId}
            data-testid="flows-definition-picker"
            onChange={(id) => (dirty.current ? go({ def: id, v: null, mode: null, from: null, to: null }) : onPick(id))}
            options={definitions.map((d) => ({
              value: d.definitionId,
              label: (
                <span data-testid={`flows-definition-${d.definitionId}`}>
                  <Typography.Text strong>{d.name}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.definitionId}</Typography.Text>
                  {d.versions.some((v) => v.isLatest && !v.isPublished) && <Tag color="gold" style={{ marginInlineStart: 6 }}>{t('flows.list.draft', { version: d.latestVersion })}</Tag>}
                </span>
              ),
            }))}
          />
          {mode === 'canvas' && (
            <Select
              style={{ width: 230 }}
              value={version.version}
              data-testid="flows-version"
              onChange={(v) => go({ v: String(v) })}
              options={versions.map((v) => ({
                value: v.version,
                label: (
                  <span>
                    <VersionTag v={v} />
                    {v.isLatest ? t('flows.version.latest') : ''}
                  </span>
                ),
              }))}
            />
          )}
          {mode === 'canvas' && (editing ? <Tag icon={<EditOutlined />} color="blue">{t('flows.mode.edit')}</Tag> : <Tag icon={<EyeOutlined />}>{t('flows.mode.view')}</Tag>)}
        </Space>
        <Space>
          {canEdit && summary.versions.filter((v) => v.isPublished).length >= 2 && (
            <Button icon={<NodeIndexOutlined />} onClick={() => setMigrating(true)} data-testid="flows-migrate-button">{t('flows.migrate.button')}</Button>
          )}
          {migrating && <MigrateDialog definitionId={summary.definitionId} versions={summary.versions} open onClose={() => setMigrating(false)} />}
          {mode === 'canvas' ? (
            <Button icon={<DiffOutlined />} disabled={summary.versions.length < 2} onClick={() => go({ mode: 'diff', from: String(previous), to: String(latest.version) })} data-testid="flows-diff-button">
              {t('flows.diff.button')}
            </Button>
          ) : (
            <Button icon={<BranchesOutlined />} onClick={() => go({ mode: null, from: null, to: null })}>{t('flows.diff.back')}</Button>
          )}
        </Space>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        {descriptors.error ? (
          <Alert type="error" showIcon message={t('flows.loadFailed')} />
        ) : !descriptors.data ? (
          <Spin style={{ margin: 40 }} />
        ) : mode === 'diff' ? (
          <DiffView definitionId={summary.definitionId} versions={versions} from={diffFrom} to={diffTo} descriptors={descriptors.data} onChange={(from, to) => go({ from: String(from), to: String(to) })} />
        ) : definition.error ? (
          <Alert type="error" showIcon message={t('flows.loadFailed')} description={(definition.error as Error).message} />
        ) : !definition.data ? (
          <Spin style={{ margin: 40 }} />
        ) : (
          <FlowEditor
            key={editing ? `${summary.definitionId}:edit` : `${summary.definitionId}:v${version.version}`}
            definition={definition.data}
            descriptors={descriptors.data}
            readOnly={!editing}
            onSaved={onSaved}
            onDirtyChange={onDirtyChange}
          />
        )}
      </div>
    </div>
  );
}

function DefinitionsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useFlowLabels();
  const [params, setParams] = useSearchParams();
  const definitions = useDefinitions();
  const selectedId = params.get('def') ?? definitions.data?.[0]?.definitionId;
  // Started beside the list rather than after it: one round trip less before a large flow is drawn.
  useDescriptors();
  const versionParam = params.get('v');
  useDefinition(versionParam ? undefined : (params.get('def') ?? undefined));
  const summary = useMemo(() => definitions.data?.find((d) => d.definitionId === selectedId), [definitions.data, selectedId]);

  if (definitions.error) return <Result status="error" title={t('flows.loadFailed')} subTitle={(definitions.error as Error).message} />;
  if (!definitions.data) return <Spin style={{ margin: 40 }} />;
  return (
    <div style={{ height: '100%', minHeight: 0 }}>
      {summary ? (
        <Workspace key={summary.definitionId} summary={summary} canEdit={canEdit} definitions={definitions.data} onPick={(id) => setParams({ def: id })} />
      ) : (
        <Empty style={{ marginTop: 80 }} description={t('flows.list.empty')} />
      )}
    </div>
  );
}

/** 流程设计: flows and their versions, the designer canvas, version diff, and flow bindings. */
export default function FlowsPage() {
  const { t } = useFlowLabels();
  const canEdit = useCanEdit();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'bindings' ? 'bindings' : 'definitions';
  return (
    <div className="gc-flows-page" style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 130px)', minHeight: 560, background: '#fff' }} data-testid="flows-page">
      <div style={{ padding: '8px 12px' }}>
        <Segmented
          value={tab}
          onChange={(k) => setParams(k === 'bindings' ? { tab: 'bindings' } : {})}
          options={[
            { value: 'definitions', label: t('flows.tab.definitions') },
            { value: 'bindings', label: t('flows.tab.bindings') },
          ]}
        />
      </div>
      <div style={{ flex: 1, minHeight: 0, borderTop: '1px solid #f0f0f0' }}>
        {tab === 'definitions' ? <DefinitionsTab canEdit={canEdit} /> : <BindingsTab canEdit={canEdit} />}
      </div>
    </div>
  );
}
