// A supervisor finds an overdue item on the supervision list and urges it: an item on a seconds-long limit, driven to
// Handle, goes overdue on the real timers, which put its case on the list (督办清单).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, hostAndBrowser, login, newPage, screenshot, shortLimit } from './harness.mjs';

const shared = hostAndBrowser();

test('a supervisor finds an overdue item on the supervision list, urges it and sees the urge counted', async () => {
  await shortLimit(shared.host.url, '03.003', 'PT3S');
  const c = await caseInHandle(shared.host.url, { itemCode: '03.003', title: '小区内暴露垃圾', gridCode: 'JB0102G02' });
  const handle = c.openWorkItems.find((w) => w.stage === 'Handle');

  // The real timers (Hangfire) mark it overdue a few seconds later and raise the case's Overdue entry.
  const supervisor = await apiAs(shared.host.url, 'supervisor');
  let entry;
  for (let i = 0; i < 60 && !entry; i++) {
    entry = (await supervisor.get('/api/supervision?kind=Overdue&pageSize=200')).items.find((e) => e.caseId === c.id);
    if (!entry) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(entry, 'the overdue work item did not reach the supervision list');
  const handler = await apiAs(shared.host.url, handle.candidateUsers[0]);
  const before = (await handler.get('/api/notifications?pageSize=200')).total;

  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'supervisor');
  await page.goto('/supervision');
  const row = page.getByTestId('supervision-entry').filter({ hasText: c.number });
  await row.waitFor({ timeout: 20_000 });
  assert.match(await row.innerText(), /超期/);
  assert.equal(await row.getByTestId('urge-count').innerText(), '0');
  assert.equal(await row.getByTestId('entry-status').innerText(), '待督办');

  await row.getByTestId('urge').click();
  await page.getByText('已催办，办理人已收到通知').waitFor();
  await row.getByTestId('urge-count').getByText('1', { exact: true }).waitFor();
  assert.equal(await row.getByTestId('entry-status').innerText(), '已催办');
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'supervision');

  // The urge reached whoever may work the overdue item, through the notification outbox.
  const after = await handler.get('/api/notifications?pageSize=200');
  assert.equal(after.total, before + 1);
  assert.match(after.items[0].title, new RegExp(`催办.*${c.number}`));

  // The overdue work item itself is on the Overdue tab, red, with its department.
  await page.getByTestId('supervision-tab-Overdue').click();
  const item = page.getByTestId('supervision-row-Overdue').filter({ hasText: c.number });
  await item.waitFor({ timeout: 20_000 });
  assert.equal(await item.getByTestId('sla-tag').getAttribute('data-sla'), 'red');
  const flat = (nodes) => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const department = flat(await supervisor.get('/api/org-units')).find((u) => u.code === c.departmentCode);
  assert.match(await item.innerText(), new RegExp(department.name));
  await screenshot(page, 'supervision-overdue');
  assert.deepEqual(page.problems, []);
});
