/**
 * A synthetic OKR workbook at Sheets scale as the 2-D arrays getValues and custom functions see:
 * numbers, text, booleans, Date objects and "" for blank cells. Seeded, so every run is the same.
 */
import { CHECK_INS, KEY_RESULTS } from '../src/workbook/schema';
import { KEY_RESULT_TYPES } from '../src/core/keyResultType';

export interface WorkbookSize {
  objectives: number;
  keyResults: number;
  checkIns: number;
}

/** mulberry32: a small seeded generator, so figures compare across runs. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every type, and blank (the direction from Start to Target).
const TYPES: readonly string[] = [...KEY_RESULT_TYPES, ''];
const CYCLE_START = new Date(2026, 9, 1);
const DAY = 86_400_000;

export const objectiveId = (index: number): string => `O-${String(index + 1).padStart(4, '0')}`;
const keyResultId = (index: number): string => `KR-${String(index + 1).padStart(5, '0')}`;

/** Start, target and current that make sense for the type. */
function measures(
  type: string,
  random: () => number,
): [number | string, number | string, number | string | boolean] {
  const pick = (max: number) => Math.round(random() * max);
  switch (type) {
    case 'decrease':
      return [200, 50, 50 + pick(180)];
    case 'percentage':
      return ['', '', random()];
    case 'milestone':
    case 'task':
      return ['', 8, pick(8)];
    case 'binary':
      return ['', '', random() < 0.5];
    case 'at least':
      return ['', 95, 60 + pick(40)];
    case 'at most':
      return ['', 2, random() * 4];
    case 'baseline':
      return ['', '', pick(1000)];
    default:
      return [100, 200, 100 + pick(120)];
  }
}

export function keyResultValues(size: WorkbookSize, seed = 1): unknown[][] {
  const random = seededRandom(seed);
  const header = KEY_RESULTS.columns.map((column) => column.header);
  const rows: unknown[][] = [header];
  for (let i = 0; i < size.keyResults; i++) {
    const type = TYPES[i % TYPES.length]!;
    const [start, target, current] = measures(type, random);
    const dated = random() < 0.7;
    const values: Record<string, unknown> = {
      id: keyResultId(i),
      objectiveId: objectiveId(i % size.objectives),
      title: `Key result ${i + 1}: move the metric from start to target`,
      owner: `owner${i % 300}@example.com`,
      type,
      unit: type === 'percentage' ? '%' : 'count',
      start,
      target,
      current,
      startDate: dated ? new Date(CYCLE_START.getTime() + Math.floor(random() * 20) * DAY) : '',
      dueDate: dated
        ? new Date(CYCLE_START.getTime() + (70 + Math.floor(random() * 20)) * DAY)
        : '',
      weight: random() < 0.6 ? '' : Math.ceil(random() * 3),
      confidence: Math.round(random() * 10),
      keyResultClass: 'lagging',
      category: 'outcome',
      impact: 'high',
      effort: 'low',
      lastCheckIn: new Date(CYCLE_START.getTime() + Math.floor(random() * 40) * DAY),
      progress: random(),
      planned: random(),
      status: 'On track',
    };
    rows.push(KEY_RESULTS.columns.map((column) => values[column.key] ?? ''));
  }
  return rows;
}

export function checkInValues(size: WorkbookSize, seed = 2): unknown[][] {
  const random = seededRandom(seed);
  const rows: unknown[][] = [CHECK_INS.columns.map((column) => column.header)];
  for (let i = 0; i < size.checkIns; i++) {
    rows.push([
      new Date(CYCLE_START.getTime() + Math.floor(random() * 90 * DAY)),
      keyResultId(i % size.keyResults),
      Math.round(random() * 200),
      Math.round(random() * 10),
      'Shipped the onboarding change',
      'Measure the effect next week',
      random() < 0.2 ? 'Waiting on data access' : '',
      random() < 0.1 ? 'Users skip step two' : '',
      `owner${i % 300}@example.com`,
    ]);
  }
  return rows;
}
