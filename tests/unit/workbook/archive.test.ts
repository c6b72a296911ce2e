import { describe, expect, it } from 'vitest';
import {
  archiveRows,
  ARCHIVE_HEADER,
  carriedId,
  carriedRows,
  closedCyclesValue,
  archivedObjectiveIds,
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

describe('carriedRows', () => {
  const book = cleanWorkbook();
  const objectives = parseObjectives(book.objectives).rows;
  const keyResults = parseKeyResults(book.keyResults).rows;
  const next = {
    cycleName: '2027 Q1',
    cycleStart: new Date(2027, 0, 1),
    cycleEnd: new Date(2027, 2, 31),
  };
  const chosen = keyResults.filter((keyResult) => ['A1.1', 'A1.2', 'C1.3'].includes(keyResult.id));
  const carried = carriedRows({
    existingObjectiveIds: objectives.map((objective) => objective.id),
    existingKeyResultIds: keyResults.map((keyResult) => keyResult.id),
    objectives,
    keyResults: chosen,
    next,
    fromCycle: '2026 Q4',
  });

  it('opens one new objective in the next cycle per objective with a carried key result', () => {
    expect(carried.objectives.map((objective) => objective['id'])).toEqual(['C1-2', 'A1-2']);
    expect(carried.objectives.every((objective) => objective['cycle'] === '2027 Q1')).toBe(true);
    // A1 was aligned to C1, which is carried too, so the new A1 aligns to the new C1.
    expect(carried.objectives[1]!['parentId']).toBe('C1-2');
  });

  it('starts each carried key result where it ended, with new IDs and the next cycle dates', () => {
    expect(carried.keyResults.map((keyResult) => keyResult['id'])).toEqual([
      'C1.3-2',
      'A1.1-2',
      'A1.2-2',
    ]);
    for (const keyResult of carried.keyResults) {
      expect(keyResult['start']).toBe(50);
      expect(keyResult['target']).toBe(100);
      expect(keyResult['current']).toBe('');
      expect(keyResult['startDate']).toBe(next.cycleStart);
      expect(keyResult['dueDate']).toBe(next.cycleEnd);
    }
    expect(carried.keyResults[1]!['objectiveId']).toBe('A1-2');
    expect(carried.keyResultIds.get('A1.1')).toBe('A1.1-2');
  });
});

describe('archiveRows', () => {
  it('records each objective with its lessons, then its key results, with final scores', () => {
    const book = cleanWorkbook();
    const objectives = parseObjectives(book.objectives).rows.slice(0, 1);
    const keyResults = parseKeyResults(book.keyResults).rows;
    const rows = archiveRows({
      cycleName: '2026 Q4',
      closedOn: new Date(2027, 0, 4),
      objectives,
      keyResults,
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
      'C1',
      'C1',
      'Objective C1',
      'lead@example.com',
      'Company',
      'committed',
      0.5,
      "'=Ship smaller batches",
    ]);
    expect(rows.slice(1).map((row) => row[3])).toEqual(['C1.1', 'C1.2', 'C1.3']);
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
