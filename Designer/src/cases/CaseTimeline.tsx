import { Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOrgNames } from '../api/reference';
import type { JournalEntry } from '../api/types';

const colourOf = (e: JournalEntry) =>
  e.event === 'Overdue' ? 'red' : e.event === 'Warning' ? 'orange' : e.outcome && ['Reject', 'Return', 'Fail', 'Unsatisfied'].includes(e.outcome) ? 'red' : e.event === 'Completed' ? 'green' : 'blue';

/** A new task's journal comment names who it waits for as "Role@OrgUnit": shown as the role and the unit's name. */
function useCommentText() {
  const { t } = useTranslation();
  const names = useOrgNames();
  return (e: JournalEntry) => {
    const m = e.event === 'TaskCreated' ? /^(\w+)@(\S+)$/.exec(e.comment ?? '') : null;
    return m ? t('journal.waitsFor', { role: t(`role.${m[1]}`, { defaultValue: m[1] }), unit: names.get(m[2]) ?? m[2] }) : e.comment;
  };
}

/** 办理轨迹: the case's journal, oldest first; an entry of the selected activity is highlighted, a click selects its activity. */
export function CaseTimeline({ journal, selectedActivityId, onSelect }: {
  journal: JournalEntry[]; selectedActivityId?: string; onSelect?: (activityId: string) => void;
}) {
  const { t } = useTranslation();
  const commentText = useCommentText();
  return (
    <Timeline
      data-testid="case-timeline"
      items={journal.map((e, i) => {
        const selected = !!e.activityId && e.activityId === selectedActivityId;
        return {
          key: i,
          color: colourOf(e),
          content: (
            <div
              onClick={() => e.activityId && onSelect?.(e.activityId)}
              data-testid="timeline-entry"
              data-activity={e.activityId ?? ''}
              style={{
                cursor: e.activityId ? 'pointer' : 'default', padding: '4px 8px', margin: '-4px -8px', borderRadius: 6,
                background: selected ? '#e6f0ff' : undefined, outline: selected ? '1px solid #91b8ff' : undefined,
              }}
            >
              <div>
                <Typography.Text strong>{t(`stage.${e.stage}`, { defaultValue: e.stage })}</Typography.Text>{' · '}
                {t(`journal.${e.event}`, { defaultValue: e.event })}
                {e.outcome && (
                  <Tag style={{ marginInlineStart: 8 }}>
                    {/* A report's "outcome" is the channel it came in through. */}
                    {/* An escalation's is the level the case went to. */}
                    {e.event === 'Reported' ? t(`channel.${e.outcome}`, { defaultValue: e.outcome })
                      : e.event === 'Escalated' || e.event === 'ResponsibleLevelSet' ? t(`cases.level.${e.outcome}`, { defaultValue: e.outcome })
                      : t(`outcome.${e.outcome}`, { defaultValue: e.outcome })}
                  </Tag>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')} · {e.actor === 'system' ? t('journal.system') : e.actor}
              </Typography.Text>
              {e.comment && <div style={{ marginTop: 2, color: '#434f64' }}>{commentText(e)}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
