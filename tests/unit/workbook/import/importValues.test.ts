import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../../src/workbook/cells';
import { overrideMapping, proposeMapping } from '../../../../src/workbook/import/importFields';
import {
  ownerTokens,
  periodCovers,
  readConfidence,
  readPeriod,
  readScore,
  updateDay,
} from '../../../../src/workbook/import/importValues';

describe('proposeMapping', () => {
  it('knows the synonyms teams use for our columns', () => {
    const header = [
      'KR_ID',
      'Obj_ID',
      'Title',
      'Assignee',
      'Start Value',
      'Target Value',
      'Current Value',
      'Actual Progress',
      'End Date',
      'Time Period',
    ];
    expect(proposeMapping(header)).toEqual({
      id: 0,
      objectiveId: 1,
      title: 2,
      owner: 3,
      start: 4,
      target: 5,
      current: 6,
      progress: 7,
      dueDate: 8,
      period: 9,
    });
  });

  it('reads a Type column as the row level when it holds Objective / Key Result, else as the KR type', () => {
    const header = ['Title', 'Type'];
    expect(proposeMapping(header, () => ['Objective', 'Key Result', ''])).toEqual({
      title: 0,
      level: 1,
    });
    expect(proposeMapping(header, () => ['increase', 'decrease'])).toEqual({
      title: 0,
      keyResultType: 1,
    });
  });

  it('lets the user move a field to another column or leave it out', () => {
    const proposed = proposeMapping(['Objective', 'Key Result', 'Lead', 'Value']);
    expect(overrideMapping(proposed, { owner: 3, current: null })).toEqual({
      objective: 0,
      keyResult: 1,
      owner: 3,
    });
  });
});

describe('readScore', () => {
  it('reads grades, points out of 100, typed percentages and fractions', () => {
    expect(readScore(0.7)).toBe(0.7);
    expect(readScore(45)).toBe(0.45);
    expect(readScore('45%')).toBeCloseTo(0.45);
    expect(readScore('3/4')).toBe(0.75);
  });

  it('reads done words and emoji as 1, not-started ones as 0, and the rest as no amount', () => {
    expect(['Done', '✅', '✔️', 'Achieved'].map(readScore)).toEqual([1, 1, 1, 1]);
    expect(['Not started', '❌'].map(readScore)).toEqual([0, 0]);
    expect(['On track', '🟢', '', null].map(readScore)).toEqual([null, null, null, null]);
  });

  it('is always a fraction from 0 to 1, or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer()), (cell) => {
        const score = readScore(cell);
        return score === null || (score >= 0 && score <= 1 && !Number.isNaN(score));
      }),
    );
  });
});

describe('readConfidence', () => {
  it('reads words and traffic lights on the 0–10 scale', () => {
    expect(
      ['High', 'medium', 'LOW', '🟢', '🟡', '🔴', '🟢 On track', 'At risk'].map(readConfidence),
    ).toEqual([8, 5, 2, 8, 5, 2, 8, 5]);
  });

  it('keeps 0–10 numbers and scales 0–1 fractions and 0–100 percentages', () => {
    expect([7, 0.7, 70, 'sure?'].map(readConfidence)).toEqual([7, 7, 7, null]);
  });
});

describe('ownerTokens', () => {
  it('splits several owners in one cell and keeps emails, handles, names and roles', () => {
    expect(ownerTokens('Ana & Bo')).toEqual(['Ana', 'Bo']);
    expect(ownerTokens('@ana, @bo; Head of Sales')).toEqual(['@ana', '@bo', 'Head of Sales']);
    expect(ownerTokens('Ana Lima <ana@example.com> and Bo')).toEqual(['ana@example.com', 'Bo']);
    expect(ownerTokens('')).toEqual([]);
  });
});

describe('periods', () => {
  it('reads quarters, halves and years in the spellings teams use', () => {
    const labels = [
      'Q1 2026',
      '2026-Q2',
      'q3 26',
      'Q4 FY2025',
      'H2 2026',
      'FY2026',
      '2026 OKRs',
    ].map((text) => readPeriod(text)?.label);
    expect(labels).toEqual(['2026 Q1', '2026 Q2', '2026 Q3', '2025 Q4', '2026 H2', '2026', '2026']);
    expect(readPeriod('Sprint 7')).toBeNull();
    expect(readPeriod('Q2')).toBeNull();
    expect(readPeriod('Q2', 2026)?.label).toBe('2026 Q2');
  });

  it('knows that a year covers its quarters and not the other way round', () => {
    expect(periodCovers(readPeriod('2026')!, readPeriod('Q1 2026')!)).toBe(true);
    expect(periodCovers(readPeriod('Q1 2026')!, readPeriod('2026')!)).toBe(false);
    expect(periodCovers(readPeriod('2025')!, readPeriod('Q1 2026')!)).toBe(false);
  });

  it('turns an update period into the calendar day it stands for', () => {
    const cycle = readPeriod('Q1 2026');
    const day = (cell: unknown) => formatIsoDate(updateDay(cell, cycle)!);
    expect(day('2026-02-14')).toBe('2026-02-14');
    expect(day('2026-02')).toBe('2026-02-28');
    expect(day('Week 3')).toBe('2026-01-19');
    expect(day('2026-W02')).toBe('2026-01-09');
    expect(day('Q1 2026')).toBe('2026-03-31');
    expect(updateDay('someday', cycle)).toBeNull();
  });
});
