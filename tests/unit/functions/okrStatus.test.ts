import { describe, expect, it } from 'vitest';
import { okrStatus } from '../../../src/functions/okrStatus';

describe('OKRSTATUS', () => {
  it('puts progress against plan in words with the default gaps', () => {
    expect(okrStatus(1, 0.5)).toBe('Done');
    expect(okrStatus(0.45, 0.55)).toBe('On track');
    expect(okrStatus(0.35, 0.55)).toBe('At risk');
    expect(okrStatus(0.25, 0.55)).toBe('Off track');
  });

  it('reads progress and plan as fractions, so a 120% cell (1.2) is Done', () => {
    expect(okrStatus(1.2, 0.5)).toBe('Done');
    expect(okrStatus('45%', '55%')).toBe('On track');
  });

  it('gives "" for blank progress', () => {
    expect(okrStatus('', 0.5)).toBe('');
  });

  it('takes the gaps as percent cells, plain numbers or blank for the defaults', () => {
    expect(okrStatus(0.45, 0.5, 0.02, 0.04)).toBe('Off track');
    expect(okrStatus(0.45, 0.5, 2, 10)).toBe('At risk');
    expect(okrStatus(0.45, 0.5, '2%', '10%')).toBe('At risk');
    expect(okrStatus(0.35, 0.55, '', '')).toBe('At risk');
  });

  it('throws for gaps that overlap', () => {
    expect(() => okrStatus(0.5, 0.5, 0.3, 0.1)).toThrow(
      /^Off-track gap \(0\.1\) is smaller than the at-risk gap \(0\.3\)/,
    );
  });

  it('returns one status per row and explains rows it cannot judge', () => {
    const progress = [[0.5], [''], [0.2], ['ERROR: Target is blank'], [0.3]];
    const expected = [[0.5], [0.5], [0.9], [0.5], ['']];
    expect(okrStatus(progress, expected)).toEqual([
      ['On track'],
      [''],
      ['Off track'],
      ['ERROR: the progress cell of this row shows an error. Fix that cell first.'],
      [
        'ERROR: expected is blank. Pass the planned progress, such as OKREXPECTED(start_date, due_date, OKR_REPORT_DATE).',
      ],
    ]);
  });
});
