import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkItem } from '../api/types';

const colour: Record<string, string> = { Summons: 'magenta', Lead: 'geekblue', CoHandler: 'cyan' };

/**
 * A work item's stage, with what share of the case it is when not the flow's plain task (主办, 协办); a summons (报到)
 * stands beside the flow, so it shows as that alone rather than as the stage the case happened to be in.
 */
export function WorkKindTag({ item }: { item: Pick<WorkItem, 'stage' | 'kind'> }) {
  const { t } = useTranslation();
  const kind = colour[item.kind] ? <Tag color={colour[item.kind]} data-testid={`kind-${item.kind}`}>{t(`workKind.${item.kind}`)}</Tag> : null;
  if (item.kind === 'Summons') return kind;
  return <>{<Tag color="blue">{t(`stage.${item.stage}`, { defaultValue: item.stage })}</Tag>}{kind}</>;
}
