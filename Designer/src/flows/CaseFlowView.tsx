// PLACEHOLDER owned by the web-designer branch: it replaces this file with the real diagram at merge.
// Same signature; this stand-in lists the activities the journal touched, so the case page works meanwhile.
import { Tag } from 'antd';

export interface CaseFlowViewProps {
  definitionId: string;
  version: number;
  journal: { activityId?: string | null; event: string; outcome?: string | null; at: string }[];
  openActivityIds: string[];
  selectedActivityId?: string;
  onSelectActivity?: (activityId: string) => void;
}

export function CaseFlowView(props: CaseFlowViewProps) {
  const seen: string[] = [];
  for (const entry of props.journal) if (entry.activityId && !seen.includes(entry.activityId)) seen.push(entry.activityId);
  for (const id of props.openActivityIds) if (!seen.includes(id)) seen.push(id);
  return (
    <div data-testid="case-flow-view" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {seen.map((id) => (
        <Tag
          key={id}
          color={props.openActivityIds.includes(id) ? 'processing' : id === props.selectedActivityId ? 'blue' : 'default'}
          style={{ cursor: 'pointer', padding: '4px 10px', fontWeight: id === props.selectedActivityId ? 600 : 400 }}
          onClick={() => props.onSelectActivity?.(id)}
        >
          {id}
        </Tag>
      ))}
    </div>
  );
}
