// A large valid flow for the designer benchmark: human tasks with rework loops back, a decision every tenth step,
// placed on a grid as a person would have placed them (so nothing is laid out automatically on opening).

const COLUMNS = 20;

/** @returns {object} a workflow definition with `count` activities that the Host's validator accepts */
export function generateFlow(definitionId, count = 200) {
  const activities = [];
  const connections = [];
  const link = (from, port, to) => connections.push({ source: { activity: from, port }, target: { activity: to, port: 'In' } });
  const id = (i) => `a${String(i).padStart(3, '0')}`;
  for (let i = 0; i < count; i++) {
    const position = { x: (i % COLUMNS) * 280, y: Math.floor(i / COLUMNS) * 200 };
    if (i === count - 1) {
      activities.push({ id: id(i), type: 'End', name: `办结 ${i}`, inputs: { result: 'Done' }, position });
    } else if (i % 10 === 9) {
      activities.push({
        id: id(i), type: 'Decision', name: `判断 ${i}`,
        inputs: { condition: { expression: { type: 'JavaScript', value: '$case.dispatchRound < vars.maxDispatchRounds' } } }, position,
      });
      link(id(i), 'True', id(i + 1));
      link(id(i), 'False', id(i - 5));
    } else {
      activities.push({
        id: id(i), type: 'HumanTask', name: `处置 ${i}`,
        inputs: { stage: 'Handle', role: 'Handler', scope: 'DispatchedDepartment', outcomes: ['Complete', 'Return'], commentRequiredFor: ['Return'], timeLimit: 'P1D', calendar: 'Working' },
        position,
      });
      link(id(i), 'Complete', id(i + 1));
      link(id(i), 'Return', i >= 2 ? id(i - 1) : id(i + 1));
    }
  }
  return {
    definitionId, version: 1, isPublished: false, isLatest: true, name: `压测流程 ${count} 个活动 / ${count}-activity benchmark`,
    variables: { maxDispatchRounds: 2 },
    root: { type: 'Flowchart', activities, connections },
  };
}
