/**
 * A small OKR workbook in the emulator for the check-in tests: one key result of every type, a
 * milestone checklist, settings for the current cycle, and as many past check-ins as asked for.
 */
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import { CHECK_IN_HEADER, KEY_RESULT_HEADER } from '../fixtures/workbook';
import { addSheetWith } from './emulatorSheets';
import { onSpreadsheetClock } from './spreadsheetClock';

/** When the tests check in, as the spreadsheet's clock reads it: Monday 16 November 2026, 10:00. */
const CLOCK_READING = '2026-11-16T10:00';
export const NOW = onSpreadsheetClock(CLOCK_READING).toISOString();
/** Now as the add-on holds and sends it: the spreadsheet's wall clock in UTC fields. */
export const NOW_WALL_CLOCK = `${CLOCK_READING}:00.000Z`;
export const ANA = 'ana@example.com';
export const BO = 'bo@example.com';

export const OBJECTIVES_VALUES = [
  ['ID', 'Objective', 'Owner', 'Cycle'],
  ['O1', 'Delight new teams', ANA, '2026 Q4'],
  ['O2', 'Make billing boring', BO, '2026 Q4'],
  ['O3', 'Last quarter', ANA, '2026 Q3'],
];

/** Key result rows by ID: [id, objective, title, owner, type, unit, start, target, current]. */
export const KEY_RESULTS = [
  ['KR-INC', 'O1', 'Grow weekly active teams', ANA, 'increase', 'teams', 0, 100, 20],
  ['KR-DEC', 'O1', 'Cut page load time', ANA, 'decrease', 'ms', 900, 300, 800],
  ['KR-PCT', 'O1', 'Share of teams onboarded', ANA, 'percentage', '', '', '', 0.3],
  ['KR-MS', 'O1', 'Launch the admin console', ANA, 'milestone', '', '', 4, 1],
  ['KR-TASK', 'O2', 'Migrate invoices', BO, 'task', 'invoices', 0, 10, 2],
  ['KR-BIN', 'O2', 'Pass the PCI audit', BO, 'binary', '', '', '', false],
  ['KR-MIN', 'O2', 'Keep uptime', BO, 'at least', '%', '', 99.9, 99.95],
  ['KR-MAX', 'O2', 'Keep refunds low', BO, 'at most', 'refunds', '', 5, 3],
  ['KR-BASE', 'O2', 'Measure support tickets', BO, 'baseline', 'tickets', '', '', ''],
  ['KR-NONE', 'O2', '<img src=x onerror=alert(1)>', BO, '', 'points', 0, 20, 5],
  ['KR-OLD', 'O3', 'Finished last quarter', ANA, 'increase', '', 0, 1, 1],
] as const;

export const MILESTONES_VALUES = [
  ['Key Result ID', 'Milestone', 'Weight', 'Done', 'Done Date'],
  ['KR-MS', 'Design review', 1, true, onSpreadsheetClock('2026-10-20')],
  ['KR-MS', 'Beta with five teams', 1, false, ''],
  ['KR-OTHER', 'Not ours', 1, false, ''],
  ['KR-MS', 'General availability', 2, false, ''],
];

const SETTINGS_VALUES = [
  ['Setting', 'Value'],
  ['Cycle Name', '2026 Q4'],
  ['Cycle Start', onSpreadsheetClock('2026-10-01')],
  ['Cycle End', onSpreadsheetClock('2026-12-31')],
];

/** Past check-ins spread over the key results, oldest first. */
function pastCheckIns(count: number): unknown[][] {
  const start = onSpreadsheetClock('2026-10-01T09:00').getTime();
  return Array.from({ length: count }, (_, index) => {
    const keyResult = KEY_RESULTS[index % 2]!;
    return [
      new Date(start + index * 60_000),
      keyResult[0],
      index % 50,
      6,
      `update ${index}`,
      `plan ${index}`,
      '',
      '',
      keyResult[3],
    ];
  });
}

/** An emulator with the bundle loaded and the check-in workbook, signed in as `user`. */
export function checkInEmulator(options: { checkIns?: number; user?: string } = {}): Emulator {
  const emulator = createEmulator({ now: NOW, user: options.user ?? ANA, sheetNames: [] });
  emulator.uncounted(() => {
    addSheetWith(emulator, 'Objectives', OBJECTIVES_VALUES);
    addSheetWith(emulator, 'Key Results', [
      [...KEY_RESULT_HEADER, 'Last Check-in'],
      ...KEY_RESULTS.map((row) => [
        ...row,
        onSpreadsheetClock('2026-10-01'),
        onSpreadsheetClock('2026-12-31'),
        '',
        '',
        '',
      ]),
    ]);
    addSheetWith(emulator, 'Check-ins', [
      [...CHECK_IN_HEADER],
      ...pastCheckIns(options.checkIns ?? 3),
    ]);
    addSheetWith(emulator, 'Milestones', MILESTONES_VALUES);
    addSheetWith(emulator, 'Settings', SETTINGS_VALUES);
  });
  emulator.loadBundle();
  emulator.calls.reset();
  return emulator;
}

/** A sheet's values as the tests compare them (Dates as ISO text). */
export function sheetValues(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() =>
    emulator.spreadsheet
      .getSheetByName(name)!
      .getDataRange()
      .getValues()
      .map((row) =>
        row.map((cell) =>
          Object.prototype.toString.call(cell) === '[object Date]'
            ? (cell as Date).toISOString()
            : cell,
        ),
      ),
  );
}

/** Every sheet's values, to prove a refused check-in wrote nothing. */
export function workbookSnapshot(emulator: Emulator): Record<string, unknown[][]> {
  return Object.fromEntries(
    ['Objectives', 'Key Results', 'Check-ins', 'Milestones', 'Settings'].map((name) => [
      name,
      sheetValues(emulator, name),
    ]),
  );
}

/** The Key Results row of an ID as { header: value }. */
export function keyResultRow(emulator: Emulator, id: string): Record<string, unknown> {
  const [header, ...rows] = sheetValues(emulator, 'Key Results');
  const row = rows.find((candidate) => candidate[0] === id);
  if (!row) throw new Error(`No key result ${id}`);
  return Object.fromEntries(header!.map((name, index) => [String(name), row[index]]));
}

export function checkInRows(emulator: Emulator): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(emulator, 'Check-ins');
  return rows.map((row) =>
    Object.fromEntries(header!.map((name, index) => [String(name), row[index]])),
  );
}

/** A valid payload, as the sidebar sends it. */
export function checkInPayload(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    keyResultId: 'KR-INC',
    value: 42,
    milestones: null,
    confidence: 7,
    progress: 'Onboarding v2 shipped',
    plans: 'Start the pricing test',
    problems: 'Waiting on legal',
    learnings: 'Teams love templates',
    ...fields,
  };
}

/** Results come from the script realm; compare them as plain JSON. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
