// 吹哨报到 and 主办/协办 in the web app: a subdistrict supervisor whistles on a case and a summoned department reports
// from its inbox; a dispatcher names the lead and co-handlers in the dispatch form, with the API's refusal on the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, completeStage, hostAndBrowser, login, logout, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

/** The browser logs the API's deliberate 400 as a failed load; anything else is a problem. */
const unexpected = (page, expected) => page.problems.filter((p) => !(p.includes('400') && p.includes(expected)));

const openDropdown = (page) => page.locator('.ant-select-dropdown:visible');

/** Picks options of an antd select by typing their names, then closes its list by clicking `away` (a label or title). */
async function choose(page, testId, names, away) {
  await page.getByTestId(testId).click();
  for (const name of names) {
    await page.keyboard.type(name);
    await openDropdown(page).locator('.ant-select-item-option', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
  }
  await away.click();
  await openDropdown(page).first().waitFor({ state: 'hidden' });
}

/**
 * Picks one option of an antd select by clicking it once its list has finished opening: a click during the list's
 * slide-in animation can land on the option that is passing under the pointer. Tries again if the choice did not stick.
 */
async function pick(page, testId, name, away) {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3 && !(await select.innerText()).includes(name); attempt++) {
    await select.click();
    const settled = page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])');
    await settled.locator('.ant-select-item-option', { hasText: name }).click();
    await away.click();
    await openDropdown(page).first().waitFor({ state: 'hidden' });
  }
}

/** The error message antd shows under the form field that holds `testId`. */
const fieldError = (page, testId) => page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

test('a subdistrict supervisor whistles, the summoned department reports from its inbox, the case shows each answer', async () => {
  const url = shared.host.url;
  const c = await caseInHandle(url, { title: '滨江路占道经营与违建交织', gridCode: 'JB0101G01' });
  const page = await newPage(shared.browser, url);

  // A district supervisor may not whistle (only a subdistrict or community may): no button.
  await login(page, 'supervisor');
  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('case-title').waitFor();
  assert.equal(await page.getByTestId('case-whistle').count(), 0);
  await logout(page);

  await login(page, 'supervisor.JB01');
  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('case-whistle').click();
  // Nothing chosen: the API names the departments and the reason, and the dialog shows them under the fields.
  await page.getByTestId('whistle-submit').click();
  await fieldError(page, 'whistle-departments').filter({ hasText: '须指定被召集的部门' }).waitFor();
  await fieldError(page, 'whistle-reason').filter({ hasText: '须填写吹哨理由' }).waitFor();

  const title = page.getByText('吹哨报到：召集部门');
  await choose(page, 'whistle-departments', ['区城市管理局', '区住房和城乡建设局'], title);
  await page.getByTestId('whistle-reason').fill('占道经营与违建交织，街道无法单独处置，请城管、住建到场');
  await fieldError(page, 'whistle-reason').waitFor({ state: 'detached' });
  await pick(page, 'whistle-limit', '4 小时', title);
  assert.match(await page.getByTestId('whistle-limit').innerText(), /4 小时/);
  await screenshot(page, 'whistle-dialog');
  await page.getByTestId('whistle-submit').click();

  const parts = page.getByTestId('case-parts');
  await parts.getByTestId('part-Summons-CGJ').waitFor();
  await parts.getByTestId('part-Summons-ZJJ').getByTestId('sla-tag').waitFor();
  assert.match(await parts.innerText(), /吹哨报到/);
  await page.getByTestId('timeline-entry').filter({ hasText: '吹哨' }).first().waitFor();
  assert.deepEqual(unexpected(page, '/whistle'), []);
  await logout(page);

  // 住建 finds the summons in its inbox, marked as such, and reports; the response is required.
  await login(page, 'handler.ZJJ');
  await page.goto('/inbox');
  const row = page.getByTestId('inbox-row').filter({ hasText: c.number });
  await row.getByTestId('kind-Summons').waitFor();
  await row.getByTestId('work-on').click();
  const drawer = page.getByTestId('work-drawer');
  await drawer.getByTestId('outcome-Reported').click();
  assert.equal(await drawer.getByTestId('photo-button-Before').count(), 0);
  await drawer.getByTestId('complete').click();
  await drawer.getByText('此结果须填写意见').waitFor();
  await drawer.getByTestId('comment').fill('住建执法队下午到场，违建部分限期三日拆除');
  await drawer.getByTestId('complete').click();
  await drawer.waitFor({ state: 'hidden' });
  await row.waitFor({ state: 'detached' });
  await logout(page);

  await login(page, 'supervisor.JB01');
  await page.goto(`/cases/${c.id}`);
  const answered = page.getByTestId('part-Summons-ZJJ');
  await answered.getByText('已报到').waitFor();
  assert.match(await answered.innerText(), /违建部分限期三日拆除/);
  assert.match(await answered.innerText(), /handler\.ZJJ/);
  assert.match(await page.getByTestId('part-Summons-CGJ').innerText(), /等待部门办理/);
  await screenshot(page, 'whistle-parts');

  const after = await (await apiAs(url, 'supervisor')).get(`/api/cases/${c.id}`);
  assert.deepEqual(after.parts.filter((p) => p.kind === 'Summons').map((p) => [p.orgUnitCode, p.status]).sort(),
    [['CGJ', 'Open'], ['ZJJ', 'Completed']]);
  assert.deepEqual(unexpected(page, '/whistle'), []);
});

test('a dispatcher names the lead and co-handlers; a department that returned the case is refused on the lead field', async () => {
  const url = shared.host.url;
  // Dispatched to its owner 城管, which returns it: the re-dispatch may not go back there.
  const c = await caseInHandle(url, { title: '河道边违章搭建影响排水', gridCode: 'JB0101G01' });
  assert.equal(c.departmentCode, 'CGJ');
  await completeStage(url, c.id, 'Handle', 'Return', { comment: '排水设施属水务职责' });

  const page = await newPage(shared.browser, url);
  await login(page, 'dispatcher');
  await page.goto('/inbox');
  const row = page.getByTestId('inbox-row').filter({ hasText: c.number });
  await row.getByTestId('work-on').click();
  const drawer = page.getByTestId('work-drawer');
  await drawer.getByTestId('outcome-Dispatch').click();
  await drawer.getByTestId('field-coHandlerCodes').waitFor();
  // The lead defaults to the item's owner, 城管, which returned the case: the API refuses it on that field.
  await drawer.getByTestId('field-leadDepartmentCode').getByText(/区城市管理局/).waitFor();
  await drawer.getByTestId('complete').click();
  await fieldError(page, 'field-leadDepartmentCode').filter({ hasText: 'CGJ 已退回此案件' }).waitFor();

  const away = drawer.getByText('办理结果');
  await choose(page, 'field-leadDepartmentCode', ['区水务局'], away);
  await choose(page, 'field-coHandlerCodes', ['区住房和城乡建设局', '区园林绿化局'], away);
  // Changing the lead cleared the API's message on it.
  await fieldError(page, 'field-leadDepartmentCode').waitFor({ state: 'detached' });
  await screenshot(page, 'dispatch-cohandlers');
  await drawer.getByTestId('complete').click();
  await drawer.waitFor({ state: 'hidden' });
  assert.deepEqual(unexpected(page, '/complete'), []);

  await page.goto(`/cases/${c.id}`);
  const departments = page.getByTestId('case-departments');
  await departments.waitFor();
  assert.match(await departments.innerText(), /主办\s*区水务局[\s\S]*协办\s*区住房和城乡建设局、区园林绿化局/);
  await page.getByTestId('part-Lead-SWJ').getByTestId('sla-tag').waitFor();
  await page.getByTestId('part-CoHandler-ZJJ').waitFor();
  await page.getByTestId('part-CoHandler-YLLHJ').waitFor();
  await logout(page);

  // A co-handler submits its part from its inbox; the case shows it done while the lead still works.
  await login(page, 'handler.YLLHJ');
  await page.goto('/inbox');
  const part = page.getByTestId('inbox-row').filter({ hasText: c.number });
  await part.getByTestId('kind-CoHandler').waitFor();
  await part.getByTestId('work-on').click();
  await drawer.getByTestId('outcome-Submit').click();
  await drawer.getByTestId('comment').fill('河道两侧绿化带已恢复');
  await drawer.getByTestId('complete').click();
  await drawer.waitFor({ state: 'hidden' });
  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('part-CoHandler-YLLHJ').getByText('已提交').waitFor();
  await screenshot(page, 'case-cohandling');

  const after = await (await apiAs(url, 'dispatcher')).get(`/api/cases/${c.id}`);
  assert.equal(after.departmentCode, 'SWJ');
  assert.deepEqual(after.coHandlerCodes, ['ZJJ', 'YLLHJ']);
  assert.deepEqual(unexpected(page, '/complete'), []);
});
