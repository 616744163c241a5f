/** The API's shapes as the web app reads them (camelCase JSON of the Host's DTOs). */

export interface Page<T> {
  items: T[];
  /** Exact, or with totalIsLowerBound a lower bound: the long lists (cases, inbox, supervision) count only up to a limit. */
  total: number;
  totalIsLowerBound?: boolean;
}

export interface CurrentUser {
  userName: string;
  displayName: string;
  roles: string[];
  orgUnitCode: string;
  orgUnitName: string;
}

export interface DemoUsers {
  enabled: boolean;
  password?: string;
  users?: { userName: string; role: string; orgUnitCode: string; displayName: string }[];
}

export type SlaState = 'Normal' | 'Warning' | 'Overdue';

export interface WorkItem {
  id: string;
  caseId: string;
  activityId: string;
  stage: string;
  name: string;
  role: string;
  scopeOrgUnitCode: string;
  outcomes: string[];
  candidateUsers: string[];
  assignedUser?: string | null;
  createdAt: string;
  warnAt?: string | null;
  dueAt?: string | null;
  sla: SlaState;
  calendar: string;
  remainingSeconds?: number | null;
  suspended: boolean;
  /** Task (the flow's), Lead (主办), CoHandler (协办) or Summons (报到, from a whistle). */
  kind: WorkItemKind;
}

export type WorkItemKind = 'Task' | 'Lead' | 'CoHandler' | 'Summons';

/** One department's share of a case, open or done: the lead's handling, a co-handler's part, a summons. */
export interface CasePart {
  workItemId: string;
  kind: 'Lead' | 'CoHandler' | 'Summons';
  orgUnitCode: string;
  activityId: string;
  stage: string;
  status: 'Open' | 'Completed' | 'Cancelled' | string;
  createdAt: string;
  dueAt?: string | null;
  sla: SlaState;
  /** Completed after its due instant, or open and overdue. */
  late: boolean;
  completedAt?: string | null;
  completedBy?: string | null;
  outcome?: string | null;
  comment?: string | null;
}

/** Per department, whether its parts were on time. */
export interface DepartmentSla {
  orgUnitCode: string;
  parts: number;
  lateParts: number;
  onTime: boolean;
}

export interface InboxEntry {
  workItem: WorkItem;
  caseNumber: string;
  caseTitle: string;
  itemName?: string | null;
  gridCode: string;
  address?: string | null;
  completedAt?: string | null;
  completedOutcome?: string | null;
}

export interface JournalEntry {
  at: string;
  stage: string;
  activityId?: string | null;
  event: string;
  outcome?: string | null;
  actor: string;
  comment?: string | null;
}

export interface Attachment {
  id: string;
  kind: 'Before' | 'After' | 'Other';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CatalogSnapshot {
  itemCode: string;
  itemVersion: number;
  itemName: string;
  timeLimit: string;
  calendar: string;
  closureStandard: string;
  closureRequirements: string[];
  ownerDepartmentCode: string;
  urgency: string;
}

/** 退单: a department said the case is not theirs. */
export interface CaseReturn {
  departmentCode: string;
  reason: string;
  returnedBy: string;
  returnedAt: string;
  dispatchRound: number;
}

/** 三定仲裁: a case returned twice, waiting for (or decided by) a district arbitrator. */
export interface Arbitration {
  id: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  itemCode?: string | null;
  itemName?: string | null;
  departmentCode?: string | null;
  districtCode: string;
  status: 'Open' | 'Decided';
  openedAt: string;
  returnCount: number;
  returns: CaseReturn[];
  workItemId: string;
  ownerDepartmentCode?: string | null;
  basisKind?: string | null;
  basis?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  catalogItemCode?: string | null;
  catalogItemVersion?: number | null;
}

export interface CaseDetail {
  id: string;
  number: string;
  title: string;
  description: string;
  channel: string;
  itemCode?: string | null;
  itemName?: string | null;
  gridCode: string;
  departmentCode?: string | null;
  /** 协办: the departments the last dispatch named beside the lead (departmentCode). */
  coHandlerCodes: string[];
  /** Tiered handling: the level answering for the case and that level's org unit; null off that path. */
  responsibleLevel?: 'Grid' | 'Community' | 'Subdistrict' | 'District' | null;
  responsibleOrgUnitCode?: string | null;
  stage: string;
  status: string;
  resolution?: string | null;
  dispatchRound: number;
  reworkCount: number;
  returnCount: number;
  reopenCount: number;
  returns: CaseReturn[];
  satisfaction?: string | null;
  reportedAt: string;
  closedAt?: string | null;
  location: { gridCode: string; lat?: number | null; lng?: number | null; address?: string | null };
  reporter: { name?: string | null; phone?: string | null };
  catalog?: CatalogSnapshot | null;
  assessment?: { onTime: boolean; lateWorkItems: number; reworkCount: number; returnCount: number; dispatchRound: number; assessedAt: string; solvedAtLevel?: string | null } | null;
  workflow: { definitionId: string; version: number; status: 'Running' | 'Finished' | 'Cancelled' | 'Faulted' };
  incidents: Incident[];
  openWorkItems: WorkItem[];
  journal: JournalEntry[];
  attachments: Attachment[];
  /** 疑似重复: while the case waits for acceptance, cases that may report the same problem (same item first, nearest first). */
  duplicateCandidates: DuplicateCandidate[];
  /** 并案: the master this report was merged into. */
  mergedInto?: MergeLink | null;
  mergedReports: MergeLink[];
  /** Every department's share of the case: the lead's handling, co-handlers' parts, summonses (报到). */
  parts: CasePart[];
  departmentSla: DepartmentSla[];
}

export interface DuplicateCandidate {
  id: string;
  number: string;
  title: string;
  itemCode?: string | null;
  itemName?: string | null;
  sameItem: boolean;
  distanceMetres?: number | null;
  gridCode: string;
  stage: string;
  status: string;
  reportedAt: string;
  closedAt?: string | null;
  mergedReports: number;
}

export interface MergeLink {
  id: string;
  number: string;
  title: string;
  stage: string;
  status: string;
  reportedAt: string;
  mergedAt?: string | null;
}

/** 一人多诉 */
export interface RepeatComplainant {
  phone: string;
  name?: string | null;
  cases: number;
  firstReportedAt: string;
  lastReportedAt: string;
  caseNumbers: string[];
}

/** 一事多诉 */
export interface RepeatMatter {
  id: string;
  number: string;
  title: string;
  itemCode?: string | null;
  itemName?: string | null;
  gridCode: string;
  stage: string;
  status: string;
  reportedAt: string;
  mergedReports: number;
  lastMergedAt?: string | null;
  mergedCaseNumbers: string[];
}

/** An automatic step that threw; the flow waits at it until an admin retries it. */
export interface Incident {
  id: string;
  caseId: string;
  caseNumber: string;
  instanceId: string;
  activityId: string;
  error: string;
  at: string;
  status: 'Open' | 'Resolved';
  resolvedAt?: string | null;
  resolvedBy?: string | null;
}

export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  channel: string;
  itemCode?: string | null;
  gridCode: string;
  departmentCode?: string | null;
  responsibleLevel?: string | null;
  responsibleOrgUnitCode?: string | null;
  stage: string;
  status: string;
  resolution?: string | null;
  dispatchRound: number;
  reportedAt: string;
  closedAt?: string | null;
}

export interface OrgUnitNode {
  code: string;
  name: string;
  kind: 'District' | 'Subdistrict' | 'Community' | 'Grid' | 'Department' | string;
  children: OrgUnitNode[];
}

export interface GridShape {
  code: string;
  name: string;
  parentCode?: string | null;
  boundary: { type: 'Polygon' | 'MultiPolygon' | string; coordinates: unknown };
}

export interface CatalogCategory {
  code: string;
  name: string;
  itemCount: number;
}

export interface CatalogItem {
  code: string;
  name: string;
  categoryCode: string;
  filingCondition: string;
  closureStandard: string;
  closureRequirements: string[];
  timeLimit: string;
  calendar: string;
  urgency: string;
  ownerDepartmentCode: string;
  coHandlerDepartmentCodes: string[];
  responsibilityBasis: string;
  basisText: string;
  keywords: string[];
  version: number;
}

export interface CatalogSuggestion {
  code: string;
  name: string;
  categoryCode: string;
  score: number;
}

export type SupervisionKind = 'Overdue' | 'Unresolved' | 'Rework' | 'Returns' | 'SummonsUnanswered' | 'Manual';
export type SupervisionSeverity = 'Normal' | 'High' | 'Critical';
export type SupervisionStatus = 'Open' | 'Urged' | 'Resolved' | 'Closed';

/** 督办: one entry per case and kind while open (GET /api/supervision). */
export interface SupervisionEntry {
  id: number;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  kind: SupervisionKind;
  reason: string;
  severity: SupervisionSeverity;
  status: SupervisionStatus;
  responsibleOrgUnitCode: string;
  gridCode: string;
  workItemId?: string | null;
  raisedBy: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  triggerCount: number;
  urgeCount: number;
  notes: string;
  result?: string | null;
  finishedAt?: string | null;
  finishedBy?: string | null;
}

export interface ExtensionRequest {
  id: string;
  workItemId: string;
  caseId: string;
  stage: string;
  requestedBy: string;
  requestedAt: string;
  reason: string;
  currentDueAt: string;
  requestedDueAt: string;
  status: 'Pending' | 'Approved' | 'Rejected' | string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  decisionComment?: string | null;
}

export interface Dashboard {
  at: string;
  orgUnitCode: string;
  totalCases: number;
  openCases: number;
  byStage: { stage: string; count: number }[];
  overdueByDepartment: UnitCount[];
  onTimeClosure: Rate;
  satisfaction: Rate;
  trend: { date: string; reported: number; closed: number }[];
  topCategoriesThisWeek: UnitCount[];
  openByGrid: UnitCount[];
}

export interface UnitCount {
  code: string;
  name: string;
  count: number;
}

export interface Rate {
  count: number;
  of: number;
  rate?: number | null;
}
