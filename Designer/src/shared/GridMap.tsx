import { useMemo, type MouseEvent } from 'react';
import type { GridShape } from '../api/types';
import { centreOf, fit, pathOf, ringsOf, shade, type Projection } from './geo';

export interface GridMapProps {
  grids: GridShape[];
  width?: number;
  /** Open cases (or any count) per grid code: shades the grids. */
  counts?: Map<string, number>;
  selected?: string | null;
  onSelect?: (gridCode: string) => void;
  /** A point to mark (a case's reported coordinates). */
  marker?: { lat: number; lng: number } | null;
  labels?: boolean;
  tooltip?: (grid: GridShape) => string;
  testId?: string;
  /** Keeps a tall area (a community of narrow grids) from running down the page. */
  maxHeight?: number;
}

/** The narrowest grid's drawn width. */
function cellWidth(grids: GridShape[], projection: Projection): number {
  let narrowest = Infinity;
  for (const g of grids) {
    const xs = (ringsOf(g.boundary)[0] ?? []).map(([lng, lat]) => projection.project(lng, lat)[0]);
    if (xs.length > 0) narrowest = Math.min(narrowest, Math.max(...xs) - Math.min(...xs));
  }
  return Number.isFinite(narrowest) ? narrowest : projection.width / 10;
}

/** The district's grids drawn from their polygons: no map tiles (none are reachable offline). */
export function GridMap({ grids, width = 640, counts, selected, onSelect, marker, labels = true, tooltip, testId = 'grid-map', maxHeight }: GridMapProps) {
  const projection = useMemo(() => fit(grids, width), [grids, width]);
  const max = counts ? Math.max(0, ...counts.values()) : 0;
  // Labels follow the grids' drawn size, so a community of four and a district of 48 both read.
  const fontSize = useMemo(() => Math.max(7, Math.min(40, cellWidth(grids, projection) / 5)), [grids, projection]);
  const markerPoint = marker ? projection.project(marker.lng, marker.lat) : null;
  const click = (code: string) => (e: MouseEvent) => {
    e.stopPropagation();
    onSelect?.(code);
  };
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      style={{ width: '100%', height: 'auto', maxHeight, display: 'block', background: '#fbfcfe', borderRadius: 8 }}
      role="img"
      data-testid={testId}
    >
      {grids.map((g) => {
        const isSelected = g.code === selected;
        const count = counts?.get(g.code) ?? 0;
        const fill = isSelected ? '#fa8c16' : counts ? shade(count, max) : '#eef3fb';
        const [cx, cy] = centreOf(g, projection);
        return (
          <g key={g.code} onClick={click(g.code)} style={{ cursor: onSelect ? 'pointer' : 'default' }} data-grid={g.code}>
            <path d={pathOf(g, projection)} fill={fill} stroke={isSelected ? '#d46b08' : '#8fa6c8'} strokeWidth={isSelected ? 2 : 0.8}>
              <title>{tooltip ? tooltip(g) : `${g.code} ${g.name}`}</title>
            </path>
            {labels && (
              <text x={cx} y={cy} textAnchor="middle" fontSize={fontSize}
                fill={counts && count > max / 2 && !isSelected ? '#fff' : '#33415c'} pointerEvents="none">
                {/* JB0101G01: the community (0101) above the grid (G01), so equal grid numbers stay apart. */}
                <tspan x={cx} dy={-fontSize * 0.2}>{g.code.slice(-7, -3)}</tspan>
                <tspan x={cx} dy={fontSize * 1.1} fontWeight={600}>{counts ? count : g.code.slice(-3)}</tspan>
              </text>
            )}
          </g>
        );
      })}
      {markerPoint && (
        <g pointerEvents="none">
          <circle cx={markerPoint[0]} cy={markerPoint[1]} r={9} fill="#f5222d" fillOpacity={0.25} />
          <circle cx={markerPoint[0]} cy={markerPoint[1]} r={4} fill="#f5222d" stroke="#fff" strokeWidth={1.5} />
        </g>
      )}
    </svg>
  );
}
