// Designer benchmark (prints, asserts nothing): open a generated 200-activity flow and pan it.
// Run: npm run bench:designer (after dotnet build and npm run build). Numbers depend on the machine.
//
// Frame time is measured in the page while the mouse pans the canvas: from the first handler of a frame's mouse move
// to the end of that frame's rendering (script, style, layout, paint on the main thread), for every frame in which
// the viewport moved. The interval between such frames is printed too; it cannot go below the display's refresh.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { generateFlow } from './generateFlow.mjs';
import { apiAs, chromiumFlags, startHost } from './harness.mjs';

const COUNT = Number(process.env.BENCH_ACTIVITIES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const definitionId = `bench-${COUNT}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;

const loadAtStart = loadavg();
const host = await startHost();
const launch = (args = []) =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...chromiumFlags, ...args] });
// Openings run at the display's usual frame rate; panning without the frame limit, so that a frame's cost shows.
const browser = await launch();
const panBrowser = await launch(['--disable-gpu-vsync', '--disable-frame-rate-limit']);

/**
 * Runs before any script of every page: checks each frame whether the whole flow is on the canvas (every activity
 * drawn, measured and inside the visible pane, every connection drawn) and records when that frame has been painted
 * (a message posted in requestAnimationFrame runs after the frame's style, layout and paint).
 */
function watchForWholeFlow({ nodeCount, edgeCount }) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => (window.__flowDrawn = performance.now());
  const whole = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (nodes.length !== nodeCount || document.querySelectorAll('.react-flow__edge').length !== edgeCount) return false;
    for (const n of nodes) if (n.style.visibility === 'hidden') return false;
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    for (const n of nodes) {
      const r = n.getBoundingClientRect();
      if (r.width === 0 || r.left < pane.left - 1 || r.right > pane.right + 1 || r.top < pane.top - 1 || r.bottom > pane.bottom + 1) return false;
    }
    return true;
  };
  const tick = () => (whole() ? channel.port2.postMessage(0) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}

try {
  const policy = await apiAs(host.url, 'policy');
  const flow = generateFlow(definitionId, COUNT);
  await policy.put(`/api/workflow-definitions/${definitionId}/draft`, flow);
  const watched = { nodeCount: COUNT, edgeCount: flow.root.connections.length };

  /** A new browser profile that has shown the login page (the app shell is in its cache, as after signing in). */
  async function signedIn(on) {
    const context = await on.newContext({ baseURL: host.url, viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(watchForWholeFlow, watched);
    const page = await context.newPage();
    await page.goto('/login');
    await page.evaluate((t) => localStorage.setItem('gridcase.token', t), policy.token);
    return page;
  }

  /** Navigates to the flow's address; resolves with page times (ms since navigation start) and main-thread CPU. */
  async function open(page) {
    // Chromium counts the main thread's CPU time per document, from its navigation on (when counting was switched on
    // before it); unlike wall time it hardly changes with the others' load on a shared machine.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`/flows?def=${definitionId}`);
    await page.waitForFunction(() => window.__flowDrawn, null, { timeout: 60_000 });
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const cpu = metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    return page.evaluate(({ id, cpu }) => {
      const definition = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === `/api/workflow-definitions/${id}`);
      return { drawn: window.__flowDrawn, definitionArrived: definition ? definition.responseEnd : NaN, cpu };
    }, { id: definitionId, cpu });
  }

  // Cold: the designer's address opened in a new profile (its code, the API calls and the canvas on the clock).
  // Warm: the same address loaded again in that profile (only the API answers are not cached).
  const cold = [];
  const warm = [];
  const afterData = [];
  const cpu = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await signedIn(browser);
    const first = await open(page);
    const second = await open(page);
    cold.push(first.drawn);
    warm.push(second.drawn);
    afterData.push(first.drawn - first.definitionArrived, second.drawn - second.definitionArrived);
    cpu.push(first.cpu, second.cpu);
    await page.context().close();
  }

  const page = await signedIn(panBrowser);
  await open(page);
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

  const list = (xs) => `median ${ms(median(xs))} [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`Designer benchmark: ${COUNT} activities, ${watched.edgeCount} connections, ${RUNS} cold + ${RUNS} warm openings, Chromium ${browser.version()} headless, load average (1/5/15 min) ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} now`);
  console.log('  first render = from navigation start to the painted frame with every activity and connection drawn inside the fitted canvas');
  console.log(`  first render, cold (new profile after the login page: designer code, API calls, canvas): ${list(cold)}`);
  console.log(`  first render, warm (address loaded again: API calls, canvas): ${list(warm)}`);
  console.log(`  of which after the definition arrived: ${list(afterData)}`);
  console.log(`  main-thread CPU time of an opening (from navigation to first render and a little after): ${list(cpu)}`);
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
  await panBrowser.close();
  await host.stop();
}
