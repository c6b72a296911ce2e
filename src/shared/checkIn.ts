/**
 * The check-in sidebar's contract with the server (getCheckInContext, saveCheckIn). Everything here
 * crosses google.script.run, so it is JSON-safe: dates travel as ISO strings (the spreadsheet's wall
 * clock in their UTC fields, src/core/wallClock.ts), absent values as null.
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

/**
 * Where a key result is heading at the pace of its check-ins (src/core/forecast.ts `Outlook`);
 * `paceSentence` (src/core/paceSentence.ts) says it.
 */
export type ForecastOutlook = JsonSafe<{
  /** Projected progress at the due date, 0–1; null with fewer than two check-ins to fit a line. */
  progress: number | null;
  dueDate: string;
  /** Still to move per week to reach the goal (a fraction per week for a percentage KR). */
  neededPerWeek: number | null;
  goal: number;
  percentage: boolean;
  overdue: boolean;
  reached: boolean;
  /** The sheet's Forecast column, not yet recomputed with the check-in just saved. */
  beforeLatest: boolean;
}>;

/** A key result as the sidebar lists it. Fractions are 0–1; null means blank or not scored. */
export type KeyResultListItem = JsonSafe<{
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
  /** Why progress or plan could not be computed (a blank Target, say), or "" when they could. */
  problem: string;
  /** The forecast and pace; null when the key result has none (binary, baseline, missing values). */
  forecast: ForecastOutlook | null;
}>;

/** A key result as the check-in form shows it: the list item, its last check-ins and checklist. */
export type KeyResultSummary = KeyResultListItem &
  JsonSafe<{
    /** The latest check-in's Progress text. */
    lastCheckInText: string;
    /** The latest check-in's Plans, shown as a reminder next to the new check-in's Progress. */
    previousPlans: string;
    history: HistoryPoint[];
    milestones: MilestoneItem[];
  }>;

export type ObjectiveSummary = JsonSafe<{ id: string; title: string }>;

/** One page of key results matching a search, in list order, with the titles of their objectives. */
export type KeyResultPage = JsonSafe<{
  query: string;
  offset: number;
  /** How many key results match in all (the page holds at most KEY_RESULT_PAGE_SIZE). */
  total: number;
  keyResults: KeyResultListItem[];
  objectives: ObjectiveSummary[];
}>;

/** What the sidebar asks searchKeyResults for: words to match and where the page starts. */
export type KeyResultSearch = JsonSafe<{ query: string; offset: number }>;

/** Everything the sidebar needs when it opens: the user's key results and a first page of all. */
export type CheckInContext = JsonSafe<{
  userEmail: string;
  cycleName: string;
  /** Changes when the open cycle changes (a cycle closed or reopened): the page then reloads. */
  cycleStamp: string;
  /** ISO date the planned progress is measured at (the report date, or today). */
  asOf: string;
  /** The user's own key results in list order (at most MAX_OWN_KEY_RESULTS). */
  mine: KeyResultListItem[];
  /** How many key results the user owns in all. */
  mineTotal: number;
  /** The first page of every key result of the open cycle, the user's included. */
  all: KeyResultPage;
  /** Sheet problems that hid some rows, so the user knows why a KR is missing (the first few). */
  problems: string[];
  /** With no key results: the user's own sheets that look like OKRs, to offer Import OKRs…. */
  importableSheets: string[];
}>;

/** The key result the form opens, or why it cannot be opened (`reload`: the list is out of date). */
export type KeyResultDetailResult = JsonSafe<
  { ok: true; keyResult: KeyResultSummary } | { ok: false; message: string; reload: boolean }
>;

/** Key results per page of the list and of search results. */
export const KEY_RESULT_PAGE_SIZE = 25;
/** The most of the user's own key results the sidebar lists at once; search finds the rest. */
export const MAX_OWN_KEY_RESULTS = 50;
/** Sheet problems listed in the sidebar; the health check lists them all. */
export const MAX_LISTED_PROBLEMS = 10;
/** The longest search text the server takes. */
export const MAX_SEARCH_LENGTH = 200;

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

/**
 * The saved key result (its history holds only the check-in just saved: the page keeps the rest),
 * or the problems; `reload` says the page's list is out of date (the KR left the open cycle).
 */
export type SaveCheckInResult = JsonSafe<
  | { ok: true; keyResult: KeyResultSummary; savedAt: string }
  | { ok: false; errors: CheckInFieldError[]; reload?: boolean }
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
