/**
 * Fault injection for the all-or-nothing operations: the workbook as comparable data, and a loop
 * that makes each service call of an operation fail in turn (the emulator's before-call hook).
 */
import { expect } from 'vitest';
import type { Emulator, EmulatorState } from '../../preview/emulator/index.js';
import type { SheetRange } from '../../preview/emulator/model.js';

/**
 * Everything a person sees in the workbook, independent of internal ids: every sheet (name,
 * order, grid, frozen rows, every cell with its value, formula and formats, rules, charts,
 * protections, developer metadata) and the named ranges by sheet name.
 */
export function workbookState(emulator: Emulator): unknown {
  const data = emulator.workbook.toData();
  const nameOf = new Map(data.sheets.map((sheet) => [sheet.id, sheet.name]));
  const place = ({ sheetId, ...grid }: SheetRange) => ({ sheet: nameOf.get(sheetId), ...grid });
  // Validation rules name their source range by sheet id (a list of the Objectives IDs).
  const bySheetName = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, inner: unknown) =>
        key === 'sheetId' ? nameOf.get(inner as number) : inner,
      ),
    );
  return {
    sheets: data.sheets.map((sheet) => ({
      name: sheet.name,
      hidden: sheet.hidden,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      cells: sheet.cells.map(([row, column, cell]) =>
        cell.validation ? [row, column, bySheetName(cell)] : [row, column, cell],
      ),
      conditionalRules: sheet.conditionalRules.map((rule) => ({
        ...rule,
        ranges: rule.ranges.map(place),
      })),
      charts: sheet.charts.map(({ id: _id, ...chart }) => ({
        ...chart,
        ranges: chart.ranges.map(place),
      })),
      protections: sheet.protections.map(({ id: _id, ...protection }) => protection),
      metadata: (sheet.metadata ?? []).map(({ key, value }) => ({ key, value })),
    })),
    namedRanges: Object.entries(data.namedRanges)
      .map(([name, range]) => ({ name, ...place(range) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Shrinks every sheet to `rows` rows (uncounted), so that comparing the whole workbook after each
 * injected fault is quick; set-up's formats and validations reach every row of the grid.
 */
export function trimSheets(emulator: Emulator, rows = 60): void {
  emulator.uncounted(() => {
    for (const sheet of emulator.spreadsheet.getSheets()) {
      const extra = sheet.getMaxRows() - Math.max(rows, sheet.getLastRow() + 5);
      if (extra > 0) sheet.deleteRows(sheet.getMaxRows() - extra + 1, extra);
    }
  });
}

/** The message of the error the before-call hook throws. */
export const INJECTED = 'Service error injected by the test';

export interface FaultRun {
  /** 1-based index of the service call that failed. */
  failingCall: number;
  call: string;
  error: unknown;
  emulator: Emulator;
  /** The workbook as the operation leaves it when nothing fails. */
  completeState: unknown;
}

/**
 * Runs `operation` on the workbook `start` once cleanly (returning the state it leaves), then
 * once per service call it makes, with that call throwing; `check` sees each failed run. A failed
 * run that leaves the workbook as it was needs no restore, so the workbook is only reloaded from
 * `start` when a run changed it.
 */
export function failEachCall(
  emulator: Emulator,
  start: EmulatorState,
  operation: (emulator: Emulator) => void,
  check: (run: FaultRun) => void,
): { calls: number; completeState: unknown } {
  emulator.fromJSON(start);
  const startText = JSON.stringify(workbookState(emulator));
  emulator.calls.reset();
  operation(emulator);
  const calls = emulator.calls.count();
  const completeState = workbookState(emulator);
  expect(calls).toBeGreaterThan(0);
  emulator.fromJSON(start);
  for (let failingCall = 1; failingCall <= calls; failingCall++) {
    let seen = 0;
    let failedCall = '';
    emulator.calls.beforeCall = (call) => {
      seen++;
      if (seen === failingCall) {
        failedCall = call;
        throw new Error(INJECTED);
      }
    };
    let error: unknown = null;
    try {
      operation(emulator);
    } catch (caught) {
      error = caught;
    } finally {
      emulator.calls.beforeCall = null;
    }
    check({ failingCall, call: failedCall, error, emulator, completeState });
    if (JSON.stringify(workbookState(emulator)) !== startText) emulator.fromJSON(start);
  }
  return { calls, completeState };
}

/**
 * The all-or-nothing check of one failed run: the workbook is exactly as it was `before` and the
 * person was told (an error), or the change is complete (the call that failed came after it, such
 * as releasing the lock).
 */
export function expectUnchangedOrComplete(before: unknown) {
  const beforeText = JSON.stringify(before);
  return ({ emulator, error, failingCall, call, completeState }: FaultRun): void => {
    const message = `after service call ${failingCall} (${call}) failed`;
    const actual = workbookState(emulator);
    const actualText = JSON.stringify(actual);
    if (actualText === JSON.stringify(completeState)) return;
    expect(error, `${message}: the workbook is unchanged, so an error must say so`).not.toBeNull();
    if (actualText !== beforeText) expect(actual, message).toEqual(before);
  };
}
