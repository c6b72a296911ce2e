import { describe, expect, it } from 'vitest';
import { WorkbookModel, type SheetModel } from '../../preview/emulator/model.js';
import { createFormulaEngine } from '../../preview/emulator/formulas/evaluator.js';
import { shiftRelativeReferences } from '../../preview/server/session.js';
import { sheetView } from '../../preview/server/sheetView.js';

function workbook() {
  const book = new WorkbookModel('view', 'View', 'Etc/UTC');
  const engine = createFormulaEngine({
    customFunctionNames: [],
    callCustomFunction: () => '',
    now: () => new Date(),
  });
  book.setFormulaEvaluator(engine.evaluate);
  return { book, engine };
}

function fill(book: WorkbookModel, sheet: SheetModel, rows: unknown[][]): void {
  rows.forEach((cells, r) =>
    cells.forEach((entry, c) => {
      if (entry === undefined) return;
      const cell = sheet.cellForWrite(r + 1, c + 1);
      if (typeof entry === 'string' && entry.startsWith('=')) cell.formula = entry;
      else cell.value = entry as string;
    }),
  );
  book.touch();
}

describe('shiftRelativeReferences', () => {
  it('moves relative references and keeps absolute parts, strings and sheet names', () => {
    expect(shiftRelativeReferences('=AND($S2<0.4, B2<>"A1", \'Q1 2026\'!C3>0)', 2, 1)).toBe(
      '=AND($S4<0.4, C4<>"A1", \'Q1 2026\'!D5>0)',
    );
    expect(shiftRelativeReferences('=$A$1+SUM(A1:B2)', 1, 0)).toBe('=$A$1+SUM(A2:B3)');
  });
});

describe('sheet view', () => {
  it('shows displayed values under number formats, alignment and frozen rows', () => {
    const { book } = workbook();
    const sheet = book.addSheet('Key Results');
    sheet.frozenRows = 1;
    fill(book, sheet, [
      ['Progress', 'Due'],
      [0.456, new Date(Date.UTC(2026, 11, 31))],
      [true, 'text'],
    ]);
    sheet.cellForWrite(2, 1).numberFormat = '0%';
    sheet.cellForWrite(2, 2).numberFormat = 'yyyy-mm-dd';
    const view = sheetView(book, sheet, { engine: null });
    expect(view.frozenRows).toBe(1);
    expect(
      view.cells[1]!.slice(0, 2).map((cell) => [cell.text, cell.align, cell.numberFormat]),
    ).toEqual([
      ['46%', 'right', '0%'],
      ['2026-12-31', 'right', 'yyyy-mm-dd'],
    ]);
    expect(view.cells[2]!.slice(0, 2).map((cell) => cell.align)).toEqual(['center', 'left']);
  });

  it('colours cells with the first conditional rule that holds, custom formulas relative to the range', () => {
    const { book, engine } = workbook();
    const sheet = book.addSheet('Key Results');
    fill(book, sheet, [
      ['Score', 'Status'],
      [0.8, 'On track'],
      [0.5, 'At risk'],
      [0.2, 'Off track'],
    ]);
    const range = { sheetId: sheet.id, row: 2, column: 1, numRows: 3, numColumns: 1 };
    sheet.conditionalRules.push(
      {
        condition: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
        values: [0.7],
        background: '#b7e1cd',
        fontColor: null,
        ranges: [range],
      },
      {
        condition: 'NUMBER_BETWEEN',
        values: [0.4, 0.69],
        background: '#fce8b2',
        fontColor: null,
        ranges: [range],
      },
      {
        condition: 'CUSTOM_FORMULA',
        values: ['=$B2="Off track"'],
        background: '#f4c7c3',
        fontColor: '#a50e0e',
        ranges: [range],
      },
    );
    const reader = {
      timeZone: 'Etc/UTC',
      getValue: (_sheet: string, row: number, column: number) => book.readValue(sheet, row, column),
      getValues: () => [],
      getSheetNames: () => ['Key Results'],
      getSheetSize: () => ({ maxRows: 1000, maxColumns: 26, lastRow: 4, lastColumn: 2 }),
      getNamedRange: () => null,
    };
    const view = sheetView(book, sheet, {
      engine,
      customFormulaHolds: (formula, _sheet, row, column) =>
        engine.evaluate(
          {
            formula: shiftRelativeReferences(formula, row - 2, column - 1),
            sheetName: 'Key Results',
            row,
            column,
          },
          reader,
        ) === true,
    });
    expect([2, 3, 4].map((row) => view.cells[row - 1]![0]!.background)).toEqual([
      '#b7e1cd',
      '#fce8b2',
      '#f4c7c3',
    ]);
    expect(view.cells[3]![0]!.color).toBe('#a50e0e');
    expect(view.cells[0]![0]!.background).toBeNull();
  });

  it('explains a formula error in the cell note, naming the cell a spill would overwrite', () => {
    const { book, engine } = workbook();
    const sheet = book.addSheet('Data');
    fill(book, sheet, [['={1;2;3}', '=NOPE()'], [undefined], ['in the way']]);
    const view = sheetView(book, sheet, { engine });
    expect(view.cells[0]![0]).toMatchObject({
      text: '#REF!',
      error: true,
      note: 'Array result was not expanded because it would overwrite data in A3.',
    });
    expect(view.cells[1]![0]!.spilledFrom).toBeNull();
    expect(view.cells[0]![1]).toMatchObject({
      text: '#NAME?',
      error: true,
      note: expect.stringContaining("Unknown function: 'NOPE'"),
    });
  });

  it('names the formula cell a spilled value comes from', () => {
    const { book, engine } = workbook();
    const sheet = book.addSheet('Key Results');
    fill(book, sheet, [['={"Progress"; 0.5; 0.25}']]);
    const view = sheetView(book, sheet, { engine });
    expect(
      view.cells.slice(0, 3).map((line) => [line[0]!.text, line[0]!.spilledFrom?.cell ?? null]),
    ).toEqual([
      ['Progress', null],
      ['0.5', 'A1'],
      ['0.25', 'A1'],
    ]);
    expect(view.cells[1]![0]!.spilledFrom?.formula).toBe('={"Progress"; 0.5; 0.25}');
  });
});
