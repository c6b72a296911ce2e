/**
 * The company roll-up at scale, part of `npm run bench`: 50 team spreadsheets of 50 key results
 * (10 objectives of 5) each, rolled up by the Roll-up sheet in the emulator with the preview's
 * formula engine. Measures one recalculation of the Roll-up sheet, the cells IMPORTRANGE ships for
 * it, and the time inside the custom functions alone (docs/performance.md#company-roll-up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../preview/emulator/index.js';
import { attachFormulaEvaluator } from '../preview/emulator/formulas/index.js';
import { okrAlignment, okrSummary } from '../src/functions/okrRollup';
import { KEY_RESULTS } from '../src/workbook/schema';
import { fillSheet } from '../tests/integration/companyWorkbook';

const TEAMS = 50;
const OBJECTIVES_PER_TEAM = 10;
const KEY_RESULTS_PER_OBJECTIVE = 5;
const LEAD = 'lead@example.com';
const CYCLE = ['2026-01-01', '2026-03-31'] as const;
const AS_OF = '2026-02-15';
/** Sheets' documented limits the roll-up must stay within. */
const CELL_LIMIT = 10_000_000;
const CUSTOM_FUNCTION_LIMIT_MS = 30_000;

/** One team's Objectives and full-width Key Results rows (every column setup creates). */
function teamTables(team: number): { objectives: unknown[][]; keyResults: unknown[][] } {
  const objectives: unknown[][] = [['ID', 'Objective', 'Parent']];
  const header = KEY_RESULTS.columns.map((column) => column.header);
  const keyResults: unknown[][] = [header];
  for (let o = 0; o < OBJECTIVES_PER_TEAM; o++) {
    objectives.push([`O${o + 1}`, `Team ${team} objective ${o + 1}`, `C${(o % 5) + 1}`]);
    for (let k = 0; k < KEY_RESULTS_PER_OBJECTIVE; k++) {
      const n = o * KEY_RESULTS_PER_OBJECTIVE + k + 1;
      const record: Record<string, unknown> = {
        ID: `KR${n}`,
        'Objective ID': `O${o + 1}`,
        'Key Result': `Move metric ${n} from 0 to 100`,
        Owner: `owner${team}@example.com`,
        Type: 'increase',
        Start: 0,
        Target: 100,
        Current: (team * 7 + n * 13) % 101,
        Weight: (n % 3) + 1,
      };
      keyResults.push(header.map((name) => record[name] ?? ''));
    }
  }
  return { objectives, keyResults };
}

function best(runs: number[]): number {
  return Math.min(...runs);
}

function median(runs: number[]): number {
  const sorted = [...runs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchRollUp(): void {
  const emulator = createEmulator({ now: `${AS_OF}T09:00:00Z`, user: LEAD });
  emulator.loadBundle(readFileSync(join(emulator.env.distDir, 'Code.js'), 'utf8'));
  attachFormulaEvaluator(emulator);
  emulator.call('setUpWorkbook');
  const company = emulator.workbook;
  fillSheet(company, 'Objectives', [
    ['ID', 'Objective'],
    ...[1, 2, 3, 4, 5].map((c) => [`C${c}`, `Company objective ${c}`]),
  ]);
  const tables = Array.from({ length: TEAMS }, (_, team) => teamTables(team + 1));
  const urls = tables.map(({ objectives, keyResults }, team) => {
    const workbook = emulator.addSpreadsheet({
      name: `Team ${team + 1}`,
      owner: `owner${team + 1}@example.com`,
      sheetNames: [],
      sharedWith: { [LEAD]: 'reader' },
    });
    fillSheet(workbook, 'Objectives', objectives);
    fillSheet(workbook, 'Key Results', keyResults);
    emulator.drive.allowImport(company.id, workbook.id, LEAD);
    return workbook.url;
  });
  emulator.call('setUpTeamsSheet');
  fillSheet(company, 'Teams', [
    ['Team', 'Spreadsheet'],
    ...urls.map((url, i) => [`Team ${i + 1}`, url]),
  ]);
  emulator.call('buildRollUp');
  const rollUp = company.sheetByName('Roll-up')!;

  const recalculations: number[] = [];
  let shipped = 0;
  for (let run = 0; run < 5; run++) {
    company.touch();
    emulator.drive.cellsImported = 0;
    const started = performance.now();
    company.readValue(rollUp, 5, 3);
    recalculations.push(performance.now() - started);
    shipped = emulator.drive.cellsImported;
  }
  const firstScore = company.readValue(rollUp, 5, 3);
  if (typeof firstScore !== 'number')
    throw new Error(`The roll-up did not compute: C5 is ${String(firstScore)}.`);

  const summaries: number[] = [];
  const alignments: number[] = [];
  const names = tables.map((_, i) => [`Team ${i + 1}`]);
  const stackedObjectives = tables.flatMap((table) => table.objectives);
  const stackedKeyResults = tables.flatMap((table) => table.keyResults);
  for (let run = 0; run < 10; run++) {
    let started = performance.now();
    for (const { keyResults } of tables) okrSummary(keyResults, AS_OF, ...CYCLE);
    summaries.push(performance.now() - started);
    started = performance.now();
    okrAlignment(names, stackedObjectives, stackedKeyResults);
    alignments.push(performance.now() - started);
  }

  console.log(
    `\nCompany roll-up: ${TEAMS} teams × ${OBJECTIVES_PER_TEAM * KEY_RESULTS_PER_OBJECTIVE} key results ` +
      `(${(TEAMS * OBJECTIVES_PER_TEAM * KEY_RESULTS_PER_OBJECTIVE).toLocaleString('en')} in all)`,
  );
  console.table([
    {
      measure: 'one recalculation of the Roll-up sheet (emulator + preview engine)',
      'best ms': best(recalculations).toFixed(0),
      'median ms': median(recalculations).toFixed(0),
    },
    {
      measure: `OKRSUMMARY, all ${TEAMS} teams (custom functions only)`,
      'best ms': best(summaries).toFixed(1),
      'median ms': median(summaries).toFixed(1),
    },
    {
      measure: `OKRALIGNMENT over ${TEAMS} stacked teams (one call)`,
      'best ms': best(alignments).toFixed(1),
      'median ms': median(alignments).toFixed(1),
    },
  ]);
  // Each formula imports whole columns A:Z, trimmed to the team's last row: Key Results twice
  // (OKRSUMMARY and OKRALIGNMENT), Objectives once.
  const importedColumns = 26;
  const perTeam =
    (2 * tables[0]!.keyResults.length + tables[0]!.objectives.length) * importedColumns;
  const passes = shipped / (perTeam * TEAMS);
  console.log(
    `Cells shipped through IMPORTRANGE: ${perTeam.toLocaleString('en')} per team and ` +
      `${(perTeam * TEAMS).toLocaleString('en')} for the company per evaluation of the sheet ` +
      `(the emulator evaluated it ${passes.toFixed(0)}× per recalculation: ${shipped.toLocaleString('en')} cells). ` +
      `Limits: ${CELL_LIMIT.toLocaleString('en')} cells per spreadsheet; the Roll-up sheet holds no copy, ` +
      `and an import of ${(perTeam * TEAMS).toLocaleString('en')} cells would be ` +
      `${(((perTeam * TEAMS) / CELL_LIMIT) * 100).toFixed(1)}% of it if it were stored. ` +
      `${CUSTOM_FUNCTION_LIMIT_MS / 1000} s per custom function call: the slowest call here took ` +
      `${best(alignments).toFixed(1)} ms best, ${median(alignments).toFixed(1)} ms median.`,
  );
}
