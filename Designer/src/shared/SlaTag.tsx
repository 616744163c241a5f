import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration, remainingSeconds, slaColour, type SlaInput } from './sla';
import { useNow } from './useNow';

/** The live SLA countdown: green in time, gold after the warning, red when overdue, grey while suspended. */
export function SlaTag({ item }: { item: SlaInput }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const colour = slaColour(item, now);
  const left = remainingSeconds(item, now);
  const units = { day: t('sla.unit.day'), hour: t('sla.unit.hour'), minute: t('sla.unit.minute'), second: t('sla.unit.second') };
  const sep = i18n.language === 'en' ? ' ' : '';
  let text: string;
  if (left === null) text = t('sla.noLimit');
  else if (item.suspended) text = t('sla.suspended', { time: formatDuration(left, units, sep) });
  else if (left < 0) text = t('sla.over', { time: formatDuration(left, units, sep) });
  else text = t('sla.left', { time: formatDuration(left, units, sep) });
  return (
    <Tag color={colour} data-testid="sla-tag" data-sla={colour} style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
