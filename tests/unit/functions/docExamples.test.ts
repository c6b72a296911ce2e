/**
 * The worked examples of docs/functions.md, run as they are written, so the reference and the
 * functions cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okrPlanned } from '../../../src/functions/okrPlanned';
import { okrBalance } from '../../../src/functions/okrBalance';
import { okrExpected } from '../../../src/functions/okrExpected';
import { okrForecast } from '../../../src/functions/okrForecast';
import { okrProgress } from '../../../src/functions/okrProgress';
import { okrScore } from '../../../src/functions/okrScore';
import { okrStatus } from '../../../src/functions/okrStatus';
import { KEY_RESULT_TYPES } from '../../../src/core/keyResultType';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/functions.md'), 'utf8');

/** The markdown table after `<!-- example: NAME -->` (blank lines between allowed), header row first, as cell texts. */
function exampleTable(name: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.indexOf(`<!-- example: ${name} -->`);
  if (start < 0) throw new Error(`docs/functions.md has no example table ${name}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' && rows.length === 0) continue;
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    if (cells.every((cell) => /^-+$/.test(cell))) continue;
    rows.push(cells);
  }
  return rows;
}

/** A cell as Sheets would pass it: blank "", numbers, TRUE/FALSE, everything else as text. */
function sheetValue(text: string): unknown {
  if (text === '' || text === '""') return '';
  if (text === 'TRUE' || text === 'FALSE') return text === 'TRUE';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** A documented result: numbers are shown rounded, so they match to their last digit. */
function expectDocumented(actual: unknown, documented: string, context: string): void {
  if (/^-?\d+(\.\d+)?$/.test(documented)) {
    const decimals = documented.split('.')[1]?.length ?? 0;
    expect(typeof actual, context).toBe('number');
    expect(Math.abs((actual as number) - Number(documented)), context).toBeLessThanOrEqual(
      0.5 * 10 ** -decimals + 1e-12,
    );
  } else {
    expect(actual, context).toBe(documented === '""' ? '' : documented);
  }
}

/** Calls with 1×1 ranges, so a problem shows as the ERROR: text the docs quote. */
const inRange = (value: string): unknown[][] => [[sheetValue(value)]];
const only = (result: unknown): unknown => (result as unknown[][])[0]![0];

describe('docs/functions.md examples', () => {
  it('gives the documented OKRPROGRESS result for every row', () => {
    const [, ...rows] = exampleTable('OKRPROGRESS');
    for (const [type, start, target, current, result] of rows) {
      const actual = only(
        okrProgress(inRange(type!), inRange(start!), inRange(target!), inRange(current!)),
      );
      expectDocumented(actual, result!, `OKRPROGRESS(${type}, ${start}, ${target}, ${current})`);
    }
  });

  it('shows an OKRPROGRESS example for every key result type and a blank type', () => {
    const [, ...rows] = exampleTable('OKRPROGRESS');
    const documented = new Set(rows.map(([type]) => type));
    for (const type of [...KEY_RESULT_TYPES, ''])
      expect(documented, `type "${type}"`).toContain(type);
  });

  it('gives the documented OKREXPECTED result for every row', () => {
    const [, ...rows] = exampleTable('OKREXPECTED');
    for (const [startDate, dueDate, asOf, result] of rows) {
      const actual = only(okrExpected(inRange(startDate!), inRange(dueDate!), inRange(asOf!)));
      expectDocumented(actual, result!, `OKREXPECTED(${startDate}, ${dueDate}, ${asOf})`);
    }
  });

  it('gives the documented OKRSTATUS result for every row', () => {
    const [, ...rows] = exampleTable('OKRSTATUS');
    for (const [progress, expected, atRisk, offTrack, result] of rows) {
      const actual = only(
        okrStatus(
          inRange(progress!),
          inRange(expected!),
          sheetValue(atRisk!),
          sheetValue(offTrack!),
        ),
      );
      expectDocumented(
        actual,
        result!,
        `OKRSTATUS(${progress}, ${expected}, ${atRisk}, ${offTrack})`,
      );
    }
  });

  const keyResults = exampleTable('key results').map((row) => row.map(sheetValue));

  it('covers every scored key result type in the example table', () => {
    const types = new Set(keyResults.slice(1).map((row) => row[3]));
    for (const type of KEY_RESULT_TYPES) expect(types, type).toContain(type);
  });

  it('gives the documented OKRSCORE result for every formula', () => {
    const [, ...rows] = exampleTable('OKRSCORE');
    for (const [formula, result] of rows) {
      const id = /^`=OKRSCORE\(OKR_KEY_RESULTS(?:, "([^"]*)")?\)`$/.exec(formula!);
      expect(id, formula).not.toBeNull();
      const actual =
        id![1] === undefined ? okrScore(keyResults) : only(okrScore(keyResults, [[id![1]]]));
      expectDocumented(actual, result!, formula!);
    }
  });

  it('spills one score per ID for the documented range of IDs', () => {
    const scores = okrScore(keyResults, [['O1'], ['O2'], ['O3']]) as number[][];
    expect(scores.map(([score]) => Number(score!.toFixed(4)))).toEqual([0.4167, 0.675, 0.8333]);
  });

  it('gives the documented OKRPLANNED result for every formula', () => {
    const [, ...rows] = exampleTable('OKRPLANNED');
    for (const [formula, result] of rows) {
      const call =
        /^`=OKRPLANNED\(OKR_KEY_RESULTS, "([^"]*)", "([^"]*)", "([^"]*)", "([^"]*)"\)`$/.exec(
          formula!,
        );
      expect(call, formula).not.toBeNull();
      const [, id, asOf, start, end] = call!;
      expectDocumented(only(okrPlanned(keyResults, [[id!]], asOf, start, end)), result!, formula!);
    }
  });

  it.each([
    ['OKRBALANCE', []],
    ['OKRBALANCE with gaps 30% and 40%', [0.3, 0.4]],
  ])('gives the documented table %s', (name, gaps) => {
    const documented = exampleTable(name);
    const actual = okrBalance(keyResults, '2026-11-05', '2026-10-01', '2026-12-10', ...gaps);
    expect(actual).toHaveLength(documented.length);
    documented.forEach((row, r) =>
      row.forEach((cell, c) =>
        expectDocumented(actual[r]![c], cell === '' ? '""' : cell, `row ${r + 1}, column ${c + 1}`),
      ),
    );
  });
});

describe('docs/functions.md OKRFORECAST example', () => {
  it('gives the documented forecast for each key result', () => {
    const [header, ...rows] = exampleTable('OKRFORECAST');
    expect(header!.slice(0, 6)).toEqual([
      'ID',
      'Type',
      'Start',
      'Target',
      'Start Date',
      'Due Date',
    ]);
    const keyResults = [header!.slice(0, 6), ...rows.map((row) => row.slice(0, 6).map(sheetValue))];
    const checkIns: unknown[][] = [['Timestamp', 'Key Result ID', 'Value']];
    for (const row of rows) {
      for (const checkIn of row[6]!.split(',').filter((text) => text.trim() !== '')) {
        const [date, value] = checkIn.split(':').map((part) => part.trim());
        checkIns.push([date, row[0], Number(value)]);
      }
    }
    for (const row of rows) {
      const actual = okrForecast(keyResults, checkIns, row[0], row[7]);
      expectDocumented(actual, row[8]!, `${row[0]}: ${row[9]}`);
    }
  });
});
