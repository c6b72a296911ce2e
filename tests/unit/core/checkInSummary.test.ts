import { describe, expect, it } from 'vitest';
import {
  buildCheckInContext,
  HISTORY_LENGTH,
  isOwnedBy,
  summarizeKeyResult,
} from '../../../src/core/checkInSummary';
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

describe('buildCheckInContext', () => {
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
    checkIns: [
      checkIn({ keyResultId: 'kr2 ', progress: 'matched by trimmed, case-insensitive ID' }),
    ],
    milestones: [],
    settings,
  };

  it("lists the user's key results first, then the rest grouped by objective, leaving out other cycles", () => {
    const context = buildCheckInContext(workbook, 'ana@example.com', asOf, []);
    expect(context.keyResults.map((summary) => summary.id)).toEqual(['KR3', 'KR2', 'KR1', 'KR5']);
    expect(context.objectives).toEqual([
      { id: 'O1', title: 'First' },
      { id: 'O2', title: 'Second' },
    ]);
    expect(context.keyResults.find((summary) => summary.id === 'KR2')!.lastCheckInText).toMatch(
      /matched/,
    );
  });

  it('lists every key result when no objective names the current cycle', () => {
    const renamed = { ...workbook, settings: { ...settings, cycleName: 'Autumn 2026' } };
    const context = buildCheckInContext(renamed, 'ana@example.com', asOf, []);
    expect(context.keyResults.map((summary) => summary.id)).toEqual([
      'KR3',
      'KR2',
      'KR4',
      'KR1',
      'KR5',
    ]);
  });

  it('keeps sheet order when the user owns nothing', () => {
    const context = buildCheckInContext(workbook, 'cy@example.com', asOf, [
      'Key Results row 9: bad',
    ]);
    expect(context.keyResults.map((summary) => summary.id)).toEqual(['KR1', 'KR3', 'KR2', 'KR5']);
    expect(context.keyResults.every((summary) => !summary.ownedByUser)).toBe(true);
    expect(context.problems).toEqual(['Key Results row 9: bad']);
    expect(context.cycleName).toBe('2026 Q4');
  });
});
