import { describe, expect, it } from 'vitest';
import {
  checkValueForKeyResult,
  inputKindFor,
  milestoneCurrent,
  milestoneProgress,
  readCheckInPayload,
} from '../../../src/core/checkIn';
import { MAX_COMMENT_LENGTH } from '../../../src/shared/checkIn';
import { keyResult, milestone, payload } from './checkInFixtures';

const now = new Date('2026-11-02T09:00:00Z');

function errorsOf(input: unknown) {
  const result = readCheckInPayload(input);
  if (result.ok) throw new Error('expected the payload to be refused');
  return result.errors;
}

describe('readCheckInPayload', () => {
  it('accepts a complete payload and trims the key result ID', () => {
    const result = readCheckInPayload({ ...payload(), keyResultId: '  KR1 ' });
    expect(result).toEqual({ ok: true, value: payload() });
  });

  it('refuses payloads that are not objects, saying what arrived', () => {
    for (const input of [null, undefined, 'KR1', 42, [payload()], new Date()]) {
      const [error] = errorsOf(input);
      expect(error!.field).toBeNull();
      expect(error!.message).toMatch(/not a form/);
    }
  });

  it('names every missing field', () => {
    const fields = errorsOf({}).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'keyResultId',
        'value',
        'confidence',
        'progress',
        'plans',
        'problems',
        'learnings',
      ]),
    );
  });

  it('refuses text where a number is needed', () => {
    const [error] = errorsOf(payload({ value: '42' as never }));
    expect(error).toEqual({ field: 'value', message: expect.stringMatching(/Value is text/) });
  });

  it('refuses a Date object as the value', () => {
    const [error] = errorsOf(payload({ value: new Date() as never }));
    expect(error!.field).toBe('value');
    expect(error!.message).toMatch(/date object/);
  });

  it('refuses infinite and absurdly large values', () => {
    expect(errorsOf(payload({ value: Number.POSITIVE_INFINITY }))[0]!.field).toBe('value');
    expect(errorsOf(payload({ value: 1e300 }))[0]!.message).toMatch(/too large/);
  });

  it.each([11, -1, 7.5, Number.NaN])('refuses confidence %s', (confidence) => {
    const [error] = errorsOf(payload({ confidence }));
    expect(error!.field).toBe('confidence');
    expect(error!.message).toMatch(/0 \(no chance\) to 10/);
  });

  it('accepts confidence 0 and 10', () => {
    expect(readCheckInPayload(payload({ confidence: 0 })).ok).toBe(true);
    expect(readCheckInPayload(payload({ confidence: 10 })).ok).toBe(true);
  });

  it('accepts a comment of exactly the maximum length and refuses one character more', () => {
    expect(readCheckInPayload(payload({ learnings: 'x'.repeat(MAX_COMMENT_LENGTH) })).ok).toBe(
      true,
    );
    const [error] = errorsOf(payload({ learnings: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }));
    expect(error!.field).toBe('learnings');
    expect(error!.message).toMatch(
      /^Learnings is 5,001 characters long; a check-in takes at most 5,000/,
    );
  });

  it('refuses a 100 kB comment naming the field', () => {
    const [error] = errorsOf(payload({ problems: 'x'.repeat(100_000) }));
    expect(error!.field).toBe('problems');
    expect(error!.message).toMatch(/^Problems is 100,000 characters long/);
  });

  it('refuses unknown fields', () => {
    const [error] = errorsOf({ ...payload(), author: 'mallory@example.com' });
    expect(error!.message).toMatch(/"author" is not a check-in field/);
  });

  it('refuses malformed milestone entries', () => {
    const [error] = errorsOf(
      payload({ milestones: [{ row: 'two', milestone: 'Beta', done: true }] as never }),
    );
    expect(error!.field).toBe('milestones');
  });

  it('keeps formula-looking comments as they are (the gateway stores them as text)', () => {
    const result = readCheckInPayload(payload({ progress: '=IMPORTXML("http://x", "//a")' }));
    expect(result.ok && result.value.progress).toBe('=IMPORTXML("http://x", "//a")');
  });
});

describe('inputKindFor', () => {
  it('asks for the input that fits each type', () => {
    expect(inputKindFor('percentage')).toBe('percentage');
    expect(inputKindFor('binary')).toBe('binary');
    expect(inputKindFor('milestone')).toBe('milestones');
    for (const type of [
      'increase',
      'decrease',
      'task',
      'at least',
      'at most',
      'baseline',
      null,
    ] as const) {
      expect(inputKindFor(type)).toBe('number');
    }
  });
});

describe('checkValueForKeyResult', () => {
  it('accepts a number for a numeric key result', () => {
    expect(checkValueForKeyResult(payload({ value: 42 }), keyResult(), [], now)).toEqual({
      ok: true,
      value: { value: 42, milestoneUpdates: [] },
    });
  });

  it('refuses yes/no for a numeric key result, naming the unit', () => {
    const result = checkValueForKeyResult(payload({ value: true }), keyResult(), [], now);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'value',
          message: expect.stringMatching(/measures a number\. Enter a number in teams/),
        },
      ],
    });
  });

  it('takes only yes or no for a binary key result', () => {
    const binary = keyResult({ type: 'binary' });
    expect(checkValueForKeyResult(payload({ value: true }), binary, [], now).ok).toBe(true);
    expect(checkValueForKeyResult(payload({ value: 1 }), binary, [], now).ok).toBe(false);
  });

  it('takes a percentage as a fraction from 0 to 1', () => {
    const percentage = keyResult({ type: 'percentage' });
    expect(checkValueForKeyResult(payload({ value: 0.45 }), percentage, [], now).ok).toBe(true);
    const result = checkValueForKeyResult(payload({ value: 45 }), percentage, [], now);
    expect(!result.ok && result.errors[0]!.message).toMatch(
      /4500%\. Enter a percentage from 0% to 100%/,
    );
  });

  it('refuses a blank value for a numeric key result', () => {
    const result = checkValueForKeyResult(
      payload({ value: null }),
      keyResult({ type: 'baseline' }),
      [],
      now,
    );
    expect(!result.ok && result.errors[0]!.field).toBe('value');
  });

  it('computes a milestone key result from its ticked milestones and dates the newly done ones', () => {
    const milestoneKr = keyResult({ type: 'milestone', start: null, target: 4 });
    const checklist = [
      milestone({ row: 5, milestone: 'Beta', weight: 1, done: true }),
      milestone({ row: 6, milestone: 'Launch', weight: 3 }),
    ];
    const result = checkValueForKeyResult(
      payload({ value: null, milestones: [{ row: 6, milestone: 'Launch', done: true }] }),
      milestoneKr,
      checklist,
      now,
    );
    expect(result).toEqual({
      ok: true,
      value: { value: 4, milestoneUpdates: [{ row: 6, done: true, doneDate: now }] },
    });
  });

  it('refuses a milestone that is no longer in the row the sidebar saw', () => {
    const result = checkValueForKeyResult(
      payload({ value: null, milestones: [{ row: 5, milestone: 'Launch', done: true }] }),
      keyResult({ type: 'milestone' }),
      [milestone({ row: 5, milestone: 'Beta' })],
      now,
    );
    expect(!result.ok && result.errors[0]).toEqual({
      field: 'milestones',
      message: expect.stringMatching(/"Launch" is no longer in Milestones row 5/),
    });
  });

  it('takes the number done for a milestone key result without a checklist', () => {
    const result = checkValueForKeyResult(
      payload({ value: 2 }),
      keyResult({ type: 'milestone' }),
      [],
      now,
    );
    expect(result.ok && result.value.value).toBe(2);
  });

  it('refuses milestone ticks for a key result without a checklist', () => {
    const result = checkValueForKeyResult(
      payload({ milestones: [{ row: 5, milestone: 'Beta', done: true }] }),
      keyResult(),
      [],
      now,
    );
    expect(!result.ok && result.errors[0]!.field).toBe('milestones');
  });
});

describe('milestoneProgress', () => {
  it('is the done weight over the total weight, blank weights counting 1', () => {
    const checklist = [
      milestone({ weight: 2, done: true }),
      milestone({ weight: null, done: false }),
      milestone({ weight: 1, done: true }),
    ];
    expect(milestoneProgress(checklist)).toBe(0.75);
  });

  it('is blank for a checklist that weighs nothing', () => {
    expect(milestoneProgress([milestone({ weight: 0 })])).toBeNull();
    expect(milestoneProgress([])).toBeNull();
  });
});

describe('milestoneCurrent', () => {
  it('places the done share on the Start → Target scale', () => {
    const checklist = [milestone({ done: true }), milestone(), milestone()];
    expect(
      milestoneCurrent(keyResult({ type: 'milestone', start: null, target: 3 }), checklist),
    ).toBe(1);
    expect(
      milestoneCurrent(keyResult({ type: 'milestone', start: 10, target: 40 }), checklist),
    ).toBe(20);
  });

  it('stores the done weight when there is no target', () => {
    const checklist = [milestone({ weight: 2, done: true }), milestone({ weight: 3 })];
    expect(milestoneCurrent(keyResult({ type: 'milestone', target: null }), checklist)).toBe(2);
  });
});
