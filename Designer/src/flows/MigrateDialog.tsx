import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useDefinition } from './api';
import { useFlowLabels } from './labels';
import type { DefinitionVersion } from './model/types';

interface Position { activityId: string; name?: string | null; type: string }
interface Blocker { activityId: string; code: string; message: string }
interface InstancePlan { instanceId: string; caseId: string; caseNumber: string; status: string; blocked: boolean; from: Position[]; to: Position[]; blockers: Blocker[] }
interface DryRun { total: number; migratable: number; blocked: number; instances: InstancePlan[] }
interface MigrationEntry { instanceId: string; caseNumber: string; outcome: string; reason?: string | null }
interface Migration { id: string; status: string; total: number; pending: number; migrated: number; blocked: number; failed: number; instances: { items: MigrationEntry[]; total: number } }

type MapRow = { key: number; from?: string; to?: string };

const base = (id: string) => `/api/workflow-definitions/${encodeURIComponent(id)}/migrations`;
const OUTCOME_COLOR: Record<string, string> = { Migrated: 'green', Blocked: 'orange', Failed: 'red', Pending: 'default' };

/** 迁移实例: choose two published versions, map the activities the new one renamed, dry-run, run and watch the progress. */
export default function MigrateDialog({ definitionId, versions, open, onClose }: { definitionId: string; versions: DefinitionVersion[]; open: boolean; onClose: () => void }) {
  const { t, help } = useFlowLabels();
  const published = versions.filter((v) => v.isPublished).map((v) => v.version).sort((a, b) => b - a);
  const [toVersion, setTo] = useState<number | undefined>(published[0]);
  const [fromVersion, setFrom] = useState<number | undefined>(published[1]);
  const [rows, setRows] = useState<MapRow[]>([]);
  const [plan, setPlan] = useState<DryRun>();
  const [migrationId, setMigrationId] = useState<string>();
  const [problem, setProblem] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const from = useDefinition(fromVersion ? definitionId : undefined, fromVersion, true);
  const to = useDefinition(toVersion ? definitionId : undefined, toVersion, true);
  const migration = useQuery({
    queryKey: ['migration', definitionId, migrationId],
    queryFn: () => api<Migration>(`${base(definitionId)}/${migrationId}?pageSize=200`),
    enabled: !!migrationId,
    refetchInterval: (q) => (q.state.data?.status === 'Completed' ? false : 1000),
  });

  const activityMap = useMemo(() => Object.fromEntries(rows.filter((r) => r.from && r.to).map((r) => [r.from!, r.to!])), [rows]);
  const options = (activities: { id: string; name?: string | null; type: string }[] | undefined) =>
    (activities ?? []).map((a) => ({ value: a.id, label: `${a.name ?? a.id} (${a.id} · ${a.type})` }));

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await api<DryRun | Migration>(base(definitionId), { method: 'POST', json: { fromVersion, toVersion, activityMap, dryRun } });
      if (dryRun) setPlan(answer as DryRun);
      else setMigrationId((answer as Migration).id);
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : undefined;
      setProblem([help(p?.title ?? String(e)), ...Object.entries(p?.errors ?? {}).flatMap(([field, messages]) => messages.map((m) => `${field}: ${help(m)}`))]);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setPlan(undefined);
    setMigrationId(undefined);
  };
  const position = (ps: Position[]) => ps.map((p) => <Tag key={p.activityId}>{p.name ?? p.activityId}</Tag>);
  const done = migration.data;

  return (
    <Modal open={open} onCancel={onClose} width={960} title={t('flows.migrate.title')} footer={null} destroyOnHidden>
      <div data-testid="migrate-dialog">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('flows.migrate.from')}</span>
          <Select data-testid="migrate-from" style={{ width: 110 }} value={fromVersion} onChange={(v) => { setFrom(v); reset(); }} options={published.map((v) => ({ value: v, label: `v${v}` }))} />
          <span>{t('flows.migrate.to')}</span>
          <Select data-testid="migrate-to" style={{ width: 110 }} value={toVersion} onChange={(v) => { setTo(v); reset(); }} options={published.map((v) => ({ value: v, label: `v${v}` }))} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('flows.migrate.mapHelp')}</Typography.Paragraph>
        {rows.map((row) => (
          <Space key={row.key} style={{ display: 'flex', marginBottom: 6 }}>
            <Select data-testid="migrate-map-from" style={{ width: 340 }} placeholder={t('flows.migrate.oldActivity')} value={row.from}
              options={options(from.data?.root.activities)} showSearch
              onChange={(v) => { setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, from: v } : r))); reset(); }} />
            <span>→</span>
            <Select data-testid="migrate-map-to" style={{ width: 340 }} placeholder={t('flows.migrate.newActivity')} value={row.to}
              options={options(to.data?.root.activities)} showSearch
              onChange={(v) => { setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, to: v } : r))); reset(); }} />
            <Button icon={<DeleteOutlined />} aria-label={t('flows.migrate.removeRow')} onClick={() => { setRows((rs) => rs.filter((r) => r.key !== row.key)); reset(); }} />
          </Space>
        ))}
        <Space style={{ display: 'flex', margin: '8px 0 12px' }}>
          <Button data-testid="migrate-map-add" icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { key: Date.now() + rs.length }])}>{t('flows.migrate.addRow')}</Button>
          <Button data-testid="migrate-dry-run" loading={busy} disabled={!fromVersion || !toVersion} onClick={() => void send(true)}>{t('flows.migrate.dryRun')}</Button>
          <Button data-testid="migrate-run" type="primary" danger loading={busy} disabled={!plan || plan.migratable === 0 || !!migrationId} onClick={() => void send(false)}>
            {t('flows.migrate.run')}
          </Button>
        </Space>
        {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="migrate-problem" message={problem[0]} description={problem.slice(1).map((m) => <div key={m}>{m}</div>)} />}
        {plan && !migrationId && (
          <>
            <div><Typography.Text strong data-testid="migrate-summary">{t('flows.migrate.summary', { total: plan.total, migratable: plan.migratable, blocked: plan.blocked })}</Typography.Text></div>
            <Table<InstancePlan> size="small" rowKey="instanceId" data-testid="migrate-plan" pagination={{ pageSize: 8 }} style={{ marginTop: 8 }}
              dataSource={plan.instances}
              columns={[
                { title: t('flows.migrate.case'), dataIndex: 'caseNumber' },
                { title: t('flows.migrate.now'), render: (_, r) => position(r.from) },
                { title: t('flows.migrate.then'), render: (_, r) => position(r.to) },
                {
                  title: t('flows.migrate.result'),
                  render: (_, r) => r.blocked
                    ? <div>{r.blockers.map((b) => <div key={b.activityId + b.code}><Tag color="orange">{t('flows.migrate.blocked')}</Tag>{help(b.message)}</div>)}</div>
                    : <Tag color="green">{t('flows.migrate.ready')}</Tag>,
                },
              ]} />
          </>
        )}
        {migrationId && (
          <div data-testid="migrate-progress">
            <Progress percent={done && done.total > 0 ? Math.round(((done.total - done.pending) * 100) / done.total) : done?.status === 'Completed' ? 100 : 0} />
            {done && (
              <Typography.Text data-testid="migrate-status">
                {t(done.status === 'Completed' ? 'flows.migrate.completed' : 'flows.migrate.running', { migrated: done.migrated, blocked: done.blocked, failed: done.failed, total: done.total })}
              </Typography.Text>
            )}
            <Table<MigrationEntry> size="small" rowKey="instanceId" style={{ marginTop: 8 }} pagination={{ pageSize: 8 }} dataSource={done?.instances.items ?? []}
              columns={[
                { title: t('flows.migrate.case'), dataIndex: 'caseNumber' },
                { title: t('flows.migrate.result'), render: (_, r) => <Tag color={OUTCOME_COLOR[r.outcome]}>{t(`flows.migrate.outcome.${r.outcome}`)}</Tag> },
                { title: t('flows.migrate.reason'), render: (_, r) => help(r.reason ?? '') },
              ]} />
          </div>
        )}
      </div>
    </Modal>
  );
}
