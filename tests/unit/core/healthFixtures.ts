/**
 * Two workbooks as sheet values (header row first) for the health check: a clean one that passes
 * every check, and a seeded one that plants each red flag once. Cycle: 2026-10-01 to 2026-12-31,
 * weekly check-ins on Fridays.
 */
import { CHECK_IN_HEADER, KEY_RESULT_HEADER } from '../../fixtures/workbook';

export interface HealthWorkbook {
  objectives: unknown[][];
  keyResults: unknown[][];
  checkIns: unknown[][];
  initiatives: unknown[][];
  kpis: unknown[][];
  settings: unknown[][];
  asOf: Date;
}

const day = (month: number, date: number): Date => new Date(Date.UTC(2026, month - 1, date));
export const CYCLE_START = day(10, 1);
export const CYCLE_END = day(12, 31);

const OBJECTIVE_HEADER = ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Parent', 'Kind'];

interface ObjectiveSpec {
  id: string;
  team: string;
  parent: string;
  kind: string;
  /** Current value of each KR (increase from 0 to 100). */
  currents: number[];
}

interface KeyResultOverrides {
  owner?: string;
  unit?: string;
  type?: string;
  start?: number;
  target?: number;
  keyResultClass?: string;
  impact?: string;
  effort?: string;
}

export function settingsValues(): unknown[][] {
  return [
    ['Setting', 'Value'],
    ['Cycle Name', '2026 Q4'],
    ['Cycle Start', CYCLE_START],
    ['Cycle End', CYCLE_END],
    ['Report Date', day(11, 15)],
    ['Check-in Day', 'Friday'],
    ['Check-in Period (days)', 7],
    ['Min Objectives', 3],
    ['Max Objectives', 5],
    ['Min KRs per Objective', 3],
    ['Max KRs per Objective', 5],
    ['Cycle Length (months)', 3],
  ];
}

/** Fridays from 2 October up to and including `last`. */
function fridays(last: Date): Date[] {
  const dates: Date[] = [];
  for (
    let date = day(10, 2);
    date.getTime() <= last.getTime();
    date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 7))
  ) {
    dates.push(date);
  }
  return dates;
}

class Builder {
  objectives: unknown[][] = [OBJECTIVE_HEADER];
  keyResults: unknown[][] = [[...KEY_RESULT_HEADER, 'Class', 'Category', 'Impact', 'Effort']];
  checkIns: unknown[][] = [[...CHECK_IN_HEADER]];
  initiatives: unknown[][] = [['Key Result ID', 'Initiative', 'Owner', 'Status']];

  objective(spec: ObjectiveSpec, overrides: Record<number, KeyResultOverrides> = {}): string[] {
    this.objectives.push([
      spec.id,
      `Objective ${spec.id}`,
      'lead@example.com',
      spec.team,
      '2026 Q4',
      spec.parent,
      spec.kind,
    ]);
    return spec.currents.map((current, index) => {
      const id = `${spec.id}.${index + 1}`;
      const o = overrides[index + 1] ?? {};
      this.keyResults.push([
        id,
        spec.id,
        `Grow metric ${id}`,
        o.owner ?? 'owner@example.com',
        o.type ?? 'increase',
        o.unit ?? 'users',
        o.start ?? 0,
        o.target ?? 100,
        current,
        CYCLE_START,
        CYCLE_END,
        '',
        7,
        o.keyResultClass ?? 'lagging',
        'outcome',
        o.impact ?? 'high',
        o.effort ?? 'low',
      ]);
      return id;
    });
  }

  /** Weekly check-ins rising evenly to `current`, with PPP commentary. */
  weeklyCheckIns(keyResultId: string, current: number, last: Date, learnings = ''): void {
    const dates = fridays(last);
    dates.forEach((date, index) => {
      const value = Math.round((current * (index + 1)) / dates.length);
      const isLast = index === dates.length - 1;
      this.checkIns.push([
        new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 10)),
        keyResultId,
        value,
        7,
        `Reached ${value}`,
        'Keep going',
        'None',
        isLast ? learnings : '',
        'owner@example.com',
      ]);
    });
  }

  initiative(keyResultId: string): void {
    this.initiatives.push([
      keyResultId,
      `Project for ${keyResultId}`,
      'owner@example.com',
      'In progress',
    ]);
  }
}

/** Passes every check on 15 November 2026: focus, alignment, check-ins and balance all in order. */
export function cleanWorkbook(): HealthWorkbook {
  const book = new Builder();
  const asOf = day(11, 15);
  const specs: ObjectiveSpec[] = [
    { id: 'C1', team: 'Company', parent: '', kind: 'committed', currents: [50, 50, 50] },
    { id: 'C2', team: 'Company', parent: '', kind: 'committed', currents: [50, 50, 50] },
    { id: 'C3', team: 'Company', parent: '', kind: 'aspirational', currents: [50, 50, 50] },
    { id: 'A1', team: 'Apps', parent: 'C1', kind: 'aspirational', currents: [50, 50, 50] },
    { id: 'A2', team: 'Apps', parent: 'C2', kind: 'committed', currents: [50, 50, 50] },
    { id: 'A3', team: 'Apps', parent: 'C3', kind: 'experimental', currents: [50, 50, 50] },
  ];
  let first = true;
  for (const spec of specs) {
    for (const id of book.objective(spec)) {
      book.weeklyCheckIns(
        id,
        50,
        day(11, 13),
        first ? 'Onboarding emails convert best on Tuesdays.' : '',
      );
      book.initiative(id);
      first = false;
    }
  }
  return {
    ...book,
    kpis: [
      ['KPI', 'Owner', 'Unit', 'Current', 'Healthy Min', 'Healthy Max'],
      ['Monthly churn', 'ops@example.com', '%', 2, 0, 5],
    ],
    settings: settingsValues(),
    asOf,
  };
}

/** The red flags the seeded workbook plants, and the IDs each must name. */
export const SEEDED_FLAGS: Record<string, string[]> = {
  'too-many-objectives': ['Crowded'],
  'too-few-objectives': ['Solo'],
  'too-many-key-results': ['A1'],
  'too-few-key-results': ['S1'],
  'missing-fields': ['C2.1'],
  unaligned: ['X1', 'X6'],
  'activity-only': ['S1'],
  'conservative-target': ['C3.1'],
  'money-pit': ['C3.2'],
  'missed-check-in': ['C2.2'],
  stuck: ['C2.3'],
  'no-commentary': ['C1.1'],
  'no-learnings': [],
  unbalanced: ['X1'],
  'will-miss': ['C1.1'],
  'committed-below-target': ['C1'],
  sandbagging: ['A1', 'A2', 'A3'],
  'no-initiative': ['C3.3'],
  'kpi-out-of-range': ['Monthly churn'],
};

/** Every red flag at once, checked on the last day of the cycle (31 December 2026). */
export function seededWorkbook(): HealthWorkbook {
  const book = new Builder();
  const asOf = CYCLE_END;
  const lastFriday = day(12, 25);
  const add = (spec: ObjectiveSpec, overrides: Record<number, KeyResultOverrides> = {}): void => {
    book.objective(spec, overrides).forEach((id, index) => {
      const current = spec.currents[index]!;
      if (id === 'C2.2') book.weeklyCheckIns(id, current, day(12, 4));
      else if (id !== 'C2.3') book.weeklyCheckIns(id, current, lastFriday);
      if (id !== 'C3.3') book.initiative(id);
    });
  };
  add({ id: 'C1', team: 'Company', parent: '', kind: 'committed', currents: [50, 50, 50] });
  add(
    { id: 'C2', team: 'Company', parent: '', kind: 'committed', currents: [100, 60, 20] },
    { 1: { owner: '', unit: '' } },
  );
  add(
    { id: 'C3', team: 'Company', parent: '', kind: 'committed', currents: [102, 100, 100] },
    { 1: { start: 100, target: 102 }, 2: { impact: 'low', effort: 'high' } },
  );
  for (const id of ['A1', 'A2', 'A3']) {
    add({
      id,
      team: 'Apps',
      parent: 'C1',
      kind: 'aspirational',
      currents: id === 'A1' ? [100, 100, 100, 100, 100, 100] : [100, 100, 100],
    });
  }
  for (const id of ['X1', 'X2', 'X3', 'X4', 'X5', 'X6']) {
    add({
      id,
      team: 'Crowded',
      parent: '',
      kind: 'experimental',
      currents: id === 'X1' ? [0, 0, 0] : [100, 100, 100],
    });
  }
  add(
    { id: 'S1', team: 'Solo', parent: 'C1', kind: 'experimental', currents: [10] },
    { 1: { type: 'task', target: 10, unit: 'tasks', keyResultClass: 'activity' } },
  );
  // C2.3 is stuck: the same value three check-ins running.
  for (const date of [day(12, 11), day(12, 18), day(12, 25)]) {
    book.checkIns.push([
      date,
      'C2.3',
      20,
      4,
      'No change',
      'Try again',
      'Blocked',
      '',
      'owner@example.com',
    ]);
  }
  // A check-in with no commentary at all.
  book.checkIns.push([day(12, 26), 'C1.1', 50, 6, '', '', '', '', 'owner@example.com']);
  return {
    ...book,
    kpis: [
      ['KPI', 'Owner', 'Unit', 'Current', 'Healthy Min', 'Healthy Max'],
      ['Monthly churn', 'ops@example.com', '%', 9, 0, 5],
    ],
    settings: settingsValues(),
    asOf,
  };
}
