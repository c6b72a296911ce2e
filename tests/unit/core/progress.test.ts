import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OkrInputError } from '../../../src/core/errors';
import { KEY_RESULT_TYPES } from '../../../src/core/keyResultType';
import { keyResultProgress } from '../../../src/core/progress';
import type { KeyResultType } from '../../../src/core/types';

describe('keyResultProgress', () => {
  describe('increase', () => {
    it('measures the share of the way from start to target', () => {
      expect(keyResultProgress('increase', 100, 200, 150)).toBe(0.5);
      expect(keyResultProgress('increase', 0, 40, 10)).toBe(0.25);
    });

    it('clamps over-achievement to 1', () => {
      expect(keyResultProgress('increase', 100, 200, 260)).toBe(1);
    });

    it('clamps a current below start (the wrong direction) to 0', () => {
      expect(keyResultProgress('increase', 100, 200, 80)).toBe(0);
    });

    it('counts a blank current as no progress yet', () => {
      expect(keyResultProgress('increase', 100, 200, null)).toBe(0);
    });

    it('gives 1 when start = target and the target is reached, else 0', () => {
      expect(keyResultProgress('increase', 50, 50, 50)).toBe(1);
      expect(keyResultProgress('increase', 50, 50, 51)).toBe(1);
      expect(keyResultProgress('increase', 50, 50, 49)).toBe(0);
    });

    it('rejects a target below start, which contradicts the type', () => {
      expect(() => keyResultProgress('increase', 200, 100, 150)).toThrow(
        'Target (100) is below Start (200), but the key result is meant to increase. Set Type to decrease, or fix Start and Target.',
      );
    });

    it('says which value is missing and how to fix it', () => {
      expect(() => keyResultProgress('increase', 100, null, 150)).toThrow(OkrInputError);
      expect(() => keyResultProgress('increase', 100, null, 150)).toThrow(
        'Target is blank: an increase key result needs a target. Type the value it aims for, such as 120.',
      );
      expect(() => keyResultProgress('increase', null, 200, 150)).toThrow(
        'Start is blank: an increase key result needs the value it started from. Type the baseline value, such as 0.',
      );
    });

    it('rejects a yes/no current for a numeric key result', () => {
      expect(() => keyResultProgress('increase', 0, 10, true)).toThrow(
        /Current is TRUE.*set Type to binary/,
      );
    });
  });

  describe('decrease', () => {
    it('measures the share of the way down from start to target', () => {
      expect(keyResultProgress('decrease', 40, 20, 30)).toBe(0.5);
      expect(keyResultProgress('decrease', 10, 2, 4)).toBe(0.75);
    });

    it('clamps going below the target to 1', () => {
      expect(keyResultProgress('decrease', 40, 20, 5)).toBe(1);
    });

    it('clamps a current that rose above start (the wrong direction) to 0', () => {
      expect(keyResultProgress('decrease', 40, 20, 55)).toBe(0);
    });

    it('gives 1 when start = target and current is at or below it, else 0', () => {
      expect(keyResultProgress('decrease', 5, 5, 5)).toBe(1);
      expect(keyResultProgress('decrease', 5, 5, 4)).toBe(1);
      expect(keyResultProgress('decrease', 5, 5, 6)).toBe(0);
    });

    it('rejects a target above start instead of inverting the scale', () => {
      expect(() => keyResultProgress('decrease', 20, 40, 30)).toThrow(
        'Target (40) is above Start (20), but the key result is meant to decrease. Set Type to increase, or fix Start and Target.',
      );
    });
  });

  describe('blank type', () => {
    it('increases when target ≥ start', () => {
      expect(keyResultProgress(null, 0, 10, 4)).toBe(0.4);
      expect(keyResultProgress(null, 10, 10, 10)).toBe(1);
    });

    it('decreases when target < start', () => {
      expect(keyResultProgress(null, 10, 0, 4)).toBe(0.6);
    });

    it('needs both start and target to find the direction', () => {
      expect(() => keyResultProgress(null, null, 10, 4)).toThrow(/^Start is blank\. With no Type/);
      expect(() => keyResultProgress(null, 0, null, 4)).toThrow(/^Target is blank\. With no Type/);
    });
  });

  describe('percentage', () => {
    it('reads 0.45, 45% (a 0.45 cell) and 45 as 45%', () => {
      expect(keyResultProgress('percentage', null, null, 0.45)).toBe(0.45);
      expect(keyResultProgress('percentage', null, null, 45)).toBe(0.45);
    });

    it('ignores start and target', () => {
      expect(keyResultProgress('percentage', 10, 90, 0.3)).toBe(0.3);
    });

    it('reads 1 as 100% and clamps above 100%', () => {
      expect(keyResultProgress('percentage', null, null, 1)).toBe(1);
      expect(keyResultProgress('percentage', null, null, 130)).toBe(1);
    });

    it('clamps negative values to 0 and counts blank as 0', () => {
      expect(keyResultProgress('percentage', null, null, -0.2)).toBe(0);
      expect(keyResultProgress('percentage', null, null, null)).toBe(0);
    });
  });

  describe('milestone and task', () => {
    it('counts done items out of the target with a blank start meaning 0', () => {
      expect(keyResultProgress('milestone', null, 4, 3)).toBe(0.75);
      expect(keyResultProgress('task', null, 10, 4)).toBe(0.4);
    });

    it('uses a given start like an increase key result', () => {
      expect(keyResultProgress('task', 2, 10, 6)).toBe(0.5);
    });

    it('needs the number of items as target', () => {
      expect(() => keyResultProgress('milestone', null, null, 3)).toThrow(
        'Target is blank: a milestone key result needs a target. Type the number of milestones to finish, such as 5.',
      );
    });
  });

  describe('binary', () => {
    it('is 1 for TRUE or 1 and 0 otherwise', () => {
      expect(keyResultProgress('binary', null, null, true)).toBe(1);
      expect(keyResultProgress('binary', null, null, 1)).toBe(1);
      expect(keyResultProgress('binary', null, null, false)).toBe(0);
      expect(keyResultProgress('binary', null, null, 0)).toBe(0);
      expect(keyResultProgress('binary', null, null, 0.9)).toBe(0);
      expect(keyResultProgress('binary', null, null, null)).toBe(0);
    });
  });

  describe('at least', () => {
    it('is 1 at or above the target and current / target below it', () => {
      expect(keyResultProgress('at least', null, 95, 95)).toBe(1);
      expect(keyResultProgress('at least', null, 95, 99)).toBe(1);
      expect(keyResultProgress('at least', null, 80, 60)).toBe(0.75);
    });

    it('clamps a negative current to 0', () => {
      expect(keyResultProgress('at least', null, 80, -5)).toBe(0);
    });

    it('needs a target above 0', () => {
      expect(() => keyResultProgress('at least', null, 0, 5)).toThrow(
        'Target is 0: an at least key result needs a threshold above 0. Type the level to stay at or above, such as 95.',
      );
      expect(() => keyResultProgress('at least', null, null, 5)).toThrow(
        /^Target is blank: an at least/,
      );
    });
  });

  describe('at most', () => {
    it('is 1 at or below the target', () => {
      expect(keyResultProgress('at most', null, 2, 2)).toBe(1);
      expect(keyResultProgress('at most', null, 2, 1.5)).toBe(1);
    });

    it('falls linearly to 0 at twice the target', () => {
      expect(keyResultProgress('at most', null, 2, 2.5)).toBe(0.75);
      expect(keyResultProgress('at most', null, 2, 4)).toBe(0);
      expect(keyResultProgress('at most', null, 2, 9)).toBe(0);
    });

    it('counts a blank current as no progress yet', () => {
      expect(keyResultProgress('at most', null, 2, null)).toBe(0);
    });

    it('needs a target above 0', () => {
      expect(() => keyResultProgress('at most', null, -1, 5)).toThrow(
        /^Target is -1: an at most key result/,
      );
    });
  });

  describe('baseline', () => {
    it('is never scored', () => {
      expect(keyResultProgress('baseline', null, null, 42)).toBeNull();
      expect(keyResultProgress('baseline', 1, 2, null)).toBeNull();
    });
  });

  it('rejects numbers that are not finite', () => {
    expect(() => keyResultProgress('increase', 0, Infinity, 1)).toThrow(
      'Target is not a finite number.',
    );
    expect(() => keyResultProgress('increase', 0, 10, NaN)).toThrow(
      'Current is not a finite number.',
    );
  });
});

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const anyType = fc.option(fc.constantFrom(...KEY_RESULT_TYPES), { nil: null });
const measured = fc.oneof(finite, fc.boolean(), fc.constant(null));

/** Progress, or the marker 'error' when the inputs are insufficient or contradictory. */
function progressOrError(
  type: KeyResultType | null,
  start: number | null,
  target: number | null,
  current: number | boolean | null,
): number | null | 'error' {
  try {
    return keyResultProgress(type, start, target, current);
  } catch (error) {
    if (error instanceof OkrInputError) return 'error';
    throw error;
  }
}

describe('keyResultProgress properties', () => {
  it('is always in [0, 1], null only for baseline, and never NaN', () => {
    fc.assert(
      fc.property(
        anyType,
        maybe(finite),
        maybe(finite),
        measured,
        (type, start, target, current) => {
          const progress = progressOrError(type, start, target, current);
          if (progress === 'error') return;
          if (progress === null) {
            expect(type).toBe('baseline');
            return;
          }
          expect(Number.isNaN(progress)).toBe(false);
          expect(progress).toBeGreaterThanOrEqual(0);
          expect(progress).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('only throws OkrInputError, with a message for people', () => {
    fc.assert(
      fc.property(
        anyType,
        maybe(finite),
        maybe(finite),
        measured,
        (type, start, target, current) => {
          try {
            keyResultProgress(type, start, target, current);
          } catch (error) {
            expect(error).toBeInstanceOf(OkrInputError);
            expect((error as Error).message).toMatch(/\. (Type|Set)|, or (set|fix)/);
          }
        },
      ),
    );
  });

  const upward: KeyResultType[] = ['increase', 'milestone', 'task', 'at least'];
  it('never falls as current rises for increase, milestone, task and at least', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...upward),
        finite,
        finite,
        finite,
        finite,
        (type, start, target, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const before = progressOrError(type, start, target, low);
          const after = progressOrError(type, start, target, high);
          if (before === 'error' || after === 'error') return;
          expect(after).toBeGreaterThanOrEqual(before as number);
        },
      ),
    );
  });

  const downward: KeyResultType[] = ['decrease', 'at most'];
  it('never rises as current rises for decrease and at most (decrease KRs are never inverted)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...downward),
        finite,
        finite,
        finite,
        finite,
        (type, start, target, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const before = progressOrError(type, start, target, low);
          const after = progressOrError(type, start, target, high);
          if (before === 'error' || after === 'error') return;
          expect(after).toBeLessThanOrEqual(before as number);
        },
      ),
    );
  });

  it('scores a decrease key result 1 at or below its target and 0 at or above its start', () => {
    fc.assert(
      fc.property(finite, finite, finite, (a, b, offset) => {
        const [target, start] = a <= b ? [a, b] : [b, a];
        const below = target - Math.abs(offset);
        const above = start + Math.abs(offset);
        expect(keyResultProgress('decrease', start, target, below)).toBe(1);
        if (start !== target) expect(keyResultProgress('decrease', start, target, above)).toBe(0);
      }),
    );
  });

  it('follows the direction of start and target when the type is blank', () => {
    fc.assert(
      fc.property(finite, finite, finite, (start, target, current) => {
        const direction = target >= start ? 'increase' : 'decrease';
        expect(keyResultProgress(null, start, target, current)).toBe(
          keyResultProgress(direction, start, target, current),
        );
      }),
    );
  });

  it('never falls as a percentage rises within one notation (fractions up to 1, percent points above)', () => {
    const fraction = fc.double({ min: -1, max: 1, noNaN: true });
    const points = fc.double({ min: 1.000001, max: 1000, noNaN: true });
    for (const notation of [fraction, points]) {
      fc.assert(
        fc.property(notation, notation, (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(keyResultProgress('percentage', null, null, high)).toBeGreaterThanOrEqual(
            keyResultProgress('percentage', null, null, low) as number,
          );
        }),
      );
    }
  });
});
