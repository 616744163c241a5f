// A handler finds a dispatched case in the inbox, uploads the photos its closure standard asks for and completes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, caseInHandle, hostAndBrowser, login, newPage, pngPhoto, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

test('a handler finds the case in the inbox, uploads photos and completes it', async () => {
  const c = await caseInHandle(shared.host.url, { itemCode: '01.001', title: '滨江路井盖缺失' });
  assert.equal(c.stage, 'Handle');
  assert.equal(c.departmentCode, 'CGJ');

  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'handler.CGJ');
  await page.goto('/inbox');
  // Nothing claimed yet: the inbox opens on 待领取, where the dispatched case waits.
  const row = page.getByTestId('inbox-row').filter({ hasText: c.number });
  await row.waitFor();
  await row.getByTestId('sla-tag').waitFor();
  await screenshot(page, 'inbox');

  await row.getByTestId('work-on').click();
  const drawer = page.getByTestId('work-drawer');
  await drawer.getByTestId('work-item-panel').waitFor();
  await drawer.getByTestId('photo-input-Before').setInputFiles({ name: '处置前.png', mimeType: 'image/png', buffer: pngPhoto(64, 48, [150, 110, 80]) });
  await drawer.getByTestId('closure-requirements').getByText('处置前照片').locator('xpath=ancestor-or-self::*[contains(@class,"ant-tag-success")]').first().waitFor();
  await drawer.getByTestId('photo-input-After').setInputFiles({ name: '处置后.png', mimeType: 'image/png', buffer: pngPhoto(64, 48, [80, 160, 90]) });
  await drawer.getByTestId('closure-requirements').getByText('处置后照片').locator('xpath=ancestor-or-self::*[contains(@class,"ant-tag-success")]').first().waitFor();

  await drawer.getByTestId('outcome-Complete').click();
  await drawer.getByTestId('comment').fill('已设置围挡并补装井盖，路面平顺');
  await screenshot(page, 'inbox-complete');
  await drawer.getByTestId('complete').click();

  // The drawer closes and the list refreshes in place: the case is no longer waiting for this handler.
  await drawer.waitFor({ state: 'hidden' });
  await row.waitFor({ state: 'detached' });
  await page.getByTestId('tab-Done').click();
  await page.getByTestId('inbox-row').filter({ hasText: c.number }).waitFor();

  const now = await (await apiAs(shared.host.url, 'acceptor')).get(`/api/cases/${c.id}`);
  assert.equal(now.stage, 'Verify');
  assert.deepEqual(now.attachments.map((a) => a.kind).sort(), ['After', 'Before']);
  const done = now.journal.find((j) => j.stage === 'Handle' && j.outcome === 'Complete');
  assert.equal(done.actor, 'handler.CGJ');
  assert.equal(done.comment, '已设置围挡并补装井盖，路面平顺');

  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('attachment').nth(1).locator('img').waitFor();
  await page.getByTestId('timeline-entry').filter({ hasText: '处置完成' }).waitFor();
  await screenshot(page, 'case-detail');
  assert.deepEqual(page.problems, []);
});
