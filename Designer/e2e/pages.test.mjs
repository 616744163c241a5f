// Every page renders for the roles that use it with no console error and no page error; a screenshot of each is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

let host, browser, caseId;
hostAndBrowser(async (shared) => {
  ({ host, browser } = shared);
  // Some work in flight, so the lists, the case page and the dashboard have something to show.
  caseId = (await caseInHandle(host.url, { itemCode: '01.001', title: '滨江路井盖缺失' })).id;
  await caseInHandle(host.url, { itemCode: '03.003', title: '小区内暴露垃圾', gridCode: 'JB0201G03' });
  const acceptor = await apiAs(host.url, 'acceptor');
  for (const [title, gridCode] of [['占道经营', 'JB0301G02'], ['噪声扰民', 'JB0402G01'], ['路灯不亮', 'JB0101G02']])
    await acceptor.post('/api/cases', { channel: 'App', title, description: `${title}，请尽快处理`, location: { gridCode } });
});

test('the login page loads quickly and lists demo users only in demo mode', async () => {
  const page = await newPage(browser, host.url);
  // Warm once (the browser's first start), then measure a fresh load the way a user meets it.
  await page.goto('/login');
  await page.getByTestId('login-submit').waitFor();
  const context = await browser.newContext({ baseURL: host.url });
  const cold = await context.newPage();
  const started = Date.now();
  await cold.goto('/login');
  await cold.getByTestId('login-submit').waitFor();
  const ms = Date.now() - started;
  const nav = await cold.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]));
  console.log(`# login page: usable after ${ms} ms (domContentLoaded ${Math.round(JSON.parse(nav).domContentLoadedEventEnd)} ms)`);
  await context.close();

  const demo = await fetch(`${host.url}/api/auth/demo`);
  const body = demo.ok ? await demo.json() : { enabled: false };
  const listed = await page.getByTestId('demo-users').count();
  assert.equal(listed, body.enabled && body.users?.length ? 1 : 0);
  await screenshot(page, 'login');
  assert.deepEqual(page.problems, []);
});

test('the login page asks for both fields, says when they are wrong, and a demo user fills them', async () => {
  const page = await newPage(browser, host.url);
  await page.goto('/login');
  await page.getByTestId('login-submit').click();
  await page.getByText('请输入用户名').waitFor();
  await page.getByText('请输入密码').waitFor();
  assert.equal(await page.getByTestId('login-user').getAttribute('aria-invalid'), 'true');

  await page.getByTestId('login-user').fill('acceptor');
  await page.getByTestId('login-password').fill('not-the-password');
  assert.equal(await page.getByText('请输入用户名').count(), 0);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
  assert.ok(page.url().endsWith('/login'));

  await page.getByTestId('demo-user-dispatcher').click();
  assert.equal(await page.getByTestId('login-user').inputValue(), 'dispatcher');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-user').waitFor();
  assert.ok(!page.url().endsWith('/login'));
  // The one console error is Chromium reporting the wrong password's 401.
  assert.deepEqual(page.problems.filter((p) => !p.includes('/api/auth/login')), []);
});

const tours = [
  { user: 'acceptor', pages: [['/inbox', 'inbox-page', 'inbox-acceptor'], ['/intake', 'intake-page', 'intake'], ['/cases', 'cases-page', 'cases']] },
  { user: 'supervisor', pages: [['/supervision', 'supervision-page', 'supervision-list'], ['/dashboard', 'dashboard-page', 'dashboard']] },
  { user: 'policy', pages: [['/catalog', 'catalog-page', 'catalog'], ['/incidents', 'incidents-page', 'incidents-empty']] },
  { user: 'handler.CGJ', pages: [['/inbox', 'inbox-page', 'inbox-handler']] },
];

for (const tour of tours)
  test(`every page of ${tour.user} renders without errors`, async () => {
    const page = await newPage(browser, host.url);
    await login(page, tour.user);
    for (const [path, testId, shot] of tour.pages) {
      await page.goto(path);
      await page.getByTestId(testId).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, shot);
    }
    assert.deepEqual(page.problems, []);
  });

test('the case detail page shows the timeline, the flow and the grid drawing', async () => {
  const page = await newPage(browser, host.url);
  await login(page, 'supervisor');
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-detail').waitFor();
  await page.getByTestId('case-timeline').waitFor();
  await page.getByTestId('case-flow-view').waitFor();
  await page.locator('[data-testid="case-map"] [data-grid="JB0101G01"]').waitFor();
  // Timeline and diagram stay in step: clicking an entry selects its activity.
  await page.getByTestId('timeline-entry').filter({ hasText: '派遣' }).first().click();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'case-detail-supervisor');
  assert.deepEqual(page.problems, []);
});

test('intake suggests catalog items as the agent types and takes the grid from the drawing', async () => {
  const page = await newPage(browser, host.url);
  await login(page, 'acceptor');
  await page.goto('/intake');
  await page.getByTestId('intake-title').fill('路口井盖没了');
  await page.getByTestId('intake-description').fill('主干道上的井盖不见了，晚上很危险');
  await page.getByTestId('suggestion-0').waitFor();
  assert.equal(await page.locator('[data-testid^="suggestion-"]').count(), 5);
  assert.match(await page.getByTestId('suggestion-0').innerText(), /井盖/);
  await page.getByTestId('suggestion-0').click();
  await page.locator('[data-testid="intake-map"] [data-grid="JB0203G02"] path').click();
  assert.equal(await page.getByTestId('intake-grid').inputValue(), 'JB0203G02');
  await screenshot(page, 'intake-filled');
  await page.getByTestId('intake-submit').click();
  await page.getByTestId('case-detail').waitFor();
  assert.match(await page.getByTestId('case-title').innerText(), /路口井盖没了/);
  assert.deepEqual(page.problems, []);
});

test('phone width: the inbox and the case detail fit a phone', async () => {
  const page = await newPage(browser, host.url, { width: 390, height: 844, mobile: true });
  await login(page, 'handler.CGJ');
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').first().waitFor();
  await page.getByTestId('menu-toggle').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the inbox is ${overflow}px wider than the phone`);
  await screenshot(page, 'phone-inbox');
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-timeline').waitFor();
  await page.waitForLoadState('networkidle');
  const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(caseOverflow <= 0, `the case page is ${caseOverflow}px wider than the phone`);
  await screenshot(page, 'phone-case-detail');
  assert.deepEqual(page.problems, []);
});

test('the English switch turns the interface into English', async () => {
  const page = await newPage(browser, host.url);
  await login(page, 'supervisor');
  await page.goto('/supervision');
  await page.getByTestId('supervision-page').waitFor();
  await page.getByTestId('lang-switch').getByText('EN').click();
  await page.getByTestId('menu-supervision').getByText('Supervision').waitFor();
  await page.getByTestId('supervision-tab-Overdue').getByText('Overdue').waitFor();
  await screenshot(page, 'supervision-en');
  assert.deepEqual(page.problems, []);
});

test('a policy admin edits a catalog item and sees the API message under the field', async () => {
  const page = await newPage(browser, host.url);
  await login(page, 'policy');
  await page.goto('/catalog');
  await page.getByTestId('catalog-search').locator('input').fill('井盖松动');
  const row = page.getByTestId('catalog-row').filter({ hasText: '01.009' });
  await row.click();
  await page.getByTestId('catalog-edit').click();
  const form = page.getByTestId('catalog-form');
  await form.getByTestId('catalog-timeLimit').fill('3 days');
  await page.getByTestId('catalog-save').click();
  const explain = form.locator('.ant-form-item').filter({ has: page.getByTestId('catalog-timeLimit') }).locator('.ant-form-item-explain-error');
  await explain.waitFor();
  assert.match(await explain.innerText(), /ISO 8601/);
  await screenshot(page, 'catalog-edit-error');

  await form.getByTestId('catalog-timeLimit').fill('P4D');
  await page.getByTestId('catalog-save').click();
  await form.waitFor({ state: 'detached' });
  const item = await (await apiAs(host.url, 'acceptor')).get('/api/catalog/items/01.009');
  assert.equal(item.timeLimit, 'P4D');
  assert.equal(item.version, 2);
  // The refused save is the one failed request Chromium logs; nothing else may.
  assert.deepEqual(page.problems.filter((p) => !/status of 400 .*\/api\/catalog\/items\/01\.009/.test(p)), []);
});
