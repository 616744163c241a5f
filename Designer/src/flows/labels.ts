import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDescriptor, InputDescriptor } from './model/types';

/** The server writes help texts as "中文 / English"; this picks the half for the current language. */
export function bilingual(text: string | undefined, language: string): string {
  if (!text) return '';
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return language.startsWith('zh') ? text.slice(0, at).trim() : text.slice(at + 3).trim();
}

/** Labels for codes the server sends (outcomes, enum options, activity types) in the current language. */
export function useFlowLabels() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    // Every node of a large flow asks for the same few labels, and each i18next lookup costs; the tables are loaded
    // once at start, so a label looked up is kept for as long as the language stays.
    const outcomes = new Map<string, string>();
    const options = new Map<string, string>();
    const outcome = (code: string) => {
      let label = outcomes.get(code);
      if (label === undefined) outcomes.set(code, (label = t(`flows.outcome.${code}`, { defaultValue: code })));
      return label;
    };
    const option = (input: string, value: string) => {
      const key = `${input}.${value}`;
      let label = options.get(key);
      if (label === undefined) options.set(key, (label = t(`flows.option.${key}`, { defaultValue: outcome(value) })));
      return label;
    };
    const activityType = (d: ActivityDescriptor | undefined, fallback: string) =>
      d ? (language.startsWith('zh') ? d.displayName : d.displayNameEn) : fallback;
    const category = (d: ActivityDescriptor) => bilingual(d.category, language);
    const zh = language.startsWith('zh');
    const pick = (text: { zh?: string; en?: string } | null | undefined) => (text ? (zh ? text.zh : text.en) : undefined);
    const input = (i: InputDescriptor) => t(`flows.input.${i.name}`, { defaultValue: pick(i.label) || bilingual(i.description, language) || i.name });
    const inputHelp = (i: InputDescriptor) => pick(i.help) || bilingual(i.description, language);
    const help = (text: string | undefined) => bilingual(text, language);
    return { t, language, outcome, option, activityType, category, input, inputHelp, help };
  }, [t, language]);
}

export type FlowLabels = ReturnType<typeof useFlowLabels>;
