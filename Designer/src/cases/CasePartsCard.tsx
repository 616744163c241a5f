import { Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOrgNames } from '../api/reference';
import type { CaseDetail, CasePart } from '../api/types';
import { SlaTag } from '../shared/SlaTag';

const kindColour: Record<string, string> = { Lead: 'geekblue', CoHandler: 'cyan', Summons: 'magenta' };

/**
 * Each department's share of the case (主办, 协办, 吹哨报到): open with its countdown, or done with who answered, when
 * and what, late or on time; and per department whether all its parts were on time (its own SLA, not the case's).
 */
export function CasePartsCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const names = useOrgNames();
  const dept = (code: string) => names.get(code) ?? code;
  if (caseDetail.parts.length === 0) return null;
  const open = new Map(caseDetail.openWorkItems.map((w) => [w.id, w]));
  const order = { Lead: 0, CoHandler: 1, Summons: 2 } as Record<string, number>;
  const parts = [...caseDetail.parts].sort((a, b) => (order[a.kind] ?? 3) - (order[b.kind] ?? 3) || a.createdAt.localeCompare(b.createdAt));
  const summonsOnly = caseDetail.parts.every((p) => p.kind === 'Summons');

  return (
    <Card title={t(summonsOnly ? 'parts.titleSummons' : 'parts.title')} style={{ marginBottom: 16 }} data-testid="case-parts"
      extra={(
        <Space wrap size={4} data-testid="department-sla">
          {caseDetail.departmentSla.map((d) => (
            <Tag key={d.orgUnitCode} color={d.onTime ? 'green' : 'red'}>
              {dept(d.orgUnitCode)} · {d.onTime ? t('parts.onTime') : t('parts.lateCount', { count: d.lateParts })}
            </Tag>
          ))}
        </Space>
      )}>
      <Table<CasePart>
        rowKey="workItemId"
        size="small"
        pagination={false}
        scroll={{ x: 860 }}
        dataSource={parts}
        onRow={(p) => ({ 'data-testid': `part-${p.kind}-${p.orgUnitCode}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('parts.col.kind'), key: 'kind', width: 90, render: (_, p) => <Tag color={kindColour[p.kind]}>{t(`workKind.${p.kind}`, { defaultValue: p.kind })}</Tag> },
          { title: t('parts.col.department'), key: 'dept', width: 150, render: (_, p) => dept(p.orgUnitCode) },
          {
            title: t('parts.col.status'), key: 'status', width: 190, render: (_, p) => {
              const item = open.get(p.workItemId);
              if (p.status === 'Open' && item) return <SlaTag item={item} />;
              if (p.status === 'Completed')
                return <Space size={4}><Tag color="success">{t(`parts.done.${p.kind}`)}</Tag>{p.late ? <Tag color="red">{t('parts.late')}</Tag> : <Tag color="green">{t('parts.onTime')}</Tag>}</Space>;
              return <Tag>{t(`parts.status.${p.status}`, { defaultValue: p.status })}</Tag>;
            },
          },
          { title: t('parts.col.due'), key: 'due', width: 120, render: (_, p) => (p.dueAt ? dayjs(p.dueAt).format('MM-DD HH:mm') : '—') },
          {
            title: t('parts.col.answer'), key: 'answer', render: (_, p) => p.completedAt ? (
              <div>
                <Typography.Text>{p.comment || t(`outcome.${p.outcome}`, { defaultValue: p.outcome ?? '' })}</Typography.Text>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.completedBy} · {dayjs(p.completedAt).format('MM-DD HH:mm')}</Typography.Text></div>
              </div>
            ) : <Typography.Text type="secondary">{t('parts.waiting')}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
