import { describe, expect, it } from 'vitest';
import { centreOf, fit, pathOf, shade } from './geo';

const square = (code: string, x: number, y: number) => ({
  code,
  boundary: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

describe('geo', () => {
  const shapes = [square('A', 0, 0), square('B', 1, 0)];
  const p = fit(shapes, 210, 5);

  it('fits the shapes into the width with north up', () => {
    expect(p.project(0, 1)).toEqual([5, 5]);
    const [x, y] = p.project(2, 0);
    expect(x).toBeCloseTo(205, 1);
    expect(y).toBeCloseTo(p.height - 5);
    expect(p.height).toBeCloseTo(110, 1);
  });
  it('unprojects a click back to coordinates', () => {
    const [lng, lat] = p.unproject(...p.project(1.5, 0.25));
    expect(lng).toBeCloseTo(1.5);
    expect(lat).toBeCloseTo(0.25);
  });
  it('draws a closed path and finds the centre', () => {
    expect(pathOf(shapes[0], p)).toMatch(/^M5\.0,105\.0L105\.0,105\.0L105\.0,5\.0.*Z$/);
    const [cx, cy] = centreOf(shapes[1], p);
    expect(cx).toBeCloseTo(155);
    expect(cy).toBeCloseTo(55, 1);
  });
  it('shades zero as empty and the maximum darkest', () => {
    expect(shade(0, 5)).toBe('#f5f7fa');
    expect(shade(5, 5)).toBe('rgb(22,64,160)');
  });
});
