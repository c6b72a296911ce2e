/**
 * The check-in sidebar's contract with the server (getCheckInContext, saveCheckIn). Everything here
 * crosses google.script.run, so it is JSON-safe: dates travel as ISO strings, absent values as null.
 */
import type { JsonSafe } from './json';

/** KR types as the engine names them (src/core/types.ts), repeated so the page needs no server code. */
export type CheckInKeyResultType =
  | 'increase'
  | 'decrease'
  | 'percentage'
  | 'milestone'
  | 'task'
  | 'binary'
  | 'at least'
  | 'at most'
  | 'baseline';

/** How the page asks for the value: the input that fits the KR type. */
export type CheckInInputKind = 'number' | 'percentage' | 'binary' | 'milestones';

export type CheckInStatus = 'Done' | 'On track' | 'At risk' | 'Off track' | '';

/** One milestone of a milestone KR, as the checklist shows it. `row` is its Milestones sheet row. */
export type MilestoneItem = JsonSafe<{
  row: number;
  milestone: string;
  weight: number;
  done: boolean;
  doneDate: string | null;
}>;

/** One past value of a KR, oldest first in a history. */
export type HistoryPoint = JsonSafe<{
  timestamp: string;
  value: number | boolean | null;
}>;

/** A key result as the sidebar shows it. Fractions are 0–1; null means blank or not scored. */
export type KeyResultSummary = JsonSafe<{
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  owner: string;
  ownedByUser: boolean;
  type: CheckInKeyResultType;
  /** Blank Type cells are read as increase or decrease (SPEC §3); this says which input to show. */
  inputKind: CheckInInputKind;
  unit: string;
  start: number | null;
  target: number | null;
  current: number | boolean | null;
  progress: number | null;
  planned: number | null;
  status: CheckInStatus;
  confidence: number | null;
  dueDate: string | null;
  lastCheckInDate: string | null;
  /** The latest check-in's Progress text. */
  lastCheckInText: string;
  /** The latest check-in's Plans, shown as a reminder next to the new check-in's Progress. */
  previousPlans: string;
  history: HistoryPoint[];
  milestones: MilestoneItem[];
  /** Why progress or plan could not be computed (a blank Target, say), or "" when they could. */
  problem: string;
}>;

export type ObjectiveSummary = JsonSafe<{ id: string; title: string }>;

/** Everything the sidebar needs when it opens. */
export type CheckInContext = JsonSafe<{
  userEmail: string;
  cycleName: string;
  /** ISO date the planned progress is measured at (the report date, or today). */
  asOf: string;
  objectives: ObjectiveSummary[];
  /** The user's own KRs first, then the others grouped by objective in sheet order. */
  keyResults: KeyResultSummary[];
  /** Sheet problems that hid some rows, so the user knows why a KR is missing. */
  problems: string[];
  /** With no key results: the user's own sheets that look like OKRs, to offer Import OKRs…. */
  importableSheets: string[];
}>;

/** A milestone's new state in a check-in; `milestone` guards against rows moved meanwhile. */
export type MilestoneCheck = JsonSafe<{ row: number; milestone: string; done: boolean }>;

/**
 * What the sidebar sends. `value` is a number (percentages as a fraction, 45% = 0.45), a boolean
 * for binary KRs, or null for milestone KRs, whose value the server computes from `milestones`.
 */
export type CheckInPayload = JsonSafe<{
  keyResultId: string;
  value: number | boolean | null;
  milestones: MilestoneCheck[] | null;
  confidence: number;
  progress: string;
  plans: string;
  problems: string;
  learnings: string;
}>;

export type CheckInField = keyof CheckInPayload;

/** A problem with one field (or the whole check-in when `field` is null), said for people. */
export type CheckInFieldError = JsonSafe<{ field: CheckInField | null; message: string }>;

export type SaveCheckInResult = JsonSafe<
  | { ok: true; keyResult: KeyResultSummary; savedAt: string }
  | { ok: false; errors: CheckInFieldError[] }
>;

/** The longest comment a check-in takes in one field; a cell holds 50,000 characters at most. */
export const MAX_COMMENT_LENGTH = 5000;

/** The PPP commentary fields in the order the form shows them. */
export const COMMENT_FIELDS = ['progress', 'plans', 'problems', 'learnings'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export const COMMENT_LABELS: Record<CommentField, string> = {
  progress: 'Progress',
  plans: 'Plans',
  problems: 'Problems',
  learnings: 'Learnings',
};
