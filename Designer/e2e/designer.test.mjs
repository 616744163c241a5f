// The flow designer in a real browser against a real Host: a policy admin changes the lifecycle flow, publishes it,
// and a case reported afterwards runs on the new version.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, completeStage, launchBrowser, login, newPage, screenshot, startHost } from './harness.mjs';

let host;
let browser;
let page;

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await newPage(browser, host.url);
  await login(page, 'policy');
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

/** Clicks an edge where a person would: on its curve, at a spot no other edge covers; checks it got selected. */
async function clickEdge(id) {
  const point = await page.evaluate((edgeId) => {
    const edge = document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"]`);
    const path = edge?.querySelector('path.react-flow__edge-path');
    if (!path) return null;
    const m = path.getScreenCTM();
    for (const f of [0.3, 0.2, 0.4, 0.5, 0.6, 0.7, 0.1, 0.8]) {
      const p = path.getPointAtLength(path.getTotalLength() * f);
      const x = p.x * m.a + p.y * m.c + m.e;
      const y = p.x * m.b + p.y * m.d + m.f;
      if (document.elementFromPoint(x, y)?.closest('.react-flow__edge') === edge) return { x, y };
    }
    return null;
  }, id);
  assert.ok(point, `edge ${id} is drawn where it can be clicked`);
  await page.mouse.click(point.x, point.y);
  assert.deepEqual(await page.locator('.react-flow__edge.selected').evaluateAll((es) => es.map((e) => e.getAttribute('data-id'))), [id]);
}

/** Drags from one handle to another with the mouse, as a person connects two activities. */
async function connect(source, port, target) {
  const from = await page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${port}"]`).boundingBox();
  const to = await page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`).boundingBox();
  assert.ok(from && to, `handles ${source}.${port} and ${target} are on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

const edgeCount = () => page.locator('.react-flow__edge').count();

test('a policy admin inserts a check into the lifecycle flow, publishes it, and a new case follows the new version', async () => {
  await page.goto('/flows?def=case-lifecycle');
  await page.locator('[data-activity-id="accept"]').waitFor();
  const shipped = await (await apiAs(host.url, 'policy')).get('/api/workflow-definitions/case-lifecycle?version=1');
  assert.equal(await page.locator('.react-flow__node').count(), shipped.root.activities.length);
  const edgesAtStart = await edgeCount();

  // Drag a decision from the palette onto the canvas.
  await page.getByTestId('flows-palette').getByPlaceholder('搜索活动类型').fill('条件');
  await page.locator('[data-activity-type="Decision"]').dragTo(page.getByTestId('flows-canvas'), { targetPosition: { x: 260, y: 60 } });
  const decision = page.locator('[data-activity-id="decision1"]');
  await decision.waitFor();
  assert.match(await decision.innerText(), /条件判断/);
  assert.match(await decision.innerText(), /是[\s\S]*否/, 'the True/False outcome ports are labelled in Chinese');

  // Its properties, generated from the descriptor.
  await page.locator('#flows-input-name').fill('预审 Pre-check');
  await page.locator('#flows-input-condition').click();
  assert.equal(await page.locator('#flows-input-condition').getAttribute('aria-checked'), 'true');
  assert.match(await decision.innerText(), /预审 Pre-check/);

  // accept --Accept--> decision --True--> dispatch instead of accept --Accept--> dispatch.
  await clickEdge('accept.Accept->dispatch');
  await page.keyboard.press('Delete');
  assert.equal(await edgeCount(), edgesAtStart - 1);
  await connect('accept', 'Accept', 'decision1');
  await connect('decision1', 'True', 'dispatch');
  assert.equal(await edgeCount(), edgesAtStart + 1);

  // Undo and redo the last connection with the keyboard.
  await page.getByTestId('flows-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  assert.equal(await edgeCount(), edgesAtStart);
  await page.keyboard.press('Control+y');
  assert.equal(await edgeCount(), edgesAtStart + 1);
  await screenshot(page, 'designer-edited');

  // Publish (saving the draft first), with confirmation.
  await page.getByTestId('flows-publish').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '发 布' }).or(page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' })).click();
  await page.getByText('已发布 v2').first().waitFor();

  const policy = await apiAs(host.url, 'policy');
  const definitions = await policy.get('/api/workflow-definitions');
  const lifecycle = definitions.find((d) => d.definitionId === 'case-lifecycle');
  assert.equal(lifecycle.publishedVersion, 2);
  const v2 = await policy.get('/api/workflow-definitions/case-lifecycle?version=2');
  const check = v2.root.activities.find((a) => a.id === 'decision1');
  assert.deepEqual({ type: check.type, name: check.name, inputs: check.inputs }, { type: 'Decision', name: '预审 Pre-check', inputs: { condition: true } });
  const from = (id, port) => v2.root.connections.filter((c) => c.source.activity === id && c.source.port === port).map((c) => c.target.activity);
  assert.deepEqual(from('accept', 'Accept'), ['decision1']);
  assert.deepEqual(from('decision1', 'True'), ['dispatch']);

  // A case reported now runs on v2 and passes the new check on its way to dispatch.
  const acceptor = await apiAs(host.url, 'acceptor');
  const item = (await acceptor.get('/api/catalog/items?pageSize=1')).items[0];
  const created = await acceptor.post('/api/cases', {
    channel: 'Hotline12345', title: '井盖缺失', description: '市民来电反映', itemCode: item.code,
    location: { gridCode: 'JB0101G01', address: '滨江路 18 号' }, reporter: { name: '张先生', phone: '13800000000' },
  });
  assert.deepEqual(created.workflow, { definitionId: 'case-lifecycle', version: 2, status: 'Running' });
  await completeStage(host.url, created.id, 'Accept', 'Accept', { data: { itemCode: item.code } });
  const afterAccept = await acceptor.get(`/api/cases/${created.id}`);
  assert.ok(afterAccept.journal.some((j) => j.activityId === 'decision1' && j.outcome === 'True'), 'the journal shows the new check');
  assert.deepEqual(afterAccept.openWorkItems.map((w) => w.activityId), ['dispatch']);

  // The version diff draws the change on the canvas.
  await page.getByTestId('flows-diff-button').click();
  await page.getByTestId('flows-diff').waitFor();
  await page.locator('[data-testid="flows-diff"] [data-activity-id="decision1"].gc-node--added').waitFor();
  assert.equal(await page.locator('[data-testid="flows-diff"] .react-flow__edge.gc-edge--removed').count(), 1);
  assert.equal(await page.locator('[data-testid="flows-diff"] .react-flow__edge.gc-edge--added').count(), 2);
  await screenshot(page, 'designer-diff');

  // The case's diagram shows where it stands on its version.
  await page.goto(`/cases/${created.id}`);
  const view = page.getByTestId('case-flow-view');
  await view.locator('[data-activity-id="dispatch"].gc-node--active').waitFor();
  assert.equal(await view.locator('[data-activity-id="decision1"].gc-node--done').count(), 1);
  assert.equal(await view.locator('.react-flow__edge.gc-edge--taken').count(), 2);
  await view.scrollIntoViewIfNeeded();
  await screenshot(page, 'designer-case-flow');
  assert.deepEqual(page.problems, [], 'no console error and no page error on the way');
});

test('the problems panel lists what the server refuses, marks the node and blocks publishing', async () => {
  await page.goto('/flows?def=case-lifecycle');
  await page.locator('[data-activity-id="accept"]').waitFor();

  // Copy and paste through the clipboard: the copy gets a fresh id; one undo takes it away again.
  await page.locator('.react-flow__node[data-id="verify"]').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await page.locator('.react-flow__node[data-id="verify1"]').waitFor();
  assert.match(await page.locator('.react-flow__node[data-id="verify1"]').innerText(), /核查 Verify/);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.react-flow__node[data-id="verify1"]').count(), 0);

  await page.locator('[data-activity-type="HumanTask"]').dblclick();
  const task = page.locator('.react-flow__node[data-id="humanTask1"]');
  await task.waitFor();
  await page.keyboard.press('Control+s');
  await page.getByText(/草稿未保存/).first().waitFor();

  const problems = page.getByTestId('flows-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /缺少必填项：闭环环节/);
  assert.equal(await task.locator('.gc-badge--error').count(), 1, 'the node carries a red badge');
  assert.equal(await page.getByTestId('flows-publish').isDisabled(), true);
  await screenshot(page, 'designer-problems');

  await problems.locator('[data-activity-id="humanTask1"]').filter({ hasText: '处理角色' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'flows-input-role');

  // Taking the activity away again (one undo) and saving clears the list.
  await page.getByTestId('flows-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  assert.equal(await task.count(), 0);
  await page.keyboard.press('Control+s');
  await page.getByText(/草稿已保存/).first().waitFor();
  await page.getByTestId('flows-problems-tab').click();
  await page.getByTestId('flows-problems-none').waitFor();

  // A JavaScript condition is checked as it is typed.
  await page.locator('[data-activity-type="Decision"]').dblclick();
  await page.locator('.react-flow__node[data-id="decision1"]').waitFor();
  await page.getByTestId('expression-toggle-condition').getByText('JavaScript').click();
  await page.locator('#flows-input-condition').fill('$case.dispatchRound <');
  await page.getByTestId('expression-error').waitFor();
  assert.match(await page.getByTestId('expression-error').innerText(), /语法错误/);
  await page.locator('#flows-input-condition').fill('$case.dispatchRound < vars.maxDispatchRounds');
  assert.equal(await page.getByTestId('expression-error').count(), 0);
});

test('flow bindings: a policy admin routes web reports to a flow, and a rule without a flow is refused', async () => {
  await page.goto('/flows?tab=bindings');
  await page.getByTestId('flows-bindings').waitFor();
  const pick = async (testId, option) => {
    await page.getByTestId(testId).last().click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await dropdown.waitFor({ state: 'hidden' });
  };
  await page.getByTestId('bindings-add').click();
  await pick('binding-channel', '网站');
  await pick('binding-definition', /case-lifecycle/);
  await page.getByTestId('bindings-save').click();
  await page.getByText('流程绑定已保存').first().waitFor();
  await screenshot(page, 'designer-bindings');
  const policy = await apiAs(host.url, 'policy');
  // The shipped rules (grid patrol → tiered handling, sensor → sensor alert) stay beside the one the admin added.
  assert.deepEqual((await policy.get('/api/flow-bindings')).map((b) => [b.channel, b.categoryCode ?? null, b.itemCode ?? null, b.definitionId]),
    [['GridPatrol', null, null, 'tiered-handling'], ['Sensor', null, null, 'sensor-alert'], ['Web', null, null, 'case-lifecycle']]);

  // A second rule with no flow: the server refuses the whole list and says why under the row.
  await page.getByTestId('bindings-add').click();
  await page.getByTestId('bindings-save').click();
  await page.getByText('流程绑定未保存').first().waitFor();
  await page.getByText(/须指定流程/).first().waitFor();
  assert.equal((await policy.get('/api/flow-bindings')).length, 3);
});
