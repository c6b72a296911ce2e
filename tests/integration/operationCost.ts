/**
 * What one add-on operation costs in the emulator: service calls, cells read and written through
 * SpreadsheetApp, what the same while the document lock is held, and the bytes of the result that
 * google.script.run would carry back to the page (its JSON length).
 */
import type { Emulator } from '../../preview/emulator/index.js';
import { REMINDER_EMAIL_BUDGET, REMINDER_PREVIEW_BUDGET } from '../../src/shared/reminders.js';

export interface OperationCost {
  calls: number;
  getValues: number;
  setValues: number;
  cellsRead: number;
  cellsWritten: number;
  /** Cells emptied by clears, which send a range and no values. */
  cellsCleared: number;
  /** Calls made and cells moved while the script held the document lock. */
  lockedCalls: number;
  lockedCells: number;
  /** JSON length of the operation's result (0 when it returns nothing). */
  resultBytes: number;
  ms: number;
  /** Of `ms`, the time inside service calls: the emulator's work, not a measure of Sheets. */
  serviceMs: number;
  result: unknown;
}

/**
 * What google.script.run may carry to the check-in sidebar and the Preview reminders dialog, in
 * bytes of JSON, at any size of workbook: what the page shows (the user's key results and a page
 * of the rest, a page of recipients, one email), not the tables.
 */
export const PAYLOAD_BUDGETS = {
  context: 100_000,
  searchPage: 30_000,
  detail: 10_000,
  saveResult: 10_000,
  reminderPreview: REMINDER_PREVIEW_BUDGET,
  reminderEmail: REMINDER_EMAIL_BUDGET,
} as const;

/** JSON length of a value as google.script.run sends it. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : (JSON.stringify(value)?.length ?? 0);
}

/**
 * Runs `operation` with the counters reset and measures it. Lock calls move no cells, so the cells
 * moved between two calls belong to the lock state seen at the first of them.
 */
export function measureCost(emulator: Emulator, operation: () => unknown): OperationCost {
  const { calls, locks } = emulator;
  const previousHook = calls.beforeCall;
  let lockedCalls = 0;
  let lockedCells = 0;
  let heldSince: number | null = null;
  const moved = () => {
    const cells = calls.cells();
    return cells.read + cells.written;
  };
  const settle = () => {
    if (heldSince !== null) lockedCells += moved() - heldSince;
    heldSince = locks.isHeld('document') ? moved() : null;
  };
  calls.reset();
  calls.beforeCall = (call) => {
    previousHook?.(call);
    settle();
    if (heldSince !== null) lockedCalls++;
  };
  const started = performance.now();
  let result: unknown;
  try {
    result = operation();
  } finally {
    settle();
    calls.beforeCall = previousHook;
  }
  const ms = performance.now() - started;
  const cells = calls.cells();
  return {
    calls: calls.count(),
    getValues: calls.count('Range.getValues'),
    setValues: calls.count('Range.setValues'),
    cellsRead: cells.read,
    cellsWritten: cells.written,
    cellsCleared: cells.cleared,
    lockedCalls,
    lockedCells,
    resultBytes: jsonBytes(result),
    ms,
    serviceMs: calls.serviceMs,
    result,
  };
}
