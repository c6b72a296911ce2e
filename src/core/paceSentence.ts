/**
 * The forecast sentence under a key result, "At this pace: 58% by 31 Mar · needs +4.7 a week to
 * reach 100": one wording for the sidebar (numbers and dates in the viewer's locale) and the
 * emails (the spreadsheet's), which differ only in how they format figures.
 */

/** The facts the sentence says (an `Outlook` from forecast.ts, or its JSON-safe copy). */
export interface OutlookFacts {
  progress: number | null;
  neededPerWeek: number | null;
  goal: number;
  percentage: boolean;
  overdue: boolean;
  reached: boolean;
  /** The projected progress predates the latest check-in (the sheet has not recomputed it yet). */
  beforeLatest?: boolean;
}

/** How the caller writes each figure. */
export interface PaceFormat {
  /** A fraction as a percentage: 0.576 → "58%". */
  percent: (fraction: number) => string;
  /** A number without sign, one decimal: 4.7 → "4.7". */
  decimal: (value: number) => string;
  /** A value in the key result's unit: 100 → "100 points". */
  amount: (value: number) => string;
  /** The due date: "31 Mar". */
  dueDate: string;
}

export const NOT_ENOUGH_CHECK_INS = 'Not enough check-ins to forecast yet';

export function paceSentence(outlook: OutlookFacts, format: PaceFormat): string {
  if (outlook.progress === null) return NOT_ENOUGH_CHECK_INS;
  const projected = format.percent(outlook.progress);
  if (outlook.overdue)
    return `The due date (${format.dueDate}) has passed: at its pace it reached ${projected}`;
  const lead = `At this pace${outlook.beforeLatest ? ' (before this check-in)' : ''}: ${projected} by ${format.dueDate}`;
  const goal = outlook.percentage ? format.percent(outlook.goal) : format.amount(outlook.goal);
  if (outlook.reached) return `${lead} · ${goal} already reached`;
  if (outlook.neededPerWeek === null) return lead;
  return `${lead} · needs ${signedPace(outlook, format)} a week to reach ${goal}`;
}

/** "+4.7", "−2.0" (a real minus sign), or "+4.7 points" of a percentage key result's 0–100 scale. */
function signedPace(outlook: OutlookFacts, format: PaceFormat): string {
  const perWeek = outlook.neededPerWeek!;
  const magnitude = format.decimal(Math.abs(outlook.percentage ? perWeek * 100 : perWeek));
  const sign = perWeek < 0 ? '\u2212' : '+';
  return `${sign}${magnitude}${outlook.percentage ? ' points' : ''}`;
}

/** A formatted number with a unit: "%" and currency-like symbols sit close, words get a space. */
export function joinUnit(number: string, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '') return number;
  if (/^[%‰°]$/.test(trimmed)) return `${number}${trimmed}`;
  if (/^[$€£¥₹]$/.test(trimmed)) return `${trimmed}${number}`;
  return `${number} ${trimmed}`;
}
