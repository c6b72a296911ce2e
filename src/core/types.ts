/**
 * The OKR domain as the engine sees it: plain values, no Apps Script and no sheet layout.
 * The workbook layer turns sheet rows into these; `row` keeps the 1-based sheet row so that
 * every message can point the user at the cell to fix.
 */

/** How a key result's progress is computed (SPEC §3). `null` on a KR means the Type cell is blank. */
export type KeyResultType =
  | 'increase'
  | 'decrease'
  | 'percentage'
  | 'milestone'
  | 'task'
  | 'binary'
  | 'at least'
  | 'at most'
  | 'baseline';

export type ObjectiveKind = 'committed' | 'aspirational' | 'experimental';

/** A measured value as a check-in or the Current column holds it: binary KRs take booleans. */
export type MeasuredValue = number | boolean | null;

export interface Objective {
  row: number;
  id: string;
  title: string;
  owner: string;
  team: string;
  cycle: string;
  parentId: string;
  kind: ObjectiveKind | null;
  priority: string;
  notes: string;
}

export interface KeyResult {
  row: number;
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  type: KeyResultType | null;
  unit: string;
  start: number | null;
  target: number | null;
  current: MeasuredValue;
  startDate: Date | null;
  dueDate: Date | null;
  /** Blank weight counts as 1; weight 0 leaves the KR out of its objective's score. */
  weight: number | null;
  /** Owner's confidence on the 0–10 scale. */
  confidence: number | null;
  keyResultClass: string;
  category: string;
  impact: string;
  effort: string;
  lastCheckIn: Date | null;
}

export interface CheckIn {
  row: number;
  timestamp: Date;
  keyResultId: string;
  value: MeasuredValue;
  confidence: number | null;
  progress: string;
  plans: string;
  problems: string;
  learnings: string;
  author: string;
}

export interface Milestone {
  row: number;
  keyResultId: string;
  milestone: string;
  weight: number | null;
  done: boolean;
  doneDate: Date | null;
}

export interface Initiative {
  row: number;
  keyResultId: string;
  initiative: string;
  owner: string;
  status: string;
  dueDate: Date | null;
  notes: string;
}

export interface Kpi {
  row: number;
  kpi: string;
  owner: string;
  unit: string;
  current: number | null;
  healthyMin: number | null;
  healthyMax: number | null;
  notes: string;
}

/** Status words shown in sheets, the sidebar and emails (SPEC §3 OKRSTATUS). */
export type KeyResultStatus = 'Done' | 'On track' | 'At risk' | 'Off track' | '';
