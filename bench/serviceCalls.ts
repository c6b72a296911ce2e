/**
 * `npm run bench:calls`: how many Apps Script service calls each add-on operation makes in the
 * emulator, on a small and a large workbook, counted the way the integration tests count them
 * (`emulator.calls`, only the script's own calls; the workbooks are filled uncounted). It runs the
 * built bundle (dist/Code.js) on the integration tests' workbooks and payloads.
 */
import type { Emulator } from '../preview/emulator/index';
import { checkInEmulator, checkInPayload } from '../tests/integration/checkInWorkbook';
import { workbookWithObjectives } from '../tests/integration/dashboardWorkbook';
import {
  DAY,
  FIRST_FRIDAY,
  addCheckIns,
  exampleEmulator,
  keyResultsByOwner,
} from '../tests/integration/reminderWorkbook';
import { emulatorWith } from '../tests/integration/setupHelpers';

// Local-time Date methods in the bundle use the process time zone: keep it the script's (UTC).
process.env.TZ = 'Etc/UTC';

const SMALL = 10;
const LARGE = 10_000;
const DASHBOARD_SMALL = 20;
const DASHBOARD_LARGE = 2_000;
const HOUR = 3_600_000;
/** The dashboard test's clock (Monday 16 November 2026). */
const DASHBOARD_NOW = '2026-11-16T09:00:00Z';

interface Counts {
  total: number;
  getValues: number;
  setValues: number;
  ms: number;
  /** Anything worth printing beside the counts (emails sent, the result of the call). */
  note?: string;
}

/** Runs `operation` on `emulator` with the counter reset first, and reads the counter after. */
function measure(emulator: Emulator, operation: () => string | void): Counts {
  emulator.calls.reset();
  const started = performance.now();
  const note = operation();
  const ms = performance.now() - started;
  return {
    total: emulator.calls.count(),
    getValues: emulator.calls.count('Range.getValues'),
    setValues: emulator.calls.count('Range.setValues'),
    ms,
    note: note || undefined,
  };
}

interface Operation {
  name: string;
  /** What the row count means for this operation. */
  rows: string;
  small: number;
  /** Null when the operation has a fixed workbook (nothing to grow). */
  large: number | null;
  run: (rows: number) => Counts;
}

/** A check-in result, or the problems that refused it (which would make the count meaningless). */
function saved(result: unknown): string {
  const { ok } = JSON.parse(JSON.stringify(result)) as { ok: boolean };
  if (!ok) throw new Error(`saveCheckIn refused the test payload: ${JSON.stringify(result)}`);
  return 'saved';
}

const OPERATIONS: Operation[] = [
  {
    name: 'setUpWorkbook (empty workbook)',
    rows: 'none: one empty Sheet1',
    small: 0,
    large: null,
    run: () => {
      const emulator = emulatorWith();
      return measure(emulator, () => void emulator.call('setUpWorkbook'));
    },
  },
  {
    name: 'setUpWorkbook (second run)',
    rows: 'objectives + key results',
    small: SMALL,
    large: LARGE,
    run: (rows) => {
      // Set up once, then `rows` objectives with one key result each (the dashboard fixture).
      const emulator = workbookWithObjectives(rows, DASHBOARD_NOW);
      return measure(emulator, () => void emulator.call('setUpWorkbook'));
    },
  },
  {
    name: 'loadExampleOkrs (empty workbook)',
    rows: 'none: the fixed example',
    small: 0,
    large: null,
    run: () => {
      const emulator = emulatorWith();
      return measure(emulator, () => void emulator.call('loadExampleOkrs'));
    },
  },
  {
    name: 'getCheckInContext (open sidebar)',
    rows: 'check-ins (11 key results)',
    small: SMALL,
    large: LARGE,
    run: (rows) => {
      const emulator = checkInEmulator({ checkIns: rows });
      return measure(emulator, () => void emulator.call('getCheckInContext'));
    },
  },
  {
    name: 'saveCheckIn (one check-in)',
    rows: 'check-ins (11 key results)',
    small: SMALL,
    large: LARGE,
    run: (rows) => {
      const emulator = checkInEmulator({ checkIns: rows });
      return measure(emulator, () => saved(emulator.call('saveCheckIn', checkInPayload())));
    },
  },
  {
    name: 'runDailyReminders (one Friday run)',
    rows: 'check-ins added to the example',
    small: SMALL,
    large: LARGE,
    run: (rows) => {
      // The example workbook, reminders on, `rows` more check-ins from before the first period so
      // that every owner is due. The first Friday's run creates the Reminder Log; the measured run
      // is the second Friday's at 9:00, as in the reminders service-call test.
      const emulator = exampleEmulator();
      emulator.call('turnOnReminders');
      const ids = [...keyResultsByOwner(emulator).values()].flat();
      addCheckIns(
        emulator,
        Array.from({ length: rows }, (_, i) => ids[i % ids.length]!),
        FIRST_FRIDAY - DAY,
      );
      const secondFriday = FIRST_FRIDAY + 7 * DAY;
      emulator.runDueTriggers(secondFriday + 8 * HOUR);
      const sentBefore = emulator.outbox.length;
      return measure(emulator, () => {
        const runs = emulator.runDueTriggers(secondFriday + 10 * HOUR);
        const failed = runs.find((run) => run.error !== undefined);
        if (runs.length !== 1 || failed)
          throw new Error(`expected one clean run, got ${JSON.stringify(runs)}`);
        return `${emulator.outbox.length - sentBefore} emails`;
      });
    },
  },
  {
    name: 'buildDashboard (first build)',
    rows: 'objectives, one key result each',
    small: DASHBOARD_SMALL,
    large: DASHBOARD_LARGE,
    run: (rows) => {
      const emulator = workbookWithObjectives(rows, DASHBOARD_NOW);
      return measure(emulator, () => void emulator.call('buildDashboard'));
    },
  },
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? ':' : '-') + '-'.repeat(width) + (column === 0 ? '-' : ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const format = (n: number): string => n.toLocaleString('en');
const started = performance.now();
const rows: string[][] = [];
const timings: string[] = [];
for (const operation of OPERATIONS) {
  const small = operation.run(operation.small);
  const large = operation.large === null ? null : operation.run(operation.large);
  const counts = (result: Counts) => [
    format(result.total),
    format(result.getValues),
    format(result.setValues),
  ];
  rows.push([
    operation.name,
    operation.large === null ? 'n/a' : `${format(operation.small)} / ${format(operation.large)}`,
    ...counts(small),
    ...(large ? counts(large) : ['n/a', 'n/a', 'n/a']),
  ]);
  const notes = [small, large].flatMap((result) => (result?.note ? [result.note] : []));
  timings.push(
    `${operation.name}: ${small.ms.toFixed(0)} ms` +
      (large ? ` / ${large.ms.toFixed(0)} ms` : '') +
      (notes.length ? ` (${notes.join(' / ')})` : ''),
  );
}

console.log(
  `Apps Script service calls per operation in the emulator (dist/Code.js), ` +
    `small vs large workbook: ${format(SMALL)} vs ${format(LARGE)} rows, ` +
    `${format(DASHBOARD_SMALL)} vs ${format(DASHBOARD_LARGE)} objectives for the dashboard.\n`,
);
console.log(
  table(
    [
      'Operation',
      'Rows small / large',
      'Total',
      'getValues',
      'setValues',
      'Total (large)',
      'getValues (large)',
      'setValues (large)',
    ],
    rows,
  ),
);
console.log(
  '\nRows: setUpWorkbook (second run) and buildDashboard fill Objectives and Key Results after a ' +
    'first set-up; getCheckInContext and saveCheckIn use the check-in test workbook with that many ' +
    'past check-ins; the reminder run adds that many check-ins to the example OKRs. ' +
    'n/a: the operation runs on an empty workbook, so there is no large case.',
);
console.log(`\nTime in the emulator (small / large):\n  ${timings.join('\n  ')}`);
console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s`);
