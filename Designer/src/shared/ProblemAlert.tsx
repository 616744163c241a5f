import { Alert, type FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useTranslation } from 'react-i18next';

/** An API error as the user reads it: the ProblemDetails title and every field message. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : { title: String(error) };
  const messages = Object.values(problem.errors ?? {}).flat();
  return (
    <Alert
      type="error"
      showIcon
      title={problem.title ?? t('common.error')}
      description={messages.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{messages.map((m) => <li key={m}>{m}</li>)}</ul> : problem.detail}
      data-testid="problem"
    />
  );
}

/** Field errors of a ProblemDetails in the shape antd's Form.setFields takes; "data.departmentCode" → "departmentCode". */
export function fieldErrors<T = unknown>(error: unknown, known: string[], rename: Record<string, string> = {}): Parameters<FormInstance<T>['setFields']>[0] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  return Object.entries(error.problem.errors)
    .map(([key, errors]) => {
      const name = key.replace(/^data\./, '').replace(/\[\d+\]$/, '');
      return { name: rename[name] ?? name, errors };
    })
    .filter((f) => known.includes(f.name)) as Parameters<FormInstance<T>['setFields']>[0];
}
