import { Alert, Empty, Form, Input, Tag, Typography } from 'antd';
import { memo, useEffect } from 'react';
import { useFlowLabels } from '../labels';
import type { Problem } from '../model/problems';
import type { ActivityDescriptor, ActivityNode, Json } from '../model/types';
import { InputField } from './InputField';

interface Props {
  activity: Omit<ActivityNode, 'position'> | undefined;
  descriptor: ActivityDescriptor | undefined;
  problems: Problem[];
  readOnly: boolean;
  focus?: { field?: string; nonce: number };
  onName: (name: string) => void;
  onInput: (name: string, value: Json | undefined) => void;
}

/** The selected activity's inputs, each with the control its descriptor asks for. */
function PropertyPanel({ activity, descriptor, problems, readOnly, focus, onName, onInput }: Props) {
  const labels = useFlowLabels();

  useEffect(() => {
    if (!focus) return;
    // The properties tab may still be hidden in this frame (it was just switched to); focus once it shows.
    let tries = 0;
    const timer = window.setInterval(() => {
      const element = document.getElementById(focus.field ? `flows-input-${focus.field}` : 'flows-input-name');
      if (element && element.offsetParent !== null) {
        element.scrollIntoView({ block: 'center' });
        element.focus({ preventScroll: true });
      }
      if ((element && document.activeElement === element) || ++tries > 20) window.clearInterval(timer);
    }, 30);
    return () => window.clearInterval(timer);
  }, [focus]);

  if (!activity) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.t('flows.properties.none')} />;

  const general = problems.filter((p) => !p.field || !descriptor?.inputs.some((i) => i.name === p.field));
  const byField = (name: string) => problems.filter((p) => p.field === name);

  return (
    <div data-testid="flows-properties">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {labels.activityType(descriptor, activity.type)} <Tag>{activity.id}</Tag>
      </Typography.Title>
      {descriptor && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{labels.help(descriptor.description)}</Typography.Paragraph>}
      {!descriptor && <Alert type="error" showIcon message={labels.t('flows.properties.unknownType', { type: activity.type })} style={{ marginBottom: 8 }} />}
      {general.map((p, i) => (
        <Alert key={i} type={p.severity} showIcon message={labels.t(`flows.problem.${p.code}`, { defaultValue: p.message, port: p.port ? labels.outcome(p.port) : '', field: p.field ?? '' })} description={p.code ? p.message : undefined} style={{ marginBottom: 8 }} />
      ))}
      <Form layout="vertical" component="div" size="small">
        <Form.Item label={labels.t('flows.properties.name')}>
          <Input id="flows-input-name" readOnly={readOnly} value={activity.name ?? ''} onChange={(e) => onName(e.target.value)} />
        </Form.Item>
        {descriptor?.inputs.map((input) => {
          const fieldProblems = byField(input.name);
          return (
            <Form.Item
              key={input.name}
              label={labels.input(input)}
              tooltip={labels.inputHelp(input)}
              required={input.required}
              validateStatus={fieldProblems.length ? (fieldProblems.some((p) => p.severity === 'error') ? 'error' : 'warning') : undefined}
              help={fieldProblems.length ? fieldProblems.map((p) => labels.t(`flows.problem.${p.code}`, { defaultValue: p.message, field: labels.input(input), port: '' })).join('；') : undefined}
            >
              <InputField input={input} value={activity.inputs?.[input.name]} readOnly={readOnly} onChange={(v) => onInput(input.name, v)} />
            </Form.Item>
          );
        })}
      </Form>
    </div>
  );
}

export default memo(PropertyPanel);
