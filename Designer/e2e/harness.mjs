// Browser-test harness: a real Host on a free port with a fresh data folder, and Debian's headless Chromium.
// It builds nothing: run `dotnet build` (or the README's test command) first, so Host's dll and Designer/dist exist.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
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
