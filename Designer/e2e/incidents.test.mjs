// 流程故障 in the web app: an automatic step throws, a policy admin finds the incident on its page, a retry before the
// cause is gone shows the new error and changes nothing, a retry after it resolves the incident and the case goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, completeStage, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

/** Until this instant the flow's check throws, as a step calling a system that is down would; then it passes. */
let readyAt;

/** Accept → a decision whose script throws until `readyAt` → End. */
const incidentFlow = () => ({
  definitionId: 'e2e-incident',
  name: '故障演示 / incident demo',
  root: {
    type: 'Flowchart',
    activities: [
      { id: 'accept', type: 'HumanTask', name: '受理', inputs: { stage: 'Accept', role: 'Acceptor', scope: 'District', outcomes: ['Accept'], timeLimit: 'PT1H' } },
      {
        id: 'check', type: 'Decision', name: '外部核验',
        inputs: { condition: { expression: { type: 'JavaScript', value: `(function () { if (Date.now() < ${readyAt}) throw new Error('核验服务未就绪 / the registry is not ready'); return true; })()` } } },
      },
      { id: 'done', type: 'End', inputs: { result: 'Done' } },
    ],
    connections: [
      { source: { activity: 'accept', port: 'Accept' }, target: { activity: 'check', port: 'In' } },
      { source: { activity: 'check', port: 'True' }, target: { activity: 'done', port: 'In' } },
      { source: { activity: 'check', port: 'False' }, target: { activity: 'done', port: 'In' } },
    ],
  },
});

const shared = hostAndBrowser(async ({ host }) => {
  readyAt = Date.now() + 45_000;
  const flow = incidentFlow();
  const policy = await apiAs(host.url, 'policy');
  await policy.put(`/api/workflow-definitions/${flow.definitionId}/draft`, flow);
  await policy.post(`/api/workflow-definitions/${flow.definitionId}/publish`);
  await policy.put('/api/flow-bindings', [{ itemCode: '03.003', definitionId: flow.definitionId }]);
});

/** The browser logs the API's deliberate 409 as a failed load; anything else is a problem. */
const unexpected = (page) => page.problems.filter((p) => !(p.includes('409') && p.includes('/retry')));

test('a policy admin finds an incident on its page and retries it once the cause is gone', async () => {
  const url = shared.host.url;
  const acceptor = await apiAs(url, 'acceptor');
  const reported = await acceptor.post('/api/cases', {
    channel: 'Hotline12345', title: '小区消防通道被占用', itemCode: '03.003', location: { gridCode: 'JB0101G01', address: '滨江路66号' },
  });
  const faulted = await completeStage(url, reported.id, 'Accept', 'Accept');
  assert.equal(faulted.workflow.status, 'Faulted');

  const page = await newPage(shared.browser, url);
  await login(page, 'policy');
  await page.getByRole('menuitem', { name: '流程故障' }).click();
  await page.waitForURL(/\/incidents/);
  const row = page.getByTestId(`incident-${reported.number}`);
  await row.waitFor();
  assert.match(await row.getByTestId('incident-error').innerText(), /核验服务未就绪/);
  assert.match(await row.innerText(), /check/);
  await screenshot(page, 'incidents');

  // Too early: the step throws again; the page says so and the incident stays open.
  assert.ok(Date.now() < readyAt - 5_000, 'the first retry must come before the cause is gone');
  await row.getByTestId('incident-retry').click();
  await page.getByTestId('incident-retry-confirm').click();
  await page.getByTestId('incident-retry-error').getByText(/重试仍失败/).waitFor();
  assert.equal((await acceptor.get(`/api/cases/${reported.id}`)).workflow.status, 'Faulted');

  await new Promise((r) => setTimeout(r, Math.max(0, readyAt - Date.now() + 1_000)));
  await row.getByTestId('incident-retry').click();
  await page.getByTestId('incident-retry-confirm').click();
  await row.waitFor({ state: 'detached' });

  await page.getByTestId('incidents-status').getByText('已处理').click();
  const resolved = page.getByTestId(`incident-${reported.number}`);
  await resolved.getByTestId('incident-resolved').waitFor();
  assert.match(await resolved.innerText(), /policy/);
  await screenshot(page, 'incidents-resolved');

  const after = await acceptor.get(`/api/cases/${reported.id}`);
  assert.notEqual(after.workflow.status, 'Faulted');
  assert.deepEqual(after.incidents, []);
  assert.ok(after.journal.some((j) => j.event === 'IncidentResolved' && j.actor === 'policy'));
  assert.deepEqual(unexpected(page), []);
});

test('the incidents page is not in the menu of a supervisor', async () => {
  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'supervisor');
  await page.getByRole('menuitem', { name: '案件查询' }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: '流程故障' }).count(), 0);
  assert.deepEqual(page.problems, []);
});
