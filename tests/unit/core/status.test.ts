import { describe, expect, it } from 'vitest';
import { statusFor } from '../../../src/core/status';

describe('statusFor', () => {
  it('is Done once progress reaches 1, whatever the plan', () => {
    expect(statusFor(1, 0.2)).toBe('Done');
    expect(statusFor(1, 1)).toBe('Done');
  });

  it('is On track when progress is at most 10 points behind plan', () => {
    expect(statusFor(0.5, 0.5)).toBe('On track');
    expect(statusFor(0.8, 0.5)).toBe('On track');
    expect(statusFor(0.41, 0.5)).toBe('On track');
  });

  it('puts typed values sitting exactly on a band edge on the better side', () => {
    expect(0.45 - 0.55).toBeLessThan(-0.1);
    expect(statusFor(0.45, 0.55)).toBe('On track');
    expect(statusFor(0.3, 0.55)).toBe('At risk');
    expect(statusFor(0.7, 0.8)).toBe('On track');
  });

  it('is At risk from 10 to 25 points behind and Off track beyond', () => {
    expect(statusFor(0.39, 0.5)).toBe('At risk');
    expect(statusFor(0.25, 0.5)).toBe('At risk');
    expect(statusFor(0.24, 0.5)).toBe('Off track');
    expect(statusFor(0, 0.9)).toBe('Off track');
  });

  it('uses the gaps it is given', () => {
    expect(statusFor(0.45, 0.5, 0.02, 0.04)).toBe('Off track');
    expect(statusFor(0.47, 0.5, 0.02, 0.04)).toBe('At risk');
    expect(statusFor(0.3, 0.5, 0.2, 0.3)).toBe('On track');
  });

  it('is blank when progress is blank', () => {
    expect(statusFor(null, 0.5)).toBe('');
  });

  it('rejects gaps that are not fractions or that overlap', () => {
    expect(() => statusFor(0.5, 0.5, 10, 25)).toThrow(
      'At-risk gap is 10, but it must be a fraction between 0 and 1. Type a percentage such as 10% (or 0.1).',
    );
    expect(() => statusFor(0.5, 0.5, 0.3, 0.1)).toThrow(
      'Off-track gap (0.1) is smaller than the at-risk gap (0.3). Make the off-track gap the larger one, such as 10% at risk and 25% off track.',
    );
  });
});
