import { describe, expect, it } from 'vitest';
import {
  buildCheckInContext,
  checkInList,
  HISTORY_LENGTH,
  isOwnedBy,
  searchCheckInList,
  summarizeKeyResult,
} from '../../../src/core/checkInSummary';
import {
  KEY_RESULT_PAGE_SIZE,
  MAX_LISTED_PROBLEMS,
  MAX_OWN_KEY_RESULTS,
} from '../../../src/shared/checkIn';
import { checkIn, keyResult, milestone, objective, settings } from './checkInFixtures';

const asOf = new Date('2026-11-15T12:00:00Z');

describe('summarizeKeyResult', () => {
  it('shows progress, planned progress for the day and the status between them', () => {
    const summary = summarizeKeyResult(
      keyResult({ current: 20 }),
      'Delight new teams',
      [],
      [],
      settings,
      asOf,
      '',
    );
    expect(summary.progress).toBeCloseTo(0.2);
    // 45 of 91 days from 1 October to 31 December.
    expect(summary.planned).toBeCloseTo(45 / 91);
    expect(summary.status).toBe('Off track');
    expect(summary.problem).toBe('');
  });

  it('plans over the cycle dates when the key result has none', () => {
    const summary = summarizeKeyResult(
      keyResult({ startDate: null, dueDate: null }),
      '',
      [],
      [],
      settings,
      asOf,
      '',
    );
    expect(summary.planned).toBeCloseTo(45 / 91);
    expect(summary.dueDate).toBe('2026-12-31T00:00:00.000Z');
  });

  it('gives the latest check-in text, its plans and the recent values oldest first', () => {
    const checkIns = Array.from({ length: 10 }, (_, week) =>
      checkIn({
        timestamp: new Date(Date.UTC(2026, 9, 1 + 7 * week)),
        value: week,
        progress: `week ${week}`,
        plans: `plan ${week}`,
      }),
    ).reverse();
    const summary = summarizeKeyResult(keyResult(), '', checkIns, [], settings, asOf, '');
    expect(summary.lastCheckInText).toBe('week 9');
    expect(summary.previousPlans).toBe('plan 9');
    expect(summary.lastCheckInDate).toBe(new Date(Date.UTC(2026, 9, 64)).toISOString());
    expect(summary.history.map((point) => point.value)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(summary.history).toHaveLength(HISTORY_LENGTH);
  });

  it('measures a milestone key result by its checklist weights', () => {
    const summary = summarizeKeyResult(
      keyResult({ type: 'milestone', target: 3 }),
      '',
      [],
      [milestone({ weight: 3, done: true }), milestone({ row: 3, milestone: 'Launch', weight: 1 })],
      settings,
      asOf,
      '',
    );
    expect(summary.progress).toBe(0.75);
    expect(summary.inputKind).toBe('milestones');
    expect(summary.milestones).toEqual([
      { row: 2, milestone: 'Beta', weight: 3, done: true, doneDate: null },
      { row: 3, milestone: 'Launch', weight: 1, done: false, doneDate: null },
    ]);
  });

  it('asks for a number for a milestone key result without a checklist', () => {
    const summary = summarizeKeyResult(
      keyResult({ type: 'milestone', target: 4, current: 1 }),
      '',
      [],
      [],
      settings,
      asOf,
      '',
    );
    expect(summary.inputKind).toBe('number');
    expect(summary.progress).toBe(0.25);
  });

  it('explains a key result whose progress cannot be computed instead of failing', () => {
    const summary = summarizeKeyResult(keyResult({ target: null }), '', [], [], settings, asOf, '');
    expect(summary.progress).toBeNull();
    expect(summary.problem).toMatch(/Target is blank/);
  });

  it('reads a blank type from the direction of start and target', () => {
    const summary = summarizeKeyResult(
      keyResult({ type: null, start: 50, target: 10 }),
      '',
      [],
      [],
      settings,
      asOf,
      '',
    );
    expect(summary.type).toBe('decrease');
  });

  it('carries only JSON-safe values', () => {
    const summary = summarizeKeyResult(
      keyResult({ lastCheckIn: asOf }),
      '',
      [checkIn()],
      [],
      settings,
      asOf,
      '',
    );
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('isOwnedBy', () => {
  it('matches the email case-insensitively among several owners', () => {
    expect(
      isOwnedBy(keyResult({ owner: 'Bo@Example.com, ana@example.com' }), 'ANA@example.com'),
    ).toBe(true);
    expect(isOwnedBy(keyResult({ owner: 'anastasia@example.com' }), 'ana@example.com')).toBe(false);
  });

  it('never matches an unknown user', () => {
    expect(isOwnedBy(keyResult({ owner: '' }), '')).toBe(false);
  });
});

describe('checkInList and buildCheckInContext', () => {
  const workbook = {
    objectives: [
      objective({ id: 'O1', title: 'First', cycle: '2026 Q4' }),
      objective({ id: 'O2', title: 'Second' }),
      objective({ id: 'O3', title: 'Old', cycle: '2026 Q3' }),
    ],
    keyResults: [
      keyResult({ id: 'KR1', objectiveId: 'O1', owner: 'bo@example.com' }),
      keyResult({ id: 'KR2', objectiveId: 'O2', owner: 'ana@example.com' }),
      keyResult({ id: 'KR3', objectiveId: 'O1', owner: 'ana@example.com' }),
      keyResult({ id: 'KR4', objectiveId: 'O3', owner: 'ana@example.com' }),
      keyResult({ id: 'KR5', objectiveId: 'O9', owner: '' }),
    ],
    settings,
  };
  const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

  it("lists the user's key results first, then the rest grouped by objective, leaving out other cycles", () => {
    const list = checkInList(workbook, 'ana@example.com', asOf);
    expect(ids(list.keyResults)).toEqual(['KR3', 'KR2', 'KR1', 'KR5']);
    const context = buildCheckInContext(list, settings, 'ana@example.com', asOf, [], 'stamp');
    expect(ids(context.mine)).toEqual(['KR3', 'KR2']);
    expect(context.all.objectives).toEqual([
      { id: 'O1', title: 'First' },
      { id: 'O2', title: 'Second' },
    ]);
    expect(context.cycleStamp).toBe('stamp');
  });

  it('lists every key result when no objective names the current cycle', () => {
    const renamed = { ...workbook, settings: { ...settings, cycleName: 'Autumn 2026' } };
    expect(ids(checkInList(renamed, 'ana@example.com', asOf).keyResults)).toEqual([
      'KR3',
      'KR2',
      'KR4',
      'KR1',
      'KR5',
    ]);
  });

  it('keeps sheet order when the user owns nothing', () => {
    const list = checkInList(workbook, 'cy@example.com', asOf);
    const context = buildCheckInContext(list, settings, 'cy@example.com', asOf, ['bad'], '');
    expect(ids(context.all.keyResults)).toEqual(['KR1', 'KR3', 'KR2', 'KR5']);
    expect(context.all.keyResults.every((item) => !item.ownedByUser)).toBe(true);
    expect(context.mine).toEqual([]);
    expect(context.problems).toEqual(['bad']);
    expect(context.cycleName).toBe('2026 Q4');
  });

  it('sends at most a page of all key results and a capped list of the user’s, with their totals', () => {
    const many = {
      objectives: [objective({ id: 'O1', title: 'First', cycle: '2026 Q4' })],
      keyResults: Array.from({ length: 200 }, (_, index) =>
        keyResult({
          id: `KR${index}`,
          objectiveId: 'O1',
          owner: index % 2 === 0 ? 'ana@example.com' : '',
        }),
      ),
      settings,
    };
    const list = checkInList(many, 'ana@example.com', asOf);
    const problems = Array.from({ length: 30 }, (_, index) => `problem ${index}`);
    const context = buildCheckInContext(list, settings, 'ana@example.com', asOf, problems, '');
    expect(context.mine).toHaveLength(MAX_OWN_KEY_RESULTS);
    expect(context.mineTotal).toBe(100);
    expect(context.all.keyResults).toHaveLength(KEY_RESULT_PAGE_SIZE);
    expect(context.all.total).toBe(200);
    expect(context.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(context.problems.at(-1)).toMatch(/20 more/);
  });

  it('searches every word in the ID, title, objective and owner, a page from the offset', () => {
    const list = checkInList(workbook, 'ana@example.com', asOf);
    expect(ids(searchCheckInList(list, 'FIRST bo@', 0).keyResults)).toEqual(['KR1']);
    const page = searchCheckInList(list, '', 2);
    expect(ids(page.keyResults)).toEqual(['KR1', 'KR5']);
    expect(page.total).toBe(4);
    expect(page.objectives).toEqual([{ id: 'O1', title: 'First' }]);
  });
});
