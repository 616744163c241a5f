// Moving running cases to a new flow version from the flow designer: dry run with a blocked case, an activity map,
// the real run and its progress, against a real Host.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiAs, completeStage, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser(async (s) => {
  s.page = await newPage(s.browser, s.host.url);
  await login(s.page, 'policy');
});

const task = (id, stage, role, scope, outcomes) => ({ id, type: 'HumanTask', name: id, inputs: { stage, role, scope, outcomes, timeLimit: 'P1D' } });
const link = (from, port, to) => ({ source: { activity: from, port }, target: { activity: to, port: 'In' } });
const flow = (activities, connections) => ({ definitionId: 'e2e-migrate', name: '迁移演示 / migration demo', root: { type: 'Flowchart', activities, connections } });
const end = { id: 'end', type: 'End', inputs: { result: 'Done' } };

test('a policy admin dry-runs a migration, maps the renamed task, runs it and the cases move to the new version', async () => {
  const { host, page } = shared;
  const policy = await apiAs(host.url, 'policy');
  const publish = async (definition) => {
    await policy.put('/api/workflow-definitions/e2e-migrate/draft', definition);
    await policy.post('/api/workflow-definitions/e2e-migrate/publish');
  };
  await publish(flow([task('accept', 'Accept', 'Acceptor', 'District', ['Accept']), task('check', 'Verify', 'GridWorker', 'CaseGrid', ['Pass']), end],
    [link('accept', 'Accept', 'check'), link('check', 'Pass', 'end')]));
  await policy.put('/api/flow-bindings', [{ itemCode: '03.003', definitionId: 'e2e-migrate' }]);
  const acceptor = await apiAs(host.url, 'acceptor');
  const report = () => acceptor.post('/api/cases', { channel: 'App', title: '暴露垃圾', itemCode: '03.003', location: { gridCode: 'JB0101G01' } });
  const atAccept = await report();
  const atCheck = await report();
  await completeStage(host.url, atCheck.id, 'Accept', 'Accept');
  await publish(flow([task('accept', 'Accept', 'Acceptor', 'District', ['Accept']), task('check2', 'Verify', 'GridWorker', 'CaseGrid', ['Pass', 'Fail']),
    task('confirm', 'Verify', 'Supervisor', 'District', ['Confirm']), end],
  [link('accept', 'Accept', 'check2'), link('check2', 'Pass', 'confirm'), link('check2', 'Fail', 'end'), link('confirm', 'Confirm', 'end')]));

  await page.goto('/flows?def=e2e-migrate');
  await page.getByTestId('flows-migrate-button').click();
  const dialog = page.getByTestId('migrate-dialog');
  await dialog.waitFor();
  await page.getByTestId('migrate-dry-run').click();
  await dialog.getByTestId('migrate-summary').filter({ hasText: '共 2 个实例：可迁移 1，受阻 1' }).waitFor();
  await dialog.getByText(/v2 中没有活动 check/).waitFor();
  assert.equal(await page.getByTestId('migrate-run').isEnabled(), true);

  const pick = async (testId, option) => {
    await page.getByTestId(testId).last().click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await dropdown.waitFor({ state: 'hidden' });
  };
  await page.getByTestId('migrate-map-add').click();
  await pick('migrate-map-from', '(check ·');
  await pick('migrate-map-to', '(check2 ·');
  await page.getByTestId('migrate-dry-run').click();
  await dialog.getByTestId('migrate-summary').filter({ hasText: '可迁移 2，受阻 0' }).waitFor();
  await screenshot(page, 'designer-migrate-dry-run');

  await page.getByTestId('migrate-run').click();
  await dialog.getByTestId('migrate-status').filter({ hasText: '迁移完成：已迁移 2，受阻 0，失败 0，共 2' }).waitFor({ timeout: 60_000 });
  await screenshot(page, 'designer-migrate-done');

  const moved = await acceptor.get(`/api/cases/${atCheck.id}`);
  assert.equal(moved.workflow.version, 2);
  assert.equal(moved.openWorkItems[0].activityId, 'check2');
  assert.ok(moved.journal.some((j) => j.event === 'Migrated' && j.comment.startsWith('流程版本迁移 v1 → v2')));
  assert.equal((await acceptor.get(`/api/cases/${atAccept.id}`)).workflow.version, 2);
});
