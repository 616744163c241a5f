import { useTranslation } from 'react-i18next';
import { durationTerms } from './duration';

/** A catalog or flow time limit in words: "3 天（工作时间）". */
export function TimeLimit({ value, calendar }: { value: string; calendar?: string }) {
  const { t } = useTranslation();
  const terms = durationTerms(value);
  if (!terms) return <>{value}</>;
  const text = terms.map(([n, unit]) => t('duration.P', { n, unit: t(`duration.${unit}`) })).join(' ');
  return <>{text}{calendar === 'Working' ? t('duration.workingSuffix') : ''}</>;
}
