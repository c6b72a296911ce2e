import { describe, expect, it } from 'vitest';
import { confidenceBand, confidenceProblem } from '../../../src/core/confidence';

describe('confidenceBand', () => {
  it('is low below 4, medium from 4 and high from 7', () => {
    expect(confidenceBand(0)).toBe('low');
    expect(confidenceBand(3.9)).toBe('low');
    expect(confidenceBand(4)).toBe('medium');
    expect(confidenceBand(6.5)).toBe('medium');
    expect(confidenceBand(7)).toBe('high');
    expect(confidenceBand(10)).toBe('high');
  });

  it('is blank for a blank confidence', () => {
    expect(confidenceBand(null)).toBeNull();
  });

  it('rejects values outside 0 to 10', () => {
    expect(() => confidenceBand(11)).toThrow('Confidence is 11, but it must be between 0 and 10.');
    expect(() => confidenceBand(-1)).toThrow('Confidence is -1');
  });
});

describe('confidenceProblem', () => {
  it('is null for a valid confidence and says how to fix an invalid one', () => {
    expect(confidenceProblem(5)).toBeNull();
    expect(confidenceProblem(70)).toBe(
      'Confidence is 70, but it must be between 0 and 10. Type a number such as 7 (10 = sure to reach the target).',
    );
    expect(confidenceProblem(NaN)).toMatch(/^Confidence is NaN/);
  });
});
