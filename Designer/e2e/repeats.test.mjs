// 重复诉求: the acceptor sees the possible duplicates on a new report and merges it; a supervisor finds the repeat lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, completeStage, hostAndBrowser, login, newPage, screenshot } from './harness.mjs';

const shared = hostAndBrowser();

/** A report at a point (lat/lng place it in its grid), with the reporter's phone. */
async function report(acceptor, { lat, lng, phone, title = '人行道井盖缺失' }) {
  return acceptor.post('/api/cases', {
    channel: 'Hotline12345', title, description: '市民来电：井盖缺失', itemCode: '01.001',
    location: { lat, lng, address: '滨江路18号' }, reporter: { name: '李女士', phone },
  });
}

test('the acceptor merges a new report into the case it duplicates, and a supervisor finds the repeat lists', async () => {
  const url = shared.host.url;
  const acceptor = await apiAs(url, 'acceptor');
  const master = await report(acceptor, { lat: 30.2101, lng: 120.1051, phone: '13955550001' });
  await completeStage(url, master.id, 'Accept', 'Accept');
  await completeStage(url, master.id, 'Dispatch', 'Dispatch');
  const dup = await report(acceptor, { lat: 30.2102, lng: 120.1051, phone: '13955550042' });

  const page = await newPage(shared.browser, url);
  await login(page, 'acceptor');
  await page.goto(`/cases/${dup.id}`);
  const row = page.getByTestId(`duplicate-${master.number}`);
  await row.waitFor();
  assert.match(await row.innerText(), /\d+ 米/);
  await screenshot(page, 'repeats-duplicates');
  await row.getByTestId('merge').click();
  await page.getByTestId('merge-reason').fill('同一井盖，重复来电');
  await page.getByTestId('merge-confirm').click();
  await page.getByTestId('merged-into').filter({ hasText: master.number }).waitFor();
  await page.getByText('已并案').first().waitFor();
  assert.equal(await page.getByTestId('duplicate-candidates').count(), 0);
  const merged = await acceptor.get(`/api/cases/${dup.id}`);
  assert.equal(merged.stage, 'Merged');
  assert.ok(merged.journal.some((j) => j.event === 'MergedInto' && j.actor === 'acceptor' && j.comment === '同一井盖，重复来电'));
  await page.goto(`/cases/${master.id}`);
  await page.getByTestId('merged-reports').getByText(dup.number).waitFor();

  // 一事多诉 needs two merged reports; 一人多诉 three cases from one phone (the defaults).
  const again = await report(acceptor, { lat: 30.2103, lng: 120.1051, phone: '13955550042' });
  await acceptor.post(`/api/cases/${again.id}/merge`, { masterCaseId: master.id });
  await report(acceptor, { lat: 30.2201, lng: 120.1051, phone: '13955550042', title: '路灯不亮' });

  assert.deepEqual(page.problems, []);
  const supervisor = await newPage(shared.browser, url);
  await login(supervisor, 'supervisor');
  await supervisor.goto('/repeats');
  const complainant = supervisor.getByTestId('repeat-complainant').filter({ hasText: '139****0042' });
  await complainant.waitFor();
  assert.doesNotMatch(await supervisor.getByTestId('repeats-page').innerText(), /13955550042/);
  assert.match(await complainant.innerText(), new RegExp(dup.number));
  await screenshot(supervisor, 'repeats-complainants');
  await supervisor.getByTestId('repeats-tab-matters').click();
  const matter = supervisor.getByTestId('repeat-matter').filter({ hasText: master.number });
  await matter.waitFor();
  assert.match(await matter.innerText(), new RegExp(again.number));
  await screenshot(supervisor, 'repeats-matters');
  assert.deepEqual(supervisor.problems, []);
});
