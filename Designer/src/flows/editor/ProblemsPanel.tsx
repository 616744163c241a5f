import { CloseCircleFilled, CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import { memo } from 'react';
import { useFlowLabels } from '../labels';
import type { Problem } from '../model/problems';

interface Props {
  problems: Problem[];
  checked: boolean;
  nameOf: (activityId: string) => string | undefined;
  onPick: (problem: Problem) => void;
}

/** 问题: every error and warning the server gave for the draft; a click selects the node and its field. */
function ProblemsPanel({ problems, checked, nameOf, onPick }: Props) {
  const labels = useFlowLabels();
  if (!problems.length)
    return checked ? (
      <Typography.Text type="success" data-testid="flows-problems-none"><CheckCircleFilled /> {labels.t('flows.problems.clean')}</Typography.Text>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.t('flows.problems.notChecked')} />
    );
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <div data-testid="flows-problems">
      {sorted.map((p, i) => (
        <div key={i} className={`gc-flows-problem${p.activityId ? ' gc-flows-problem--link' : ''}`} onClick={() => onPick(p)} data-activity-id={p.activityId}>
          {p.severity === 'error' ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : <WarningFilled style={{ color: '#faad14' }} />}
          <div>
            <div>
              <Typography.Text strong>{p.activityId ? (nameOf(p.activityId) ?? p.activityId) : labels.t('flows.problems.definition')}</Typography.Text>
              {p.field && <Typography.Text type="secondary"> · {labels.t(`flows.input.${p.field}`, { defaultValue: p.field })}</Typography.Text>}
            </div>
            <div>{labels.t(`flows.problem.${p.code}`, { defaultValue: p.message, port: p.port ? labels.outcome(p.port) : '', field: p.field ? labels.t(`flows.input.${p.field}`, { defaultValue: p.field }) : '' })}</div>
            {p.code && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.code}: {p.message}</Typography.Text>}
          </div>
        </div>
      ))}
    </div>
  );
}

export default memo(ProblemsPanel);
