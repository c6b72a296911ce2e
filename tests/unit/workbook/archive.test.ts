import { describe, expect, it } from 'vitest';
import {
  archiveRows,
  ARCHIVE_HEADER,
  carriedId,
  closedCyclesValue,
  archivedObjectiveIds,
  keyResultsByObjective,
  closedCycleNames,
  objectivesInCycle,
  readCloseCyclePayload,
} from '../../../src/workbook/archive';
import { parseKeyResults, parseObjectives } from '../../../src/workbook/tables';
import { cleanWorkbook } from '../core/healthFixtures';

describe('carriedId', () => {
  it('adds a number the first time and counts it up after', () => {
    const taken = new Set(['kr1.1', 'kr1.1-2']);
    expect(carriedId('KR1.1', taken)).toBe('KR1.1-3');
    expect(carriedId('KR1.1-3', taken)).toBe('KR1.1-4');
    expect(taken.has('kr1.1-4')).toBe(true);
  });
});

describe('objectivesInCycle', () => {
  const objective = (id: string, cycle: string) => ({
    ...parseObjectives(cleanWorkbook().objectives).rows[0]!,
    id,
    cycle,
  });

  it('leaves out only the objectives of closed cycles', () => {
    const objectives = [
      objective('A', '2026 Q3'),
      objective('B', ' 2026  q4 '),
      objective('C', ''),
      objective('D', 'Pilot'),
    ];
    const history = { closedCycles: ['2026 Q3'], archivedObjectiveIds: [] };
    expect(objectivesInCycle(objectives, history).map((o) => o.id)).toEqual(['B', 'C', 'D']);
  });

  it('leaves out archived objectives whatever their Cycle cell says', () => {
    const objectives = [objective('A', ''), objective('B', 'Pilot'), objective('C', '')];
    const history = { closedCycles: [], archivedObjectiveIds: ['b', ' A'] };
    expect(objectivesInCycle(objectives, history).map((o) => o.id)).toEqual(['C']);
  });

  it('reads archived objective IDs from the Archive sheet', () => {
    const values = [
      ['Cycle', 'Closed On', 'Level', 'ID'],
      ['2026 Q4', '', 'Objective', 'C1'],
      ['2026 Q4', '', 'Key Result', 'C1.1'],
    ];
    expect(archivedObjectiveIds(values)).toEqual(['C1']);
    expect(archivedObjectiveIds([])).toEqual([]);
  });

  it('reads the closed cycles from the Settings sheet', () => {
    const values = [
      ['Setting', 'Value'],
      ['Cycle Name', '2027 Q1'],
      ['closed cycles', '2026 Q3, 2026 Q4'],
    ];
    expect(closedCycleNames(values)).toEqual(['2026 Q3', '2026 Q4']);
    expect(closedCycleNames([['Setting', 'Value']])).toEqual([]);
  });
});

describe('archiveRows', () => {
  it('records each objective with its lessons, then its key results, with final scores', () => {
    const book = cleanWorkbook();
    const objectives = parseObjectives(book.objectives).rows.slice(0, 1);
    const keyResults = parseKeyResults(book.keyResults).rows;
    const rows = archiveRows({
      cycleName: '2026 Q4',
      cycleStart: new Date(Date.UTC(2026, 9, 1)),
      cycleEnd: new Date(Date.UTC(2026, 11, 31)),
      closedOn: new Date(Date.UTC(2027, 0, 4)),
      objectives,
      keyResultsByObjective: keyResultsByObjective(keyResults),
      carriedObjectives: new Map([['c1', 'C1-2']]),
      carriedKeyResults: new Map([['c1.2', 'C1.2-2']]),
      scores: new Map([
        ['c1', 0.5],
        ['c1.1', 0.5],
      ]),
      lessons: new Map([['c1', '=Ship smaller batches']]),
    });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveLength(ARCHIVE_HEADER.length);
    expect(rows[0]!.slice(2)).toEqual([
      'Objective',
      "'C1",
      "'C1",
      "'Objective C1",
      'lead@example.com',
      'Company',
      'committed',
      0.5,
      "'=Ship smaller batches",
      '2026-10-01',
      '2026-12-31',
      "'C1-2",
    ]);
    expect(rows.slice(1).map((row) => row[3])).toEqual(["'C1.1", "'C1.2", "'C1.3"]);
    expect(rows.slice(1).map((row) => row[13])).toEqual(['', "'C1.2-2", '']);
    expect(rows[2]![9]).toBe('');
  });
});

describe('closedCyclesValue', () => {
  it('adds the closed cycle once', () => {
    expect(closedCyclesValue('', '2026 Q3')).toBe('2026 Q3');
    expect(closedCyclesValue('2026 Q3', '2026 Q4')).toBe('2026 Q3, 2026 Q4');
    expect(closedCyclesValue('2026 Q3, 2026 Q4', '2026 q4')).toBe('2026 Q3, 2026 Q4');
  });
});

describe('readCloseCyclePayload', () => {
  const book = cleanWorkbook();
  const cycle = {
    cycleName: '2026 Q4',
    objectives: parseObjectives(book.objectives).rows,
    keyResults: parseKeyResults(book.keyResults).rows,
  };
  const valid = {
    cycleName: '2026 Q4',
    lessons: [{ objectiveId: 'c1', lessons: '  Ship smaller batches. ' }],
    carryForward: ['A1.2', 'c1.1'],
  };

  it('reads lessons by objective and the chosen key results in sheet order', () => {
    const request = readCloseCyclePayload(valid, cycle);
    expect(request.lessons.get('c1')).toBe('Ship smaller batches.');
    expect(request.carryForward.map((keyResult) => keyResult.id)).toEqual(['C1.1', 'A1.2']);
  });

  it.each([
    ['no payload', null, /empty or malformed/],
    ['a list', [], /empty or malformed/],
    ['another cycle', { ...valid, cycleName: '2027 Q1' }, /open cycle is now "2026 Q4"/],
    ['no lessons list', { ...valid, lessons: 'none' }, /lessons learned are missing/],
    ['no carry list', { ...valid, carryForward: null }, /carry forward are missing/],
    [
      'an unknown objective',
      { ...valid, lessons: [{ objectiveId: 'Z9', lessons: 'x' }] },
      /"Z9", which is not an objective/,
    ],
    [
      'lessons that are not text',
      { ...valid, lessons: [{ objectiveId: 'C1', lessons: 3 }] },
      /not text/,
    ],
    [
      'overlong lessons',
      { ...valid, lessons: [{ objectiveId: 'C1', lessons: 'x'.repeat(50_001) }] },
      /longer than/,
    ],
    [
      'an unknown key result',
      { ...valid, carryForward: ['KR404'] },
      /kr404 is not part of 2026 Q4/,
    ],
    ['a key result that is not an ID', { ...valid, carryForward: [7] }, /not an ID/],
  ])('refuses %s', (_name, payload, message) => {
    expect(() => readCloseCyclePayload(payload, cycle)).toThrow(message);
  });
});
