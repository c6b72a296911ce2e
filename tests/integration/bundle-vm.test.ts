/**
 * The built dist/Code.js as Apps Script runs it: a plain script in a context with no Node globals,
 * where custom functions are found as top-level functions carrying their JSDoc.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { readEntryPoints } from '../../scripts/entryPoints';

const root = join(import.meta.dirname, '../..');
const bundlePath = join(root, 'dist/Code.js');
const CUSTOM_FUNCTIONS = [
  'OKRPROGRESS',
  'OKRSCORE',
  'OKREXPECTED',
  'OKRSTATUS',
  'OKRBALANCE',
  'OKRFORECAST',
  'OKRPLANNED',
  'OKRSUMMARY',
];

let code = '';
let context: vm.Context;
type Stub = (...args: unknown[]) => unknown;
const stub = (name: string): Stub => context[name] as Stub;
/** The spreadsheet's zone: Kolkata, 5 h 30 min east of UTC and of the script's zone. */
const SPREADSHEET_TIME_ZONE = 'Asia/Kolkata';
/** Dates as Apps Script passes them: midnight in the spreadsheet's zone, made by the script realm's own Date. */
const date = (year: number, month: number, day: number): Date =>
  vm.runInContext(
    `new Date(Date.UTC(${year}, ${month - 1}, ${day}) - 5.5 * 3600 * 1000)`,
    context,
  ) as Date;
/** Results come from the script realm; compare them as plain JSON-like values. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

beforeAll(() => {
  buildBundle();
  code = readFileSync(bundlePath, 'utf8');
  // Only what Apps Script offers a custom function: the language, console, Logger and the
  // SpreadsheetApp get-methods (here only the spreadsheet's time zone).
  // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
  context = vm.createContext({
    console,
    Logger: { log: () => undefined },
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => SPREADSHEET_TIME_ZONE }),
    },
  });
  vm.runInContext(code, context, { filename: 'Code.js' });
});

describe('dist/Code.js in an Apps Script-like context', () => {
  it('has none of the Node or browser globals that Apps Script lacks', () => {
    for (const name of ['require', 'process', 'setTimeout', 'fetch', 'module', 'Buffer']) {
      expect(vm.runInContext(`typeof ${name}`, context), name).toBe('undefined');
    }
  });

  it('defines every custom function as a top-level function', () => {
    for (const name of CUSTOM_FUNCTIONS) expect(typeof stub(name), name).toBe('function');
  });

  it('computes OKRPROGRESS for a single key result and for column ranges', () => {
    expect(stub('OKRPROGRESS')('increase', 100, 200, 150)).toBe(0.5);
    expect(stub('OKRPROGRESS')('baseline', '', '', 12)).toBe('');
    expect(
      plain(
        stub('OKRPROGRESS')(
          [['decrease'], [''], ['increase']],
          [[40], [''], [0]],
          [[20], [''], ['']],
          [[30], [''], [5]],
        ),
      ),
    ).toEqual([
      [0.5],
      [''],
      [
        'ERROR: Target is blank: an increase key result needs a target. Type the value it aims for, such as 120.',
      ],
    ]);
  });

  it('throws a message for people when a single call cannot be computed', () => {
    expect(() => stub('OKRPROGRESS')('grow', 1, 2, 3)).toThrow(/"grow" is not a key result type/);
  });

  it('computes OKREXPECTED from script-realm dates and ISO text, singly and per row', () => {
    expect(stub('OKREXPECTED')(date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 6))).toBe(0.5);
    expect(
      plain(
        stub('OKREXPECTED')(
          [[date(2026, 1, 1)], ['2026-01-06']],
          [['2026-01-11'], ['2026-01-16']],
          date(2026, 1, 6),
        ),
      ),
    ).toEqual([[0.5], [0]]);
  });

  it('computes OKRSTATUS with default and given gaps, per row', () => {
    expect(stub('OKRSTATUS')(0.45, 0.55)).toBe('On track');
    expect(stub('OKRSTATUS')(0.45, 0.55, 0.05, 0.2)).toBe('At risk');
    expect(plain(stub('OKRSTATUS')([[1], [''], [0.1]], [[0.5], [0.5], [0.5]]))).toEqual([
      ['Done'],
      [''],
      ['Off track'],
    ]);
  });

  const keyResults = (): unknown[][] => [
    [
      'ID',
      'Objective ID',
      'Key Result',
      'Type',
      'Start',
      'Target',
      'Current',
      'Start Date',
      'Due Date',
      'Weight',
    ],
    ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, date(2026, 1, 1), date(2026, 1, 11), ''],
    ['KR2', 'O1', 'Cut churn', 'decrease', 10, 0, 8, '', '', 3],
    ['KR3', 'O2', 'Ship beta', 'binary', '', '', true, '', '', ''],
  ];

  it('computes OKRSCORE for a key result, an objective, a range of IDs and overall', () => {
    const table = keyResults();
    expect(stub('OKRSCORE')(table, 'kr1')).toBe(0.5);
    expect(stub('OKRSCORE')(table, 'O1')).toBeCloseTo((0.5 + 0.2 * 3) / 4, 12);
    expect(plain(stub('OKRSCORE')(table, [['O2'], ['KR2'], ['nope']]))).toEqual([
      [1],
      [0.2],
      [
        'ERROR: No key result or objective has the ID "nope". Check the spelling, or add it to the Key Results sheet.',
      ],
    ]);
    expect(stub('OKRSCORE')(table)).toBeCloseTo((0.275 + 1) / 2, 12);
  });

  it('computes OKRBALANCE as a table with the balance index last', () => {
    const result = plain(
      stub('OKRBALANCE')(keyResults(), date(2026, 1, 6), date(2026, 1, 1), date(2026, 1, 11)),
    ) as unknown[][];
    expect(result[0]).toEqual(['Objective', 'Actual', 'Planned', 'Gap', 'Status']);
    expect(result.map((row) => row[0])).toEqual(['Objective', 'O1', 'O2', 'Balance']);
    expect(result[1]![4]).toBe('At risk');
    expect(result[2]).toEqual(['O2', 1, 0.5, 0.5, 'Done']);
    expect(result[3]![1]).toBeCloseTo(1 - Math.abs(0.5 - (0.275 - 0.5)) / 2, 12);
  });
  it("reads date cells of OKRPLANNED and OKRSUMMARY on the spreadsheet's calendar, beside ISO text", () => {
    // Kolkata's midnight of 1 January is 31 December in UTC: unconverted, the plan would run 31 December–10 January.
    expect(
      stub('OKRPLANNED')(keyResults(), 'O1', '2026-01-06', date(2026, 1, 1), date(2026, 1, 11)),
    ).toBe(0.5);
    const [[score, planned, , status]] = plain(
      stub('OKRSUMMARY')(keyResults(), '2026-01-06', date(2026, 1, 1), date(2026, 1, 11)),
    ) as unknown[][] as [unknown[]];
    expect(planned).toBe(0.5);
    expect(score).toBeCloseTo((0.275 + 1) / 2, 12);
    expect(status).toBe('On track');
  });
});

describe('custom-function inputs in the bundle', () => {
  it('scores a range with only ID, Objective ID, Type, Start, Target and Current, and names a missing Target', () => {
    const range = [
      ['ID', 'Objective ID', 'Type', 'Start', 'Target', 'Current'],
      ['KR1', 'O1', 'increase', 0, 10, 5],
      ['KR2', 'O1', 'decrease', 10, 0, 8],
    ];
    expect(stub('OKRSCORE')(range, 'O1')).toBeCloseTo((0.5 + 0.2) / 2, 12);
    const noTarget = range.map((row) => row.filter((_, column) => column !== 4));
    expect(() => stub('OKRSCORE')(noTarget, 'KR1')).toThrow(/has no "Target" column/);
  });

  it('reads date serial numbers, as ARRAYFORMULA(IF(…)) passes dates, beside date cells', () => {
    // 46023 is 2026-01-01 and 46033 is 2026-01-11 as Sheets numbers days.
    expect(stub('OKREXPECTED')(46023, 46033, date(2026, 1, 6))).toBe(0.5);
    expect(() => stub('OKREXPECTED')(-1, 46033, 46028)).toThrow(
      /start_date: -1 is a number, not a date: Sheets numbers days from 0 \(1899-12-30\)/,
    );
  });
});

describe('OKRFORECAST in the bundle', () => {
  const keyResults = (): unknown[][] => [
    ['ID', 'Type', 'Start', 'Target'],
    ['KR1', 'increase', 0, 100],
    ['KR2', 'binary', '', ''],
  ];
  const checkIns = (): unknown[][] => [
    ['Timestamp', 'Key Result ID', 'Value'],
    [date(2026, 1, 15), 'KR1', 10],
    [date(2026, 2, 1), 'KR1', 20],
  ];

  it('forecasts the worked example with dates made in the script realm', () => {
    const forecast = stub('OKRFORECAST')(
      keyResults(),
      checkIns(),
      'KR1',
      date(2026, 3, 1),
      date(2026, 1, 1),
      date(2026, 3, 31),
    ) as number;
    expect(forecast).toBeCloseTo(0.576, 3);
  });

  it('spills one value per ID, with ERROR: text for an unknown one', () => {
    const result = plain(
      stub('OKRFORECAST')(
        keyResults(),
        checkIns(),
        [['KR1'], ['KR2'], ['KR7']],
        date(2026, 3, 1),
        date(2026, 1, 1),
        date(2026, 3, 31),
      ),
    ) as unknown[][];
    expect(result[0]![0]).toBeCloseTo(0.576, 3);
    expect(result[1]).toEqual(['']);
    expect(String(result[2]![0])).toMatch(/^ERROR: No key result or objective has the ID "KR7"/);
  });

  it('throws a message for Sheets to show when a single call cannot be computed', () => {
    expect(() => stub('OKRFORECAST')(keyResults(), checkIns(), 'KR1', date(2026, 3, 1))).toThrow(
      /Start Date is blank and no cycle start was given/,
    );
  });
});

describe('dist/Code.js as Apps Script reads it', () => {
  it('is a plain script with no import or export statements', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  it('precedes every entry point stub directly with its JSDoc', () => {
    for (const { name, parameters } of readEntryPoints(join(root, 'src/index.ts'))) {
      const stubAt = code.indexOf(`\nfunction ${name}(${parameters.join(', ')}) {`);
      expect(stubAt, name).toBeGreaterThan(0);
      expect(code.slice(0, stubAt).endsWith('*/'), `${name} has its JSDoc right above`).toBe(true);
    }
  });

  it('documents every parameter and the result of each custom function for autocomplete', () => {
    const customFunctions = readEntryPoints(join(root, 'src/index.ts')).filter(({ jsDoc }) =>
      jsDoc.includes('@customfunction'),
    );
    expect(customFunctions.map(({ name }) => name)).toEqual(
      expect.arrayContaining(CUSTOM_FUNCTIONS),
    );
    for (const { name, parameters } of customFunctions) {
      const stubAt = code.indexOf(`\nfunction ${name}(`);
      const jsDoc = code.slice(code.lastIndexOf('/**', stubAt), stubAt);
      expect(jsDoc, name).toContain('@customfunction');
      for (const parameter of parameters) {
        expect(jsDoc, `${name} ${parameter}`).toMatch(
          new RegExp(`@param \\{[^}]+\\} ${parameter} \\S`),
        );
      }
      expect(jsDoc, name).toMatch(/@return \{[^}]+\} \S/);
    }
  });
});
