/** Draws GeoJSON grid polygons as SVG paths: an equirectangular projection scaled by the latitude's cosine. */

export type Ring = [number, number][];

export interface Shape {
  code: string;
  boundary: { type: string; coordinates: unknown };
}

export function ringsOf(boundary: Shape['boundary']): Ring[] {
  if (boundary.type === 'Polygon') return boundary.coordinates as Ring[];
  if (boundary.type === 'MultiPolygon') return (boundary.coordinates as Ring[][]).flat();
  return [];
}

export interface Projection {
  width: number;
  height: number;
  project: (lng: number, lat: number) => [number, number];
  unproject: (x: number, y: number) => [number, number];
}

/** Fits every shape into a box `width` wide with `padding` around, keeping the map's proportions. */
export function fit(shapes: Shape[], width: number, padding = 8): Projection {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const s of shapes)
    for (const ring of ringsOf(s.boundary))
      for (const [x, y] of ring) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
  if (!Number.isFinite(minX)) return { width, height: width / 2, project: () => [0, 0], unproject: () => [0, 0] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = spanY * scale + 2 * padding;
  return {
    width,
    height,
    project: (lng, lat) => [padding + (lng - minX) * k * scale, padding + (maxY - lat) * scale],
    unproject: (x, y) => [minX + (x - padding) / (k * scale), maxY - (y - padding) / scale],
  };
}

export function pathOf(shape: Shape, projection: Projection): string {
  return ringsOf(shape.boundary)
    .map((ring) => ring.map(([x, y], i) => {
      const [px, py] = projection.project(x, y);
      return `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`;
    }).join('') + 'Z')
    .join('');
}

export function centreOf(shape: Shape, projection: Projection): [number, number] {
  const ring = ringsOf(shape.boundary)[0] ?? [];
  const points = ring.slice(0, Math.max(1, ring.length - 1)).map(([x, y]) => projection.project(x, y));
  const n = points.length || 1;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

/** A colour from white-blue to deep blue for a count among counts up to `max`. */
export function shade(count: number, max: number): string {
  if (count <= 0 || max <= 0) return '#f5f7fa';
  const t = Math.min(1, count / max);
  const from = [214, 228, 255], to = [22, 64, 160];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
