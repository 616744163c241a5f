// A supervisor finds an overdue work item on the supervision page: an item on a seconds-long limit, driven to Handle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, hostAndBrowser, login, newPage, screenshot, shortLimit } from './harness.mjs';

const shared = hostAndBrowser();

test('a supervisor finds the overdue work item on the supervision page', async () => {
  await shortLimit(shared.host.url, '03.003', 'PT3S');
  const c = await caseInHandle(shared.host.url, { itemCode: '03.003', title: '小区内暴露垃圾', gridCode: 'JB0102G02' });
  const handle = c.openWorkItems.find((w) => w.stage === 'Handle');

  // The real timers (Hangfire) mark it overdue a few seconds later.
  const acceptor = await apiAs(shared.host.url, 'acceptor');
  for (let i = 0; i < 60; i++) {
    const now = await acceptor.get(`/api/cases/${c.id}`);
    if (now.openWorkItems.find((w) => w.id === handle.id)?.sla === 'Overdue') break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'supervisor');
  await page.goto('/supervision');
  const row = page.getByTestId('supervision-row-Overdue').filter({ hasText: c.number });
  await row.waitFor({ timeout: 20_000 });
  assert.equal(await row.getByTestId('sla-tag').getAttribute('data-sla'), 'red');
  assert.match(await row.innerText(), /超期/);
  const flat = (nodes) => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const department = flat(await acceptor.get('/api/org-units')).find((u) => u.code === c.departmentCode);
  assert.match(await row.innerText(), new RegExp(department.name));
  await screenshot(page, 'supervision');

  // The supervision list (督办清单) holds the entries the timers raised for it.
  await page.getByTestId('supervision-tab-entries').click();
  await page.getByTestId('supervision-entries').getByTestId('case-ref').filter({ hasText: c.number }).first().waitFor();
  assert.deepEqual(page.problems, []);
});
