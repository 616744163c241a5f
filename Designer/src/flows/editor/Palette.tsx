import { Collapse, Empty, Input, Tooltip } from 'antd';
import { memo, useMemo, useState } from 'react';
import { categoryColor } from '../canvas/ActivityNodeView';
import { useFlowLabels } from '../labels';
import type { ActivityDescriptor } from '../model/types';

export const DRAG_TYPE = 'application/x-gridcase-activity';

/** Activity types grouped by category; drag one onto the canvas, or double-click to add it in the middle. */
function Palette({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const labels = useFlowLabels();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = descriptors.filter((d) =>
      !q || [d.type, d.displayName, d.displayNameEn, d.category, d.description].some((s) => s?.toLowerCase().includes(q)),
    );
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const d of matching) byCategory.set(labels.category(d), [...(byCategory.get(labels.category(d)) ?? []), d]);
    return [...byCategory.entries()];
  }, [descriptors, query, labels]);

  return (
    <div className="gc-flows-palette" data-testid="flows-palette">
      <Input.Search allowClear placeholder={labels.t('flows.palette.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.t('flows.palette.none')} />
      ) : (
        <Collapse
          size="small"
          ghost
          key={groups.map(([c]) => c).join('|')}
          defaultActiveKey={groups.map(([c]) => c)}
          items={groups.map(([category, items]) => ({
            key: category,
            label: category,
            children: items.map((d) => (
              <Tooltip key={d.type} title={labels.help(d.description)} placement="right" mouseEnterDelay={0.6}>
                <div
                  className="gc-flows-palette-item"
                  style={{ borderLeftColor: categoryColor(d.category) }}
                  draggable
                  data-activity-type={d.type}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, d.type);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDoubleClick={() => onAdd(d.type)}
                >
                  {labels.activityType(d, d.type)}
                  <small>{labels.help(d.description)}</small>
                </div>
              </Tooltip>
            )),
          }))}
        />
      )}
    </div>
  );
}

export default memo(Palette);
