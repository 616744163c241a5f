import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActivityDescriptor, WorkflowDefinition } from './types';

/** The shipped lifecycle flow, read from the repository as the Host seeds it. */
export function lifecycle(): WorkflowDefinition {
  const file = fileURLToPath(new URL('../../../../workflow-definitions/case-lifecycle.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A subset of the Host's descriptors (GET /api/activity-descriptors), as it answers them. */
export const descriptors: ActivityDescriptor[] = [
  {
    type: 'HumanTask', displayName: '人工任务', displayNameEn: 'Human task', category: '人工 / Human', description: '',
    inputs: [
      { name: 'stage', type: 'enum', description: '', required: true, options: ['Accept', 'Dispatch', 'Handle', 'Verify', 'Evaluate'] },
      { name: 'outcomes', type: 'stringList', description: '', required: true },
      { name: 'timeLimit', type: 'duration', description: '', supportsExpression: true },
    ],
    outcomes: [], blocking: true, outcomesFromInput: 'outcomes',
  },
  { type: 'Decision', displayName: '条件判断', displayNameEn: 'Decision', category: '流程 / Flow', description: '', inputs: [{ name: 'condition', type: 'boolean', description: '', required: true, supportsExpression: true }], outcomes: ['True', 'False'] },
  { type: 'Fork', displayName: '并行分支', displayNameEn: 'Fork', category: '流程 / Flow', description: '', inputs: [{ name: 'branches', type: 'stringList', description: '', required: true, defaultValue: ['Branch1', 'Branch2'] }], outcomes: [], outcomesFromInput: 'branches' },
  { type: 'CloseCase', displayName: '结案', displayNameEn: 'Close case', category: '闭环 / Loop', description: '', inputs: [], outcomes: ['Done'] },
  { type: 'Assess', displayName: '考核', displayNameEn: 'Assess', category: '闭环 / Loop', description: '', inputs: [], outcomes: ['Done'] },
  { type: 'SecondDispatch', displayName: '二次派单', displayNameEn: 'Second dispatch', category: '闭环 / Loop', description: '', inputs: [], outcomes: ['Done'] },
  { type: 'End', displayName: '结束', displayNameEn: 'End', category: '流程 / Flow', description: '', inputs: [{ name: 'result', type: 'enum', description: '', required: true, options: ['Done', 'Unresolved', 'Rejected'], defaultValue: 'Done' }], outcomes: [] },
];
