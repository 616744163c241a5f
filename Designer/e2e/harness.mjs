// Browser-test harness: a real Host on a free port with a fresh data folder, and Debian's headless Chromium.
// It builds nothing: run `dotnet build` (or the README's test command) first, so Host's dll and Designer/dist exist.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const screenshotDir = join(here, 'screenshots');
export const PASSWORD = 'Demo#2026';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

function hostDll() {
  const configured = process.env.GRIDCASE_HOST_DLL;
  const candidates = configured ? [configured] : ['Debug', 'Release'].map((c) => join(repoRoot, 'Host', 'bin', c, 'net10.0', 'GridCase.Host.dll'));
  const found = candidates.find(existsSync);
  if (!found) throw new Error(`Host is not built (looked for ${candidates.join(', ')}): run dotnet build first`);
  if (!existsSync(join(repoRoot, 'Designer', 'dist', 'index.html'))) throw new Error('Designer/dist is not built: run npm run build');
  return found;
}

/**
 * Starts the built Host on a free port and a fresh SQLite data folder, waits for /health.
 * @returns {{ url: string, stop: () => Promise<void>, log: () => string }}
 */
export async function startHost({ env = {} } = {}) {
  const port = await freePort();
  const dataFolder = mkdtempSync(join(tmpdir(), 'gridcase-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  // The content root is Host/, where a source-tree Host finds ../Designer/dist.
  const child = spawn('dotnet', [hostDll(), '--urls', url], {
    cwd: join(repoRoot, 'Host'),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Data__Folder: dataFolder,
      Demo__Seed: 'true',
      // The demo users, not the demo cases: each test makes the cases it looks for (a test may pass env to get them).
      Demo__Cases: 'false',
      Logging__LogLevel__Default: 'Warning',
      DOTNET_NOLOGO: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((ok) => child.on('exit', ok));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Host exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Host did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dataFolder,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumFlags });
}

/**
 * A page that records every console error and uncaught page error in `page.problems`.
 * @param {import('playwright-core').Browser} browser
 */
export async function newPage(browser, baseURL, { width = 1440, height = 900, mobile = false } = {}) {
  const context = await browser.newContext({
    baseURL, viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1,
    // The app honours the system's reduced-motion setting: a dialog is there at once, so a click never lands on a
    // dialog that is still zooming in.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The login page asks whether the Host runs in demo mode; a Host without that endpoint answers 404, which
    // the page reads as "no demo users" and Chromium still logs as a failed load.
    if (m.location().url.endsWith('/api/auth/demo') && m.text().includes('404')) return;
    page.problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  return page;
}

/** Signs in through the login page as a demo user and waits for the app to leave the login page. */
export async function login(page, userName, password = PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-user').fill(userName);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  await page.getByTestId('app-user').waitFor();
}

/** Signs out (clears the stored token) so the same page can sign in as someone else. */
export async function logout(page) {
  await page.evaluate(() => localStorage.removeItem('gridcase.token'));
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** The HTTP API as a demo user, for arranging what a browser test then finds on a page. */
export async function apiAs(baseURL, userName) {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${userName}: ${response.status}`);
  const { accessToken } = await response.json();
  const call = async (method, path, body) => {
    const r = await fetch(`${baseURL}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    token: accessToken,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
  };
}

/** Completes a case's open work item of a stage through the API, as its first candidate. */
export async function completeStage(baseURL, caseId, stage, outcome, { comment, data } = {}) {
  const acceptor = await apiAs(baseURL, 'acceptor');
  const c = await acceptor.get(`/api/cases/${caseId}`);
  const item = c.openWorkItems.find((w) => w.stage === stage);
  if (!item) throw new Error(`case ${caseId} has no open ${stage} item`);
  const worker = await apiAs(baseURL, item.candidateUsers[0]);
  return worker.post(`/api/work-items/${item.id}/complete`, { outcome, comment, data });
}

/** A real PNG (solid colour with a darker band), so a photo shows as an image wherever the app draws it. */
export function pngPhoto(width = 64, height = 48, [r, g, b] = [64, 128, 200]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const dark = y > height / 2 && y < (height * 3) / 4 ? 0.6 : 1;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = r * dark; raw[o + 1] = g * dark; raw[o + 2] = b * dark;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reports a case through the API and takes it to Handle (accepted, dispatched to the item's owner). */
export async function caseInHandle(baseURL, { itemCode = '01.001', title = '井盖缺失', gridCode = 'JB0101G01', address = '滨江路18号' } = {}) {
  const acceptor = await apiAs(baseURL, 'acceptor');
  const reported = await acceptor.post('/api/cases', {
    channel: 'Hotline12345', title, description: '市民来电：路口井盖缺失，夜间危险', itemCode,
    location: { gridCode, address }, reporter: { name: '张先生', phone: '13800000000' },
  });
  await completeStage(baseURL, reported.id, 'Accept', 'Accept');
  return completeStage(baseURL, reported.id, 'Dispatch', 'Dispatch');
}

/** Puts a catalog item on a short natural-time limit (as a policy admin, through the catalog API). */
export async function shortLimit(baseURL, itemCode, timeLimit) {
  const policy = await apiAs(baseURL, 'policy');
  const item = await policy.get(`/api/catalog/items/${itemCode}`);
  return policy.put(`/api/catalog/items/${itemCode}`, { ...item, timeLimit, calendar: 'Natural' });
}

/**
 * One Host and one browser for a test file: started before its tests (then `setup` arranges data), stopped after them.
 * @returns {{ host: Awaited<ReturnType<typeof startHost>>, browser: import('playwright-core').Browser }} filled in once `before` ran
 */
export function hostAndBrowser(setup = async () => {}) {
  const shared = {};
  before(async () => {
    shared.host = await startHost();
    shared.browser = await launchBrowser();
    await setup(shared);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.host?.stop();
  });
  return shared;
}
