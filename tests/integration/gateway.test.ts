/**
 * The sheet gateway (src/gas/tables.ts) against the emulated services: the real adapter code is
 * bundled on its own, as dist/Code.js is, and run in the emulator's vm context.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import { addSheetWith } from './emulatorSheets';
import { NOW, sheetFormulas, sheetValues, type SheetContents } from './setupHelpers';
import { onSpreadsheetClock } from './spreadsheetClock';

const root = join(import.meta.dirname, '../..');

const ENTRY = `
import { appendRows, readSettings, readTable, writeRowFields } from './src/gas/tables';
import { TABLES } from './src/workbook/schema';
import { mapColumns } from './src/workbook/headers';
const table = (key) => TABLES.find((candidate) => candidate.key === key);
export function readAllTables() { return TABLES.map((t) => readTable(t).values.length); }
export function append(key, records) { return appendRows(table(key), records); }
export function writeFields(key, row, fields) {
  const { values } = readTable(table(key));
  return writeRowFields(table(key), row, fields, mapColumns(table(key), values[0]));
}
export function settingsCycleName() { return readSettings().settings.cycleName; }
`;

let gatewayBundle = '';

beforeAll(() => {
  const result = buildSync({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'Gateway',
    target: 'es2020',
    write: false,
  });
  const stubs = ['readAllTables', 'append', 'writeFields', 'settingsCycleName']
    .map((name) => `function ${name}(...args) { return Gateway.${name}(...args); }`)
    .join('\n');
  gatewayBundle = `${result.outputFiles[0]!.text}\n${stubs}`;
});

function gateway(sheets: SheetContents, maxRows = 1000): Emulator {
  const emulator = createEmulator({ now: NOW, sheetNames: [] });
  emulator.uncounted(() => {
    for (const [name, values] of Object.entries(sheets))
      addSheetWith(emulator, name, values, Math.max(maxRows, values.length));
  });
  emulator.loadBundle(gatewayBundle);
  emulator.calls.reset();
  return emulator;
}

const CHECK_INS_HEADER = [
  'Key Result ID',
  'Team note',
  'Timestamp',
  'Value',
  'Confidence',
  'Progress',
  'Plans',
  'Problems',
  'Learnings',
  'Author',
];

function allTables(rows: number): SheetContents {
  const rowsOf = (make: (index: number) => unknown[]) =>
    Array.from({ length: rows }, (_, index) => make(index));
  return {
    Objectives: [['ID', 'Objective'], ...rowsOf((i) => [`O${i}`, `Objective ${i}`])],
    'Key Results': [
      ['ID', 'Objective ID', 'Key Result', 'Current'],
      ...rowsOf((i) => [`KR${i}`, 'O1', `KR ${i}`, i]),
    ],
    'Check-ins': [
      CHECK_INS_HEADER,
      ...rowsOf((i) => [`KR${i}`, '', new Date(Date.UTC(2026, 9, 1, 0, i)), i]),
    ],
    Milestones: [['Key Result ID', 'Milestone'], ...rowsOf((i) => [`KR${i}`, `Step ${i}`])],
    Initiatives: [['Key Result ID', 'Initiative'], ...rowsOf((i) => [`KR${i}`, `Project ${i}`])],
    KPIs: [['KPI'], ...rowsOf((i) => [`KPI ${i}`])],
    Settings: [
      ['Setting', 'Value'],
      ['Cycle Name', 'Our cycle'],
    ],
  };
}

describe('readTable', () => {
  it('reads each table with one getValues, the same calls for 10 rows as for 10,000', () => {
    const callsFor = (rows: number) => {
      const emulator = gateway(allTables(rows), rows + 10);
      expect(emulator.call('readAllTables')).toEqual([
        rows + 1,
        rows + 1,
        rows + 1,
        rows + 1,
        rows + 1,
        rows + 1,
        2,
      ]);
      return emulator.calls.snapshot();
    };
    const small = callsFor(10);
    expect(small['Range.getValues']).toBe(7);
    expect(callsFor(10_000)).toEqual(small);
  });

  it('names the missing sheet and how to add it', () => {
    const emulator = gateway({ Objectives: [['ID', 'Objective']] });
    expect(() => emulator.call('readAllTables')).toThrow(
      /"Key Results" sheet is missing.*Set up OKR workbook/,
    );
  });
});

describe('appendRows', () => {
  const timestamp = new Date(Date.UTC(2026, 10, 20, 16));
  const checkIn = {
    timestamp,
    keyResultId: 'KR1',
    value: 12,
    confidence: 7,
    progress: '=IMPORTXML("http://x")',
    plans: '+1 more demo',
    problems: '-',
    learnings: '@team',
    author: 'ana@example.com',
  };

  it('lays records out by header text and leaves user columns blank', () => {
    const emulator = gateway({ 'Check-ins': [CHECK_INS_HEADER, ['KR0', 'mine', timestamp, 1]] });
    expect(emulator.call('append', 'checkIns', [checkIn])).toBe(3);
    const row = sheetValues(emulator, 'Check-ins')[2]!;
    expect(row).toEqual([
      'KR1',
      '',
      // The add-on's wall-clock time lands as the instant the spreadsheet's clock reads it.
      onSpreadsheetClock('2026-11-20T16:00').toISOString(),
      12,
      7,
      '=IMPORTXML("http://x")',
      '+1 more demo',
      '-',
      '@team',
      'ana@example.com',
    ]);
    expect(sheetValues(emulator, 'Check-ins')[1]).toEqual([
      'KR0',
      'mine',
      timestamp.toISOString(),
      1,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('stores text that starts with =, +, - or @ as text, never as a formula', () => {
    const emulator = gateway({ 'Check-ins': [CHECK_INS_HEADER] });
    emulator.call('append', 'checkIns', [checkIn]);
    expect(sheetFormulas(emulator, 'Check-ins')[1]!.every((formula) => formula === '')).toBe(true);
  });

  it('writes all records with one setValues per run of its own columns, under the document lock', () => {
    const emulator = gateway({ 'Check-ins': [CHECK_INS_HEADER] });
    emulator.call('append', 'checkIns', [
      checkIn,
      { ...checkIn, keyResultId: 'KR2' },
      { ...checkIn, keyResultId: 'KR3' },
    ]);
    // Key Result ID, then Timestamp onwards: the user's Team note between them is not written.
    expect(emulator.calls.count('Range.setValues')).toBe(2);
    expect(emulator.calls.cells().written).toBe(3 * (CHECK_INS_HEADER.length - 1));
    expect(emulator.locks.attempts).toEqual([
      { kind: 'document', granted: true, timeoutInMillis: 5000 },
    ]);
    expect(sheetValues(emulator, 'Check-ins').map((row) => row[0])).toEqual([
      'Key Result ID',
      'KR1',
      'KR2',
      'KR3',
    ]);
  });

  it('asks the user to retry and writes nothing while someone else holds the lock', () => {
    const emulator = gateway({ 'Check-ins': [CHECK_INS_HEADER] });
    emulator.locks.setBusy('document');
    expect(() => emulator.call('append', 'checkIns', [checkIn])).toThrow(
      'Another person is saving right now. Wait a moment and try again.',
    );
    expect(sheetValues(emulator, 'Check-ins')).toHaveLength(1);
  });

  it('refuses a value whose column the sheet lacks and writes nothing', () => {
    const emulator = gateway({ 'Check-ins': [['Timestamp', 'Key Result ID', 'Value']] });
    expect(() => emulator.call('append', 'checkIns', [checkIn])).toThrow(/no "Confidence" column/);
    expect(sheetValues(emulator, 'Check-ins')).toHaveLength(1);
  });

  it('appends below the last typed row, not below spilled formula values', () => {
    const header = ['ID', 'Objective ID', 'Key Result', 'Progress'];
    const emulator = gateway({
      'Key Results': [header, ['KR1', 'O1', 'First', 0.5], ['', '', '', ''], ['', '', '', '']],
    });
    emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange('D3:D4')
        .setValues([[0], [0]]),
    );
    expect(
      emulator.call('append', 'keyResults', [{ id: 'KR2', objectiveId: 'O1', title: 'Second' }]),
    ).toBe(3);
    expect(sheetValues(emulator, 'Key Results')[2]).toEqual(['KR2', 'O1', 'Second', 0]);
  });

  it('adds rows to a full sheet instead of failing', () => {
    const emulator = gateway(
      {
        Objectives: [
          ['ID', 'Objective'],
          ['O1', 'One'],
        ],
      },
      2,
    );
    emulator.call('append', 'objectives', [
      { id: 'O2', title: 'Two' },
      { id: 'O3', title: 'Three' },
    ]);
    expect(sheetValues(emulator, 'Objectives').map((row) => row[0])).toEqual([
      'ID',
      'O1',
      'O2',
      'O3',
    ]);
  });
});

describe('writeRowFields', () => {
  const header = [
    'ID',
    'Objective ID',
    'Key Result',
    'Current',
    'Confidence',
    'Notes',
    'Last Check-in',
  ];

  it('updates the named columns of one row, one setValues per run of neighbouring columns', () => {
    const emulator = gateway({
      'Key Results': [
        header,
        ['KR1', 'O1', 'First', 1, 5, 'keep', ''],
        ['KR2', 'O1', 'Second', 2, 6, 'keep too', ''],
      ],
    });
    const lastCheckIn = new Date(Date.UTC(2026, 10, 20));
    expect(
      emulator.call('writeFields', 'keyResults', 3, {
        current: '=2+2',
        confidence: 8,
        lastCheckIn,
      }),
    ).toEqual(['current', 'confidence', 'lastCheckIn']);
    expect(emulator.calls.count('Range.setValues')).toBe(2);
    expect(sheetValues(emulator, 'Key Results').slice(1)).toEqual([
      ['KR1', 'O1', 'First', 1, 5, 'keep', ''],
      [
        'KR2',
        'O1',
        'Second',
        '=2+2',
        8,
        'keep too',
        onSpreadsheetClock('2026-11-20').toISOString(),
      ],
    ]);
  });

  it('never writes the header row', () => {
    const emulator = gateway({ 'Key Results': [header] });
    expect(() => emulator.call('writeFields', 'keyResults', 1, { current: 3 })).toThrow(
      /data starts in row 2/,
    );
  });
});

describe('readSettings', () => {
  it('reads the Settings sheet with defaults for the rest', () => {
    expect(gateway(allTables(1)).call('settingsCycleName')).toBe('Our cycle');
  });
});
