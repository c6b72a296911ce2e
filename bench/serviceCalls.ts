/**
 * `npm run bench:calls`: what each add-on operation costs in the emulator, on workbooks of several
 * sizes: Apps Script service calls, cells read and written through SpreadsheetApp (and how much of
 * that happens while the document lock is held), and the bytes google.script.run carries back to
 * the page (the result's JSON length). It runs the built bundle (dist/Code.js).
 *
 * Each operation lists the workbooks it runs on and the checks its figures must pass; the command
 * exits with status 1 when a check fails. To add an operation, append it to OPERATIONS (use
 * `atScales` for the key results × check-ins grid and `boundedByHistory` / `payloadWithin` for
 * its checks, or write a check of your own).
 */
import type { Emulator } from '../preview/emulator/index';
import { FORMULA_SCALE, measureFormulaCells } from './formulaCells';
import { checkInPayload } from '../tests/integration/checkInWorkbook';
import { workbookWithObjectives } from '../tests/integration/dashboardWorkbook';
import {
  measureCost,
  PAYLOAD_BUDGETS,
  type OperationCost,
} from '../tests/integration/operationCost';
import {
  DAY,
  FIRST_FRIDAY,
  addCheckIns,
  exampleEmulator,
  keyResultsByOwner,
  setSetting,
} from '../tests/integration/reminderWorkbook';
import {
  SCALE_KEY_RESULT,
  SCALE_NOW,
  SCALE_USER,
  scaleWorkbook,
  type Scale,
} from '../tests/integration/scaleWorkbook';
import { emulatorWith } from '../tests/integration/setupHelpers';

// Local-time Date methods in the bundle use the process time zone: keep it the script's (UTC).
process.env.TZ = 'Etc/UTC';

const HOUR = 3_600_000;
/** The dashboard test's clock (Monday 16 November 2026). */
const DASHBOARD_NOW = '2026-11-16T09:00:00Z';

/** One workbook an operation runs on. */
interface Case {
  label: string;
  /** Builds the workbook (uncounted); the operation then runs on it once. */
  build: () => Emulator;
  /** The scale, when the workbook is one of the key results × check-ins grid. */
  scale?: Scale;
}

interface Measured extends Case {
  cost: OperationCost;
}

/** A check over an operation's figures: a failure message, or null when it passes. */
type Check = (measured: readonly Measured[]) => string[];

interface Operation {
  name: string;
  cases: Case[];
  /** Runs the operation; the value returned is what reaches the page (its bytes are measured). */
  run: (emulator: Emulator) => unknown;
  checks?: Check[];
}

const format = (n: number): string => n.toLocaleString('en');

/** The key results × check-ins grid: 1,000 and 10,000 key results, 1,000 and 500,000 check-ins. */
export const SCALES: readonly Scale[] = [
  { keyResults: 1_000, checkIns: 1_000 },
  { keyResults: 1_000, checkIns: 500_000 },
  { keyResults: 10_000, checkIns: 1_000 },
  { keyResults: 10_000, checkIns: 500_000 },
];

/** The grid's cases; `prepare` adjusts each workbook before the measured run (uncounted). */
function atScales(prepare?: (emulator: Emulator) => void): Case[] {
  return SCALES.map((scale) => ({
    label: `${format(scale.keyResults)} KRs × ${format(scale.checkIns)} check-ins`,
    scale,
    build: () => {
      const emulator = scaleWorkbook(scale);
      if (prepare) emulator.uncounted(() => prepare(emulator));
      emulator.calls.reset();
      return emulator;
    },
  }));
}

type Figure = 'cellsRead' | 'calls';

/**
 * Cells read and service calls (or the figures named) do not grow with the history: at the same
 * number of key results, the largest history costs at most `factor` times the smallest.
 */
function boundedByHistory(
  factor = 1.1,
  figures: readonly Figure[] = ['cellsRead', 'calls'],
): Check {
  return (measured) => {
    const failures: string[] = [];
    const byKeyResults = new Map<number, Measured[]>();
    for (const entry of measured) {
      if (!entry.scale) continue;
      byKeyResults.set(entry.scale.keyResults, [
        ...(byKeyResults.get(entry.scale.keyResults) ?? []),
        entry,
      ]);
    }
    for (const entries of byKeyResults.values()) {
      const sorted = [...entries].sort((a, b) => a.scale!.checkIns - b.scale!.checkIns);
      const [fewest, most] = [sorted[0]!, sorted[sorted.length - 1]!];
      for (const figure of figures) {
        if (most.cost[figure] > factor * Math.max(1, fewest.cost[figure])) {
          failures.push(
            `${figure} ${format(most.cost[figure])} at ${most.label} is more than ${factor}× ` +
              `${format(fewest.cost[figure])} at ${fewest.label}`,
          );
        }
      }
    }
    return failures;
  };
}

/** At most `limit` service calls on every workbook (for work bounded by a count, not a ratio). */
function callsAtMost(limit: number): Check {
  return (measured) =>
    measured
      .filter((entry) => entry.cost.calls > limit)
      .map((entry) => `${format(entry.cost.calls)} calls at ${entry.label}, more than ${limit}`);
}

/** What reaches the page stays within `bytes` on every workbook. */
function payloadWithin(bytes: number): Check {
  return (measured) =>
    measured
      .filter((entry) => entry.cost.resultBytes > bytes)
      .map(
        (entry) =>
          `the result is ${format(entry.cost.resultBytes)} bytes at ${entry.label}, over the budget of ${format(bytes)}`,
      );
}

/** A check-in result, or the problems that refused it (which would make the figures meaningless). */
function saved(result: unknown): unknown {
  const { ok } = JSON.parse(JSON.stringify(result)) as { ok: boolean };
  if (!ok) throw new Error(`saveCheckIn refused the test payload: ${JSON.stringify(result)}`);
  return result;
}

/** The two cases of an operation whose workbook grows in one dimension. */
function smallAndLarge(
  what: string,
  small: number,
  large: number,
  build: (rows: number) => Emulator,
) {
  return [small, large].map((rows) => ({
    label: `${format(rows)} ${what}`,
    build: () => build(rows),
  }));
}

/** The reminder test's workbook: the example, reminders on, `rows` more check-ins, one run done. */
function reminderWorkbook(rows: number): Emulator {
  const emulator = exampleEmulator();
  emulator.call('turnOnReminders');
  const ids = [...keyResultsByOwner(emulator).values()].flat();
  addCheckIns(
    emulator,
    Array.from({ length: rows }, (_, i) => ids[i % ids.length]!),
    FIRST_FRIDAY - DAY,
  );
  // The first Friday's run creates the Reminder Log; the measured run is the second Friday's.
  emulator.runDueTriggers(FIRST_FRIDAY + 7 * DAY + 8 * HOUR);
  return emulator;
}

/** The example's cases with few and many check-ins added, compared by boundedByHistory. */
function exampleWithCheckIns(small: number, large: number): Case[] {
  const keyResults = [...keyResultsByOwner(exampleEmulator()).values()].flat().length;
  return smallAndLarge('check-ins added to the example', small, large, reminderWorkbook).map(
    (entry, index) => ({
      ...entry,
      scale: { keyResults, checkIns: index === 0 ? small : large },
    }),
  );
}

/**
 * The grid's workbooks on the next check-in day (Friday 20 November, four days after the last
 * check-in), with a digest recipient: every owner is behind, and the digest asks who missed the
 * period that just ended, so the reads reach back two periods into Check-ins.
 */
function onNextCheckInDay(): Case[] {
  return atScales((emulator) => {
    setSetting(emulator, 'Digest Recipients', 'lead@example.com');
    emulator.clock.set(Date.parse(SCALE_NOW) + 4 * DAY);
  });
}

/** The grid's cases with 1,000 check-ins (for operations not compared across histories). */
function withShortHistory(): Case[] {
  return atScales().filter((entry) => entry.scale!.checkIns === 1_000);
}

/** Sends reminders now on a scale workbook and says how many emails went out. */
function sendRemindersNow(emulator: Emulator): string {
  emulator.call('sendRemindersNow');
  return `${emulator.outbox.length} emails`;
}

/** The Close cycle dialog's request on a workbook: every unfinished key result carried forward. */
const closePayloads = new WeakMap<Emulator, unknown>();

/** The grid's cases with 1,000 check-ins and the dialog's request made ready (uncounted). */
function closeCycleCases(): Case[] {
  const fiftyThousand: Case = {
    label: '50,000 KRs × 1,000 check-ins',
    scale: { keyResults: 50_000, checkIns: 1_000 },
    build: () => scaleWorkbook({ keyResults: 50_000, checkIns: 1_000 }),
  };
  return [...withShortHistory(), fiftyThousand].map((entry) => ({
    ...entry,
    build: () => {
      const emulator = entry.build();
      emulator.uncounted(() => {
        const data = JSON.parse(JSON.stringify(emulator.call('getCloseCycleData'))) as {
          cycleName: string;
          objectives: { keyResults: { id: string; suggestCarry: boolean }[] }[];
        };
        closePayloads.set(emulator, {
          cycleName: data.cycleName,
          lessons: [],
          carryForward: data.objectives.flatMap((objective) =>
            objective.keyResults.filter((kr) => kr.suggestCarry).map((kr) => kr.id),
          ),
        });
      });
      emulator.calls.reset();
      return emulator;
    },
  }));
}

/**
 * Closing a cycle costs at most `factor` times building the dashboard on the same workbook (the
 * dashboard is measured on a fresh copy), in what an operation costs in Sheets: service calls and
 * cells moved (read + written), checked on the workbook of `keyResults` key results. The
 * emulator's time is reported beside them, split into the script's own and the emulator's (inside
 * service calls), not checked: the emulator's cost per cell is its own (docs/performance.md).
 * Other sizes are reported: on small workbooks the fixed cost of a hundred-odd calls outweighs
 * the table, and 50,000 shows the trend.
 */
function atMostTimesDashboard(factor: number, keyResults: number): Check {
  return (measured) =>
    measured.flatMap((entry) => {
      if (!entry.scale) return [];
      const checked = entry.scale.keyResults === keyResults;
      if (!checked && entry.scale.keyResults > keyResults) return [];
      const emulator = entry.build();
      const dashboard = measureCost(emulator, () => emulator.call('buildDashboard'));
      const moved = (cost: OperationCost) => cost.cellsRead + cost.cellsWritten;
      const figures = [
        ['calls', entry.cost.calls, dashboard.calls],
        ['cells moved', moved(entry.cost), moved(dashboard)],
      ] as const;
      const reported = [
        ...figures,
        ['script ms', entry.cost.ms - entry.cost.serviceMs, dashboard.ms - dashboard.serviceMs],
        ['emulator ms', entry.cost.serviceMs, dashboard.serviceMs],
      ] as const;
      console.log(
        `closeCycle vs buildDashboard at ${entry.label}: ` +
          reported
            .map(
              ([what, close, built]) =>
                `${what} ${format(Math.round(close))} vs ${format(Math.round(built))} (${(close / built).toFixed(2)}×)`,
            )
            .join(', '),
      );
      if (!checked) return [];
      return figures
        .filter(([, close, built]) => close > factor * built)
        .map(
          ([what, close, built]) =>
            `${what} ${format(Math.round(close))} at ${entry.label} is more than ${factor}× building the dashboard (${format(Math.round(built))})`,
        );
    });
}

const OPERATIONS: Operation[] = [
  {
    name: 'getCheckInContext (open the sidebar)',
    cases: atScales(),
    run: (emulator) => emulator.call('getCheckInContext'),
    checks: [boundedByHistory(), payloadWithin(PAYLOAD_BUDGETS.context)],
  },
  {
    name: 'searchKeyResults (sidebar search, second page)',
    cases: atScales(),
    run: (emulator) => emulator.call('searchKeyResults', { query: 'team 1', offset: 25 }),
    checks: [boundedByHistory(), payloadWithin(PAYLOAD_BUDGETS.searchPage)],
  },
  {
    name: 'getKeyResultDetail (open the check-in form)',
    cases: atScales(),
    run: (emulator) => emulator.call('getKeyResultDetail', SCALE_KEY_RESULT),
    // Calls grow with the check-ins found, up to the 8 the form shows, then stop.
    checks: [
      boundedByHistory(1.1, ['cellsRead']),
      callsAtMost(80),
      payloadWithin(PAYLOAD_BUDGETS.detail),
    ],
  },
  {
    name: 'saveCheckIn (one check-in)',
    cases: atScales(),
    run: (emulator) =>
      saved(emulator.call('saveCheckIn', checkInPayload({ keyResultId: SCALE_KEY_RESULT }))),
    checks: [boundedByHistory(), payloadWithin(PAYLOAD_BUDGETS.saveResult)],
  },
  {
    name: 'setUpWorkbook (empty workbook)',
    cases: [{ label: 'one empty Sheet1', build: () => emulatorWith() }],
    run: (emulator) => emulator.call('setUpWorkbook'),
  },
  {
    name: 'setUpWorkbook (second run)',
    cases: smallAndLarge('objectives, one KR each', 10, 10_000, (rows) =>
      workbookWithObjectives(rows, DASHBOARD_NOW),
    ),
    run: (emulator) => emulator.call('setUpWorkbook'),
  },
  {
    name: 'loadExampleOkrs (empty workbook)',
    cases: [{ label: 'one empty Sheet1', build: () => emulatorWith() }],
    run: (emulator) => emulator.call('loadExampleOkrs'),
  },
  {
    name: 'runDailyReminders (one Friday run)',
    cases: exampleWithCheckIns(10, 10_000),
    run: (emulator) => {
      const runs = emulator.runDueTriggers(FIRST_FRIDAY + 7 * DAY + 10 * HOUR);
      const failed = runs.find((run) => run.error !== undefined);
      if (runs.length !== 1 || failed)
        throw new Error(`expected one clean run, got ${JSON.stringify(runs)}`);
    },
    checks: [boundedByHistory()],
  },
  {
    name: 'getReminderPreview (first page, check-in day)',
    cases: onNextCheckInDay(),
    run: (emulator) => emulator.call('getReminderPreview', { page: 0 }),
    checks: [boundedByHistory(), payloadWithin(PAYLOAD_BUDGETS.reminderPreview)],
  },
  {
    name: 'getReminderPreviewEmail (one reminder, check-in day)',
    cases: onNextCheckInDay(),
    run: (emulator) =>
      emulator.call('getReminderPreviewEmail', { kind: 'reminder', to: SCALE_USER }),
    checks: [boundedByHistory(), payloadWithin(PAYLOAD_BUDGETS.reminderEmail)],
  },
  {
    name: 'sendRemindersNow (every owner behind, check-in day)',
    cases: onNextCheckInDay(),
    run: sendRemindersNow,
    checks: [boundedByHistory()],
  },
  {
    name: 'closeCycle (every unfinished KR carried)',
    cases: closeCycleCases(),
    run: (emulator) => emulator.call('closeCycle', closePayloads.get(emulator)),
    checks: [atMostTimesDashboard(3, 10_000)],
  },
  {
    name: 'buildDashboard (first build)',
    cases: smallAndLarge('objectives, one KR each', 20, 2_000, (rows) =>
      workbookWithObjectives(rows, DASHBOARD_NOW),
    ),
    run: (emulator) => emulator.call('buildDashboard'),
  },
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column < 2 ? ':' : '-') + '-'.repeat(width) + (column < 2 ? '-' : ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Operations whose name contains one of the command-line words (all when there are none). */
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const selected = OPERATIONS.filter(
  (operation) =>
    only.length === 0 || only.some((word) => operation.name.toLowerCase().includes(word)),
);

const started = performance.now();
const rows: string[][] = [];
const failures: string[] = [];
for (const operation of selected) {
  const measured: Measured[] = [];
  for (const entry of operation.cases) {
    const emulator = entry.build();
    const cost = measureCost(emulator, () => operation.run(emulator));
    measured.push({ ...entry, cost });
    rows.push([
      operation.name,
      entry.label,
      format(cost.calls),
      format(cost.getValues),
      format(cost.setValues),
      format(cost.cellsRead),
      format(cost.cellsWritten),
      format(cost.cellsCleared),
      `${format(cost.lockedCalls)} / ${format(cost.lockedCells)}`,
      format(cost.resultBytes),
      `${format(Math.round(cost.ms))} (${format(Math.round(cost.ms - cost.serviceMs))})`,
    ]);
  }
  for (const check of operation.checks ?? [])
    failures.push(...check(measured).map((failure) => `${operation.name}: ${failure}`));
}

console.log(
  'Cost per operation in the emulator (dist/Code.js): service calls, cells moved through ' +
    'SpreadsheetApp (read and written; cleared cells are counted apart, as a clear sends only its ' +
    'range), calls / cells moved while the document lock is held, the JSON bytes of the ' +
    'result sent back to the page, and milliseconds in the emulator (in brackets, the part spent ' +
    'outside service calls: the script itself).\n',
);
console.log(
  table(
    [
      'Operation',
      'Workbook',
      'Calls',
      'getValues',
      'setValues',
      'Cells read',
      'Cells written',
      'Cells cleared',
      'Under lock (calls / cells)',
      'Result bytes',
      'ms (script)',
    ],
    rows,
  ),
);

if (only.length === 0 || only.some((word) => 'custom function cells'.includes(word))) {
  const formulas = measureFormulaCells();
  const total = (figure: 'cells' | 'wholeTableCells') =>
    formulas.reduce((sum, formula) => sum + formula[figure], 0);
  const ratio = (whole: number, narrow: number) => `${(whole / narrow).toFixed(2)}×`;
  console.log(
    `\nCells the custom functions receive per recalculation (table arguments of the formulas ` +
      `the add-on writes), ${format(FORMULA_SCALE.keyResults)} key results × ` +
      `${format(FORMULA_SCALE.checkIns)} check-ins, dashboard built:\n`,
  );
  console.log(
    table(
      ['Formula', 'Columns passed (of the whole tables)', 'Cells', 'Whole tables', 'Fewer'],
      [
        ...formulas.map((formula) => [
          formula.place,
          formula.columns,
          format(formula.cells),
          format(formula.wholeTableCells),
          ratio(formula.wholeTableCells, formula.cells),
        ]),
        [
          'all',
          '',
          format(total('cells')),
          format(total('wholeTableCells')),
          ratio(total('wholeTableCells'), total('cells')),
        ],
      ],
    ),
  );
  failures.push(
    ...formulas
      .filter((formula) => formula.cells >= formula.wholeTableCells)
      .map(
        (formula) =>
          `${formula.place} passes ${format(formula.cells)} cells, no fewer than the whole tables (${format(formula.wholeTableCells)})`,
      ),
  );
}
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failures.length > 0) {
  console.log(`\n${failures.length} check(s) failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery check passed.');
}
