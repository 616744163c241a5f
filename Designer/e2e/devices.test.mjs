// An admin registers a sensor on the devices page, sees its key once, and the key makes the device's alert a case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

test('an admin registers a smoke sensor, its key is shown once and its alert becomes a sensor case', async () => {
  const page = await newPage(shared.browser, shared.host.url);
  await login(page, 'admin');
  await page.getByTestId('menu-devices').click();
  await page.getByTestId('devices-page').waitFor();

  const pick = async (testId, option) => {
    await page.getByTestId(testId).click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await dropdown.waitFor({ state: 'hidden' });
  };
  await page.getByTestId('device-id').fill('SMK-E2E-01');
  await pick('device-kind', '烟感');
  await pick('device-grid', 'JB0101G02');
  await page.getByTestId('device-address').fill('滨江路 20 号 3 单元');
  await page.getByTestId('device-submit').click();
  const key = (await page.getByTestId('device-key').innerText()).trim();
  assert.equal(key.length, 43);
  await page.getByTestId('devices-table').getByText('SMK-E2E-01').waitFor();
  await screenshot(page, 'devices');

  // The list never shows the key again.
  const admin = await apiAs(shared.host.url, 'admin');
  const listed = await admin.get('/api/devices');
  assert.ok(listed.items.some((d) => d.deviceId === 'SMK-E2E-01'));
  assert.ok(!JSON.stringify(listed).includes(key));
  await page.reload();
  await page.getByTestId('devices-table').getByText('SMK-E2E-01').waitFor();
  assert.equal(await page.getByTestId('device-key').count(), 0);

  // A taken device ID: the 409 is shown, no key, and the list is unchanged.
  await page.getByTestId('device-id').fill('SMK-E2E-01');
  await pick('device-kind', '烟感');
  await pick('device-grid', 'JB0101G02');
  await page.getByTestId('device-submit').click();
  await page.getByTestId('problem').waitFor();
  assert.equal(await page.getByTestId('device-key').count(), 0);
  assert.equal((await admin.get('/api/devices')).total, listed.total);

  const alert = await fetch(`${shared.host.url}/api/alerts`, {
    method: 'POST',
    headers: { Authorization: `Device ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ deviceId: 'SMK-E2E-01', kind: 'Smoke', value: 0.2, observedAt: new Date().toISOString() }),
  });
  assert.equal(alert.status, 201);
  const c = await admin.get(`/api/cases/${(await alert.json()).caseId}`);
  assert.equal(c.channel, 'Sensor');
  assert.equal(c.departmentCode, 'JB01DT');
  // The one refused request is the taken ID's 409, which the browser logs.
  assert.deepEqual(page.problems.filter((p) => !(p.includes('409') && p.includes('/api/devices'))), []);
});
