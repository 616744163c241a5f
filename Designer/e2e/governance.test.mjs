// 三定 arbitration and 案结事未了 reopen in the web app: a district supervisor decides a case returned twice on the
// arbitration page, and reopens a finished case from its detail page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, completeStage, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

/** The browser logs the API's deliberate 400 as a failed load; anything else is a problem. */
const unexpected = (page, expected) => page.problems.filter((p) => !(p.includes('400') && p.includes(expected)));

test('a district supervisor designates the owner of a case returned twice on the arbitration page', async () => {
  const url = shared.host.url;
  let c = await caseInHandle(url, { title: '小区门口共享单车堆积', gridCode: 'JB0101G01' });
  const first = c.departmentCode;
  const second = first === 'ZJJ' ? 'CGJ' : 'ZJJ';
  await completeStage(url, c.id, 'Handle', 'Return', { comment: '不属于本局职责' });
  await completeStage(url, c.id, 'Dispatch', 'Dispatch', { data: { departmentCode: second } });
  c = await completeStage(url, c.id, 'Handle', 'Return', { comment: '应由属地街道处理' });
  assert.equal(c.stage, 'Arbitrate');

  const page = await newPage(shared.browser, url);
  await login(page, 'supervisor');
  await page.getByRole('menuitem', { name: '三定仲裁' }).click();
  await page.waitForURL(/\/arbitration/);
  const row = page.getByTestId('arbitration-row').filter({ hasText: c.number });
  await row.waitFor({ timeout: 20_000 });
  assert.match(await row.innerText(), /不属于本局职责/);
  assert.match(await row.innerText(), /应由属地街道处理/);
  await screenshot(page, 'arbitration-list');

  await row.getByTestId('arbitration-decide').click();
  // Without owner and basis the API names both fields; the dialog shows them and nothing is decided.
  await page.getByTestId('arbitration-submit').click();
  await page.getByText('须指定权属单位').waitFor();
  await page.getByText('须填写裁定依据').waitFor();

  await page.getByTestId('arbitration-owner').click();
  await page.keyboard.type('司法局');
  await page.keyboard.press('Enter');
  await page.getByTestId('arbitration-basis').fill('经区三定协调会研究，由区司法局牵头调处');
  await page.getByTestId('arbitration-writeback').check();
  await screenshot(page, 'arbitration-decide');
  await page.getByTestId('arbitration-submit').click();
  await row.waitFor({ state: 'detached' });

  await page.getByText('已裁定', { exact: true }).click();
  const decided = page.getByTestId('arbitration-row').filter({ hasText: c.number });
  await decided.waitFor();
  assert.match(await decided.getByTestId('arbitration-decision').innerText(), /区司法局[\s\S]*指定[\s\S]*已回写/);

  const after = await (await apiAs(url, 'supervisor')).get(`/api/cases/${c.id}`);
  assert.equal(after.stage, 'Handle');
  assert.equal(after.departmentCode, 'SFJ');
  assert.deepEqual(unexpected(page, '/decide'), []);
});

test('a supervisor reopens a finished case from its detail page for another round', async () => {
  const url = shared.host.url;
  // An item whose closure standard asks for no photos (婚姻登记咨询), so that the API alone can finish it.
  const c = await caseInHandle(url, { itemCode: '17.019', title: '婚姻登记预约咨询未答复', gridCode: 'JB0101G01' });
  await completeStage(url, c.id, 'Handle', 'Complete', { comment: '已电话告知办理流程' });
  await completeStage(url, c.id, 'Verify', 'Pass');
  const done = await completeStage(url, c.id, 'Evaluate', 'Satisfied');
  assert.equal(done.stage, 'Done');

  const page = await newPage(shared.browser, url);
  await login(page, 'supervisor');
  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('case-reopen').click();
  await page.getByText('暂时解决、问题复发').click();
  await page.getByTestId('case-reopen-submit').click();
  await page.getByText('须填写重新打开的理由').waitFor();
  await page.getByTestId('case-reopen-reason').fill('群众再次来电：按告知流程仍无法预约');
  await page.getByTestId('case-reopen-submit').click();
  await page.getByTestId('case-reopens').waitFor();
  assert.match(await page.getByTestId('case-reopens').innerText(), /重新打开 1 次/);
  await page.getByTestId('case-detail').getByText('派遣', { exact: true }).first().waitFor();
  assert.equal(await page.getByTestId('case-reopen').count(), 0);
  await screenshot(page, 'case-reopened');

  const after = await (await apiAs(url, 'supervisor')).get(`/api/cases/${c.id}`);
  assert.equal(after.stage, 'Dispatch');
  assert.equal(after.dispatchRound, 2);
  assert.equal(after.journal.find((j) => j.event === 'Reopened').outcome, 'SolvedForNow');
  assert.deepEqual(unexpected(page, '/reopen'), []);
});
