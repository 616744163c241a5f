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

/**
 * Labels looked up, per language. Every node of a large flow asks for the same few labels and each i18next lookup
 * costs; the tables are loaded once at start, so a label looked up is kept for as long as the page lives.
 */
const looked = new Map<string, Map<string, string>>();

function remembered(language: string, key: string, lookUp: () => string): string {
  let table = looked.get(language);
  if (!table) looked.set(language, (table = new Map()));
  let label = table.get(key);
  if (label === undefined) table.set(key, (label = lookUp()));
  return label;
}

/** Labels for codes the server sends (outcomes, enum options, activity types) in the current language. */
export function useFlowLabels() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const outcome = (code: string) => remembered(language, `outcome.${code}`, () => t(`flows.outcome.${code}`, { defaultValue: code }));
    const option = (input: string, value: string) =>
      remembered(language, `option.${input}.${value}`, () => t(`flows.option.${input}.${value}`, { defaultValue: outcome(value) }));
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
