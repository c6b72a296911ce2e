import { describe, expect, it } from 'vitest';
import { KEY_RESULT_TYPES, parseKeyResultType } from '../../../src/core/keyResultType';
import { OkrInputError } from '../../../src/core/errors';

describe('parseKeyResultType', () => {
  it('reads every type by its own name', () => {
    for (const type of KEY_RESULT_TYPES) expect(parseKeyResultType(type)).toBe(type);
  });

  it('ignores case and surrounding spaces', () => {
    expect(parseKeyResultType('  Increase ')).toBe('increase');
    expect(parseKeyResultType('AT MOST')).toBe('at most');
  });

  it('accepts the spellings the specification lists for control KPIs', () => {
    for (const alias of ['at least', 'at-least', 'atleast', 'min', 'At_Least', 'MIN']) {
      expect(parseKeyResultType(alias)).toBe('at least');
    }
    for (const alias of ['at most', 'at-most', 'atmost', 'max', 'Max']) {
      expect(parseKeyResultType(alias)).toBe('at most');
    }
  });

  it('accepts kpi increase and kpi decrease', () => {
    expect(parseKeyResultType('KPI increase')).toBe('increase');
    expect(parseKeyResultType('kpi-decrease')).toBe('decrease');
  });

  it('accepts plural and short spellings', () => {
    expect(parseKeyResultType('milestones')).toBe('milestone');
    expect(parseKeyResultType('Tasks')).toBe('task');
    expect(parseKeyResultType('percent')).toBe('percentage');
  });

  it('reads a blank cell as no type', () => {
    expect(parseKeyResultType('')).toBeNull();
    expect(parseKeyResultType('   ')).toBeNull();
    expect(parseKeyResultType(null)).toBeNull();
    expect(parseKeyResultType(undefined)).toBeNull();
  });

  it('rejects an unknown type with a message that lists the valid types', () => {
    expect(() => parseKeyResultType('grow')).toThrow(OkrInputError);
    expect(() => parseKeyResultType('grow')).toThrow(
      /"grow" is not a key result type\. Use one of: increase, decrease, percentage, milestone, task, binary, at least, at most, baseline/,
    );
  });
});
