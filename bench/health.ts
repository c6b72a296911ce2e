/**
 * `npx tsx bench/health.ts`: OKRHEALTH at Sheets scale (2,000 objectives, 10,000 key results,
 * 500,000 check-ins), the largest call the health check gets. Target: well inside the 30-second
 * custom-function limit — under 10 s here, leaving room for Apps Script's slower V8.
 */
import { okrHealth } from '../src/functions/health';
import { OBJECTIVES } from '../src/workbook/schema';
import { checkInValues, keyResultValues, objectiveId, type WorkbookSize } from './workbook';

const SIZE: WorkbookSize = { objectives: 2_000, keyResults: 10_000, checkIns: 500_000 };
const TARGET_MS = 10_000;

function objectiveValues(size: WorkbookSize): unknown[][] {
  const header = OBJECTIVES.columns.map((column) => column.header);
  const rows: unknown[][] = [header];
  for (let i = 0; i < size.objectives; i++) {
    const cells: Record<string, unknown> = {
      ID: objectiveId(i),
      Objective: `Objective ${i + 1}`,
      Team: `Team ${i % 50}`,
      Parent: i < 50 ? '' : objectiveId(i % 50),
      Kind: ['committed', 'aspirational', 'experimental'][i % 3],
    };
    rows.push(header.map((name) => cells[name] ?? ''));
  }
  return rows;
}

const objectives = objectiveValues(SIZE);
const keyResults = keyResultValues(SIZE);
const checkIns = checkInValues(SIZE);
const asOf = new Date(2026, 10, 15);

const times: number[] = [];
let table: string[][] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  table = okrHealth(objectives, keyResults, checkIns, asOf);
  times.push(performance.now() - started);
}
const best = Math.min(...times);
console.log(
  `OKRHEALTH on ${SIZE.objectives} objectives, ${SIZE.keyResults} key results, ${SIZE.checkIns} check-ins: ` +
    `best ${best.toFixed(0)} ms of ${times.length} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms); ` +
    `${table.length - 1} findings; target < ${TARGET_MS} ms: ${best < TARGET_MS ? 'met' : 'MISSED'}`,
);
process.exitCode = best < TARGET_MS ? 0 : 1;
