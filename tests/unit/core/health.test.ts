import { describe, expect, it } from 'vitest';
import {
  checkHealth,
  healthTable,
  HEALTH_HEADER,
  type HealthInput,
} from '../../../src/core/health';
import {
  parseCheckIns,
  parseInitiatives,
  parseKeyResults,
  parseKpis,
  parseObjectives,
} from '../../../src/workbook/tables';
import { parseSettings } from '../../../src/workbook/settings';
import { cleanWorkbook, seededWorkbook, SEEDED_FLAGS, type HealthWorkbook } from './healthFixtures';

function healthInput(book: HealthWorkbook): HealthInput {
  return {
    objectives: parseObjectives(book.objectives).rows,
    keyResults: parseKeyResults(book.keyResults).rows,
    checkIns: parseCheckIns(book.checkIns).rows,
    initiatives: parseInitiatives(book.initiatives).rows,
    kpis: parseKpis(book.kpis).rows,
    settings: parseSettings(book.settings, book.asOf).settings,
    asOf: book.asOf,
  };
}

describe('checkHealth', () => {
  it('finds no red flag in a clean workbook', () => {
    expect(checkHealth(healthInput(cleanWorkbook()))).toEqual([]);
  });

  it('finds every planted red flag with the objectives, key results or teams concerned', () => {
    const findings = checkHealth(healthInput(seededWorkbook()));
    for (const [flag, concerns] of Object.entries(SEEDED_FLAGS)) {
      const found = findings.filter((finding) => finding.flag === flag);
      expect(found, `flag ${flag}`).not.toHaveLength(0);
      const named = found.flatMap((finding) => finding.concerns);
      for (const concern of concerns) expect(named, `flag ${flag}`).toContain(concern);
    }
  });

  it('reports no flag that was not planted', () => {
    const flags = new Set(
      checkHealth(healthInput(seededWorkbook())).map((finding) => finding.flag),
    );
    expect([...flags].sort()).toEqual(Object.keys(SEEDED_FLAGS).sort());
  });

  it('points each finding at the sheet rows concerned', () => {
    const book = seededWorkbook();
    const findings = checkHealth(healthInput(book));
    const missing = findings.find((finding) => finding.flag === 'missing-fields')!;
    const row = book.keyResults.findIndex((cells) => cells[0] === 'C2.1') + 1;
    expect(missing.rows).toEqual([row]);
    expect(missing.detail).toBe('C2.1 has no Owner, Unit.');
    const stuck = findings.find((finding) => finding.flag === 'stuck')!;
    expect(stuck.sheet).toBe('Check-ins');
    expect(stuck.rows.map((sheetRow) => book.checkIns[sheetRow - 1]![1])).toEqual([
      'C2.3',
      'C2.3',
      'C2.3',
    ]);
  });

  it('flags a missed check-in only after a full period without one', () => {
    const input = healthInput(cleanWorkbook());
    const sevenDaysLater = new Date(2026, 10, 20); // last check-ins were on 13 November
    expect(checkHealth({ ...input, asOf: sevenDaysLater }).map((f) => f.flag)).not.toContain(
      'missed-check-in',
    );
    const eightDaysLater = new Date(2026, 10, 21);
    const missed = checkHealth({ ...input, asOf: eightDaysLater }).find(
      (f) => f.flag === 'missed-check-in',
    );
    expect(missed?.concerns).toHaveLength(18);
  });

  it('skips the initiative and KPI checks when the workbook has no such sheets', () => {
    const input = healthInput(seededWorkbook());
    const flags = checkHealth({ ...input, initiatives: null, kpis: null }).map((f) => f.flag);
    expect(flags).not.toContain('no-initiative');
    expect(flags).not.toContain('kpi-out-of-range');
  });

  it('does not judge end-of-cycle scores before the cycle ends', () => {
    const input = healthInput(seededWorkbook());
    const flags = checkHealth({ ...input, asOf: new Date(2026, 11, 30) }).map((f) => f.flag);
    expect(flags).not.toContain('committed-below-target');
    expect(flags).not.toContain('sandbagging');
  });

  it('does not count unaligned objectives as a problem while at most half are unaligned', () => {
    const input = healthInput(cleanWorkbook());
    expect(input.objectives.filter((o) => o.parentId === '')).toHaveLength(3);
    expect(checkHealth(input).map((f) => f.flag)).not.toContain('unaligned');
  });
});

describe('healthTable', () => {
  it('says so in one row when there are no red flags', () => {
    const table = healthTable([]);
    expect(table[0]).toEqual([...HEALTH_HEADER]);
    expect(table[1]![0]).toBe('No red flags found');
  });

  it('names a single row as text', () => {
    const [, row] = healthTable([
      {
        flag: 'stuck',
        title: 'Stuck key result',
        sheet: 'Check-ins',
        concerns: ['KR1'],
        rows: [4],
        detail: '',
        advice: '',
      },
    ]);
    expect(row![3]).toBe('row 4');
  });

  it('shortens long row lists for a cell', () => {
    const rows = Array.from({ length: 30 }, (_, index) => index + 2);
    const [, row] = healthTable([
      {
        flag: 'no-learnings',
        title: 'No learnings captured',
        sheet: 'Check-ins',
        concerns: [],
        rows,
        detail: '',
        advice: '',
      },
    ]);
    expect(row![3]).toBe('rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 … (30 in all)');
  });
});
