// Designer benchmark (prints, asserts nothing): open a generated 200-activity flow and pan it.
// Run: npm run bench:designer (after dotnet build and npm run build). Numbers depend on the machine.
//
// Frame time is measured in the page while the mouse pans the canvas: from the first handler of a frame's mouse move
// to the end of that frame's rendering (script, style, layout, paint on the main thread), for every frame in which
// the viewport moved. The interval between such frames is printed too; it cannot go below the display's refresh.
import { chromium } from 'playwright-core';
import { generateFlow } from './generateFlow.mjs';
import { apiAs, chromiumFlags, startHost } from './harness.mjs';

const COUNT = Number(process.env.BENCH_ACTIVITIES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const definitionId = `bench-${COUNT}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;

const host = await startHost();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [...chromiumFlags, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
});

try {
  const policy = await apiAs(host.url, 'policy');
  await policy.put(`/api/workflow-definitions/${definitionId}/draft`, generateFlow(definitionId, COUNT));

  const context = await browser.newContext({ baseURL: host.url, viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('gridcase.token', t), policy.token);

  /** Resolves (in page time) once every node React Flow draws has been measured and shown. */
  const firstRender = () =>
    page.waitForFunction(
      (count) => {
        const nodes = document.querySelectorAll('.react-flow__node');
        if (nodes.length < Math.min(count, 10)) return false;
        for (const n of nodes) if (getComputedStyle(n).visibility === 'hidden') return false;
        return performance.now();
      },
      COUNT,
      { polling: 'raf', timeout: 60_000 },
    ).then((h) => h.jsonValue());

  const opens = [];
  const afterData = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`/flows?def=${definitionId}`);
    const rendered = await firstRender();
    const loaded = await page.evaluate((id) => {
      const entry = performance.getEntriesByType('resource').find((e) => /\/api\/workflow-definitions\/[^/?]+(\?|$)/.test(e.name) && e.name.includes(`/${id}`));
      return entry ? entry.responseEnd : NaN;
    }, definitionId);
    opens.push(rendered);
    afterData.push(rendered - loaded);
  }
  const drawn = await page.locator('.react-flow__node').count();

  /** Pans by dragging the empty canvas, recording the time of every frame in which the viewport moved. */
  async function pan(label) {
    const start = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      for (let y = pane.top + 20; y < pane.bottom - 20; y += 7)
        for (let x = pane.left + 20; x < pane.right - 200; x += 7)
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      return null;
    });
    if (!start) throw new Error('no empty spot on the canvas to pan from');
    await page.evaluate(() => {
      // Chromium hands continuous input to the page at the start of a frame, right before requestAnimationFrame.
      // A frame's time is from the first handler of its mouse move to the end of its rendering (a message posted
      // in requestAnimationFrame runs after style, layout and paint of that frame).
      const viewport = document.querySelector('.react-flow__viewport');
      window.__frames = [];
      window.__intervals = [];
      let inputAt = null;
      let lastFrame = null;
      const channel = new MessageChannel();
      let pending = null;
      channel.port1.onmessage = () => {
        if (pending) window.__frames.push(performance.now() - pending);
        pending = null;
      };
      window.__onMove = () => {
        if (inputAt === null) inputAt = performance.now();
      };
      window.addEventListener('mousemove', window.__onMove, { capture: true });
      let transform = viewport.style.transform;
      window.__panning = true;
      const tick = (now) => {
        if (inputAt !== null && viewport.style.transform !== transform) {
          transform = viewport.style.transform;
          pending = inputAt;
          channel.port2.postMessage(0);
          if (lastFrame !== null) window.__intervals.push(now - lastFrame);
          lastFrame = now;
        }
        inputAt = null;
        if (window.__panning) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 0; i < 240; i++) {
      const dx = 160 * Math.sin((i / 240) * Math.PI * 4);
      const dy = 60 * Math.sin((i / 240) * Math.PI * 2);
      await page.mouse.move(start.x + dx, start.y + dy);
    }
    await page.mouse.up();
    await page.waitForTimeout(100);
    const { frames, intervals } = await page.evaluate(() => {
      window.__panning = false;
      window.removeEventListener('mousemove', window.__onMove, { capture: true });
      return { frames: window.__frames, intervals: window.__intervals };
    });
    const visible = await page.locator('.react-flow__node').count();
    console.log(`  pan ${label}: ${frames.length} frames, frame time median ${ms(median(frames))}, p95 ${ms(p95(frames))}; ` +
      `interval between moved frames median ${ms(median(intervals))} (${visible} nodes drawn)`);
    return median(frames);
  }

  console.log(`Designer benchmark: ${COUNT} activities, ${RUNS} openings, Chromium ${browser.version()} headless`);
  console.log(`  first render from navigation (page load, lazy chunk, API calls, canvas): median ${ms(median(opens))} [${opens.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  first render from the definition's arrival: median ${ms(median(afterData))} [${afterData.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  nodes drawn at fit-to-screen: ${drawn}`);
  await pan('at fit-to-screen (every node visible)');
  for (let i = 0; i < 6; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(400);
  await pan('zoomed in (only visible nodes drawn)');

  const layoutStart = Date.now();
  await page.getByTestId('flows-layout').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="flows-layout"]')?.classList.contains('ant-btn-loading'), null, { timeout: 60_000 });
  console.log(`  整理布局 (ELK in a worker, ${COUNT} activities): ${Date.now() - layoutStart} ms`);
} finally {
  await browser.close();
  await host.stop();
}
