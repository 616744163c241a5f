import { Input, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useFlowLabels } from '../labels';
import { describeDuration, parseDuration } from '../model/duration';
import { checkSyntax, expressionOf, isExpression, toExpression } from '../model/expression';
import type { InputDescriptor, Json } from '../model/types';

interface Props {
  input: InputDescriptor;
  value: Json | undefined;
  readOnly: boolean;
  /** undefined removes the input from the activity (the default applies). */
  onChange: (value: Json | undefined) => void;
  autoFocus?: boolean;
}

const { Text } = Typography;

function ExpressionEditor({ value, readOnly, onChange, id }: { value: string; readOnly: boolean; onChange: (s: string) => void; id: string }) {
  const labels = useFlowLabels();
  const problem = checkSyntax(value);
  return (
    <>
      <Input.TextArea
        id={id}
        value={value}
        readOnly={readOnly}
        autoSize={{ minRows: 2, maxRows: 8 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
        status={problem ? 'error' : undefined}
        placeholder="$case.dispatchRound < vars.maxDispatchRounds"
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? (
        <Text type="danger" data-testid="expression-error">{labels.t('flows.input.syntaxError', { message: problem })}</Text>
      ) : (
        <Text type="secondary">{labels.t('flows.input.expressionHelp')}</Text>
      )}
    </>
  );
}

/** Keeps the text as typed and hands up parsed JSON only when it parses. */
function JsonEditor({ value, readOnly, onChange, id }: { value: Json | undefined; readOnly: boolean; onChange: (v: Json | undefined) => void; id: string }) {
  const labels = useFlowLabels();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value === undefined ? '' : JSON.stringify(value, null, 2));
      setError(null);
    }
  }, [value]);
  return (
    <>
      <Input.TextArea
        id={id}
        value={text}
        readOnly={readOnly}
        autoSize={{ minRows: 2, maxRows: 10 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setError(null);
            last.current = undefined;
            onChange(undefined);
            return;
          }
          try {
            const parsed = JSON.parse(e.target.value) as Json;
            setError(null);
            last.current = parsed;
            onChange(parsed);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {error && <Text type="danger">{labels.t('flows.input.jsonError', { message: error })}</Text>}
    </>
  );
}

/** The control for one descriptor input, chosen by its type, with a JavaScript switch where expressions are allowed. */
export function InputField({ input, value, readOnly, onChange }: Props) {
  const labels = useFlowLabels();
  const id = `flows-input-${input.name}`;
  const script = expressionOf(value);
  const asExpression = isExpression(value);
  const placeholder = input.defaultValue !== undefined && input.defaultValue !== null ? labels.t('flows.input.default', { value: JSON.stringify(input.defaultValue) }) : undefined;

  const literal = (() => {
    switch (input.type) {
      case 'enum':
        return (
          <Select
            id={id}
            disabled={readOnly}
            allowClear={!input.required || input.defaultValue !== undefined}
            value={typeof value === 'string' ? value : undefined}
            placeholder={input.defaultValue ? labels.option(input.name, String(input.defaultValue)) : labels.t('flows.input.choose')}
            options={(input.options ?? []).map((o) => ({ value: o, label: `${labels.option(input.name, o)}${labels.language.startsWith('zh') && labels.option(input.name, o) !== o ? ` (${o})` : ''}` }))}
            onChange={(v) => onChange(v ?? undefined)}
            style={{ width: '100%' }}
          />
        );
      case 'boolean':
        return <Switch id={id} disabled={readOnly} checked={value === true || (value === undefined && input.defaultValue === true)} onChange={(v) => onChange(v)} />;
      case 'integer':
      case 'number': {
        const ratio = /ratio/i.test(input.name);
        const current = typeof value === 'number' ? value : undefined;
        const shown = current ?? (typeof input.defaultValue === 'number' ? input.defaultValue : undefined);
        return (
          <>
            <InputNumber
              id={id}
              disabled={readOnly}
              value={current}
              placeholder={placeholder}
              min={input.min ?? (ratio ? 0.05 : undefined)}
              max={input.max ?? (ratio ? 0.99 : undefined)}
              step={ratio ? 0.05 : 1}
              precision={input.type === 'integer' ? 0 : undefined}
              onChange={(v) => onChange(v ?? undefined)}
              style={{ width: '100%' }}
            />
            {ratio && shown !== undefined && <Text type="secondary">{labels.t('flows.input.ratioPreview', { percent: Math.round(shown * 100) })}</Text>}
          </>
        );
      }
      case 'stringList':
        return (
          <Select
            id={id}
            mode="tags"
            disabled={readOnly}
            value={Array.isArray(value) ? value.map(String) : []}
            placeholder={input.defaultValue ? placeholder : labels.t('flows.input.tags')}
            tokenSeparators={[',', '，', ' ']}
            options={[]}
            labelRender={(p) => {
              const text = String(p.value);
              const label = labels.outcome(text);
              return label === text ? text : `${label} ${text}`;
            }}
            onChange={(v: string[]) => onChange(v.length ? v : undefined)}
            style={{ width: '100%' }}
          />
        );
      case 'object':
      case 'any':
        return <JsonEditor id={id} value={value} readOnly={readOnly} onChange={onChange} />;
      case 'instant': {
        const text = typeof value === 'string' ? value : '';
        const at = text ? new Date(text) : null;
        return (
          <>
            <Input id={id} readOnly={readOnly} value={text} placeholder="2026-12-01T09:00:00+08:00" status={at && Number.isNaN(at.getTime()) ? 'error' : undefined}
              onChange={(e) => onChange(e.target.value || undefined)} />
            {at && (Number.isNaN(at.getTime())
              ? <Text type="danger">{labels.t('flows.input.badInstant')}</Text>
              : <Text type="secondary">{labels.t('flows.input.durationPreview', { text: at.toLocaleString(labels.language) })}</Text>)}
          </>
        );
      }
      case 'duration': {
        const text = typeof value === 'string' ? value : '';
        const preview = text ? describeDuration(text, labels.language) : null;
        return (
          <>
            <Input
              id={id}
              readOnly={readOnly}
              value={text}
              placeholder="PT1H · P1D · PT30M"
              status={text && !parseDuration(text) ? 'error' : undefined}
              onChange={(e) => onChange(e.target.value ? e.target.value.toUpperCase() : undefined)}
            />
            {text && (preview ? <Text type="secondary">{labels.t('flows.input.durationPreview', { text: preview })}</Text> : <Text type="danger">{labels.t('flows.input.badDuration')}</Text>)}
          </>
        );
      }
      default:
        return <Input id={id} readOnly={readOnly} value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)} placeholder={placeholder} onChange={(e) => onChange(e.target.value || undefined)} />;
    }
  })();

  return (
    <div>
      {input.supportsExpression && (
        <Segmented
          size="small"
          disabled={readOnly}
          style={{ marginBottom: 4 }}
          value={asExpression ? 'js' : 'literal'}
          options={[{ value: 'literal', label: labels.t('flows.input.literal') }, { value: 'js', label: 'JavaScript' }]}
          onChange={(mode) => onChange(mode === 'js' ? toExpression(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(value) : '') : undefined)}
          data-testid={`expression-toggle-${input.name}`}
        />
      )}
      {asExpression ? <ExpressionEditor id={id} value={script ?? ''} readOnly={readOnly} onChange={(s) => onChange(toExpression(s))} /> : literal}
    </div>
  );
}
