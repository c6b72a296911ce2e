/**
 * `npm run bench`: the engine path the custom functions use, at Sheets scale (10,000 key results
 * in 2,000 objectives, 500,000 check-ins), against a single pass that only reads every cell once.
 * Targets: OKRSCORE over the whole Key Results table under 1 s, and under 5× the read pass.
 */
import { fork } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { okrBalance } from '../src/functions/okrBalance';
import { okrProgress } from '../src/functions/okrProgress';
import { okrScore } from '../src/functions/okrScore';
import { parseCheckIns, parseKeyResults } from '../src/workbook/tables';
import { checkInValues, keyResultValues, objectiveId, type WorkbookSize } from './workbook';

const SIZE: WorkbookSize = { objectives: 2_000, keyResults: 10_000, checkIns: 500_000 };
const TARGET_MS = 1_000;
const TARGET_RATIO = 5;

interface Workload {
  name: string;
  cells: number;
  run: () => unknown;
  /** The read-only pass over the same cells this workload is compared with. */
  readPass: () => unknown;
  /** Timed runs; the 500,000-row check-ins take seconds each, so they run fewer times. */
  repeats?: number;
}

/** Touches every cell once, so the engine's cost can be told apart from the cost of the data. */
function readEveryCell(values: readonly unknown[][]): number {
  let filled = 0;
  for (const row of values) {
    for (const cell of row) if (cell !== '') filled++;
  }
  return filled;
}

function columnOf(values: readonly unknown[][], header: string): unknown[][] {
  const index = values[0]!.indexOf(header);
  return values.slice(1).map((row) => [row[index]]);
}

function workloads(): Workload[] {
  const keyResults = keyResultValues(SIZE);
  const checkIns = checkInValues(SIZE);
  const objectiveIds = Array.from({ length: SIZE.objectives }, (_, i) => [objectiveId(i)]);
  const readKeyResults = () => readEveryCell(keyResults);
  const krCells = keyResults.length * keyResults[0]!.length;
  const [type, start, target, current] = ['Type', 'Start', 'Target', 'Current'].map((header) =>
    columnOf(keyResults, header),
  );
  const asOf = new Date(2026, 10, 15);
  return [
    {
      name: 'OKRSCORE(table, every objective ID)',
      cells: krCells,
      run: () => okrScore(keyResults, objectiveIds),
      readPass: readKeyResults,
    },
    {
      name: '  of which parseKeyResults alone',
      cells: krCells,
      run: () => parseKeyResults(keyResults),
      readPass: readKeyResults,
    },
    {
      name: 'OKRSCORE(table) overall',
      cells: krCells,
      run: () => okrScore(keyResults),
      readPass: readKeyResults,
    },
    {
      name: 'OKRBALANCE(table, as_of, cycle)',
      cells: krCells,
      run: () => okrBalance(keyResults, asOf, new Date(2026, 9, 1), new Date(2026, 11, 31)),
      readPass: readKeyResults,
    },
    {
      name: 'OKRPROGRESS(4 columns of 10,000 rows)',
      cells: 4 * SIZE.keyResults,
      run: () => okrProgress(type, start, target, current),
      readPass: () =>
        [type, start, target, current].reduce((sum, column) => sum + readEveryCell(column!), 0),
    },
    {
      name: 'parseCheckIns(500,000 rows)',
      cells: checkIns.length * checkIns[0]!.length,
      run: () => parseCheckIns(checkIns),
      readPass: () => readEveryCell(checkIns),
      repeats: 3,
    },
  ];
}

/** Median wall time of `repeats` runs after warm-up runs (the JIT settles first). */
function medianMs(run: () => unknown, repeats = 7, warmUps = 1): number {
  for (let i = 0; i < warmUps; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface MemoryFigure {
  name: string;
  heapGrowthMb: number;
  gcsDuringRun: number;
}

/**
 * Runs in a child started with --expose-gc and a large young generation: after a full GC, the
 * heap used right after the run minus the heap used before it is the peak growth when no GC ran
 * in between (the GC count says whether that held).
 */
async function measureMemoryInChild(): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc!;
  const figures: MemoryFigure[] = [];
  for (const workload of workloads()) {
    workload.run();
    collect();
    let gcs = 0;
    const observer = new PerformanceObserver((list) => (gcs += list.getEntries().length));
    observer.observe({ entryTypes: ['gc'] });
    const before = process.memoryUsage().heapUsed;
    const result = workload.run();
    const after = process.memoryUsage().heapUsed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    figures.push({
      name: workload.name,
      heapGrowthMb: (after - before) / 2 ** 20,
      gcsDuringRun: gcs,
    });
    if (result === undefined) throw new Error(`${workload.name} returned nothing`);
  }
  process.send!(figures);
}

function memoryFigures(): Promise<MemoryFigure[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--memory'], {
      execArgv: [...process.execArgv, '--expose-gc', '--max-semi-space-size=256'],
    });
    child.once('message', (figures) => resolve(figures as MemoryFigure[]));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`memory run exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  console.log(
    `Workbook: ${SIZE.keyResults.toLocaleString('en')} key results in ${SIZE.objectives.toLocaleString('en')} objectives, ` +
      `${SIZE.checkIns.toLocaleString('en')} check-ins; Node ${process.version}\n`,
  );
  const memory = await memoryFigures();
  const rows = workloads().map((workload) => {
    const engineMs = medianMs(workload.run, workload.repeats);
    const readMs = medianMs(workload.readPass, workload.repeats);
    const heap = memory.find((figure) => figure.name === workload.name)!;
    return {
      workload: workload.name,
      cells: workload.cells.toLocaleString('en'),
      'time ms': engineMs.toFixed(1),
      'read pass ms': readMs.toFixed(2),
      ratio: `${(engineMs / readMs).toFixed(1)}×`,
      'heap growth MB': heap.heapGrowthMb.toFixed(1),
      'GCs in run': heap.gcsDuringRun,
      engineMs,
      readMs,
    };
  });
  console.table(rows.map(({ engineMs: _engineMs, readMs: _readMs, ...shown }) => shown));
  const path = rows[0]!;
  const ratio = path.engineMs / path.readMs;
  const timeOk = path.engineMs < TARGET_MS;
  const ratioOk = ratio < TARGET_RATIO;
  console.log(
    `\nCustom-function path (${path.workload}): ${path.engineMs.toFixed(1)} ms ` +
      `(target < ${TARGET_MS} ms: ${timeOk ? 'met' : 'MISSED'}), ` +
      `${ratio.toFixed(1)}× the read pass (target < ${TARGET_RATIO}×: ${ratioOk ? 'met' : 'MISSED'}).`,
  );
  if (!timeOk || !ratioOk) process.exitCode = 1;
}

if (process.argv.includes('--memory')) await measureMemoryInChild();
else await main();
