import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectiveScore, overallScore } from '../../../src/core/score';

describe('objectiveScore', () => {
  it('is the mean of progress when weights are blank', () => {
    expect(
      objectiveScore([
        { progress: 0.5, weight: null },
        { progress: 1, weight: null },
        { progress: 0, weight: null },
      ]),
    ).toBe(0.5);
  });

  it('weights each key result by its Weight', () => {
    expect(
      objectiveScore([
        { progress: 1, weight: 3 },
        { progress: 0.2, weight: 1 },
      ]),
    ).toBeCloseTo(0.8, 12);
  });

  it('leaves out weight 0 and baseline key results', () => {
    expect(
      objectiveScore([
        { progress: 0.6, weight: 1 },
        { progress: 0, weight: 0 },
        { progress: null, weight: 2 },
      ]),
    ).toBe(0.6);
  });

  it('is blank when nothing is scoreable', () => {
    expect(objectiveScore([])).toBeNull();
    expect(objectiveScore([{ progress: null, weight: null }])).toBeNull();
    expect(objectiveScore([{ progress: 0.9, weight: 0 }])).toBeNull();
  });

  it('rejects a negative weight with how to fix it', () => {
    expect(() => objectiveScore([{ progress: 0.5, weight: -1 }])).toThrow(
      "Weight is -1, but it must be 0 or more. Type 0 to leave the key result out of its objective's score, or a positive number such as 1 or 2.",
    );
  });

  it('gives tiny weights their share instead of rounding their progress away', () => {
    expect(objectiveScore([{ progress: 0.5, weight: 5e-324 }])).toBe(0.5);
  });

  it('always lies between the lowest and the highest scored progress', () => {
    const keyResult = fc.record({
      progress: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      weight: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(keyResult), (keyResults) => {
        const score = objectiveScore(keyResults);
        const counted = keyResults.filter((kr) => kr.progress !== null && kr.weight !== 0);
        if (counted.length === 0) {
          expect(score).toBeNull();
          return;
        }
        const progress = counted.map((kr) => kr.progress as number);
        expect(score).toBeGreaterThanOrEqual(Math.min(...progress) - 1e-12);
        expect(score).toBeLessThanOrEqual(Math.max(...progress) + 1e-12);
      }),
    );
  });
});

describe('overallScore', () => {
  it('counts each objective once and leaves blank scores out', () => {
    expect(overallScore([0.2, null, 0.8, 0.5])).toBe(0.5);
  });

  it('is blank when no objective has a score', () => {
    expect(overallScore([])).toBeNull();
    expect(overallScore([null])).toBeNull();
  });
});
