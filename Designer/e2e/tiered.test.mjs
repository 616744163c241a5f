// A grid worker's patrol report runs tiered handling: escalated to the community, the case page shows its responsible level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

test('the case page shows the level a tiered case is at, and its journal the escalation with its reason', async () => {
  const worker = await apiAs(shared.host.url, 'grid.JB0101G01');
  let c = await worker.post('/api/cases', {
    channel: 'GridPatrol', title: '楼道堆放杂物', description: '巡查发现', location: { gridCode: 'JB0101G01', address: '滨江路 18 号 2 单元' },
  });
  assert.equal(c.workflow.definitionId, 'tiered-handling');
  assert.equal(c.responsibleLevel, 'Grid');
  const item = c.openWorkItems.find((w) => w.activityId === 'grid');
  c = await worker.post(`/api/work-items/${item.id}/complete`, { outcome: 'Escalate', comment: '邻里纠纷，网格内调解不成' });
  assert.equal(c.responsibleLevel, 'Community');

  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'community.JB0101');
  await page.goto(`/cases/${c.id}`);
  const level = page.getByTestId('case-responsible-level');
  await level.getByText('社区').waitFor();
  assert.match(await level.innerText(), /JB0101|社区/);
  const escalated = page.locator('[data-testid="timeline-entry"][data-activity="toCommunity"]');
  await escalated.getByText('上报上级').waitFor();
  const text = await escalated.innerText();
  assert.match(text, /社区/);
  assert.match(text, /Grid → Community \(JB0101\): 邻里纠纷，网格内调解不成/);
  assert.match(text, /grid\.JB0101G01/);
  await screenshot(page, 'tiered-case');
  assert.deepEqual(page.problems, []);
});
