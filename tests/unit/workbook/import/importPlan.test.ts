import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../../src/workbook/cells';
import { planImport, type ImportRecord } from '../../../../src/workbook/import/importPlan';
import {
  IMPORT_LAYOUTS,
  VIVA_GOALS_EXPORT,
  QUARTER_TABS,
  FPA_WORKBOOK,
} from '../../../fixtures/importLayouts';

const sortedBy = <T>(items: T[]): T[] =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(IMPORT_LAYOUTS)('planImport on $name', (layout) => {
  const plan = planImport(layout.sheets, { ownerEmails: layout.ownerEmails });
  const objectiveTitle = (id: unknown): string =>
    String(
      plan.objectives.find((objective) => objective.id === id)?.title ?? `missing ${String(id)}`,
    );
  const keyResultTitle = (id: unknown): string =>
    String(
      plan.keyResults.find((keyResult) => keyResult.id === id)?.title ?? `missing ${String(id)}`,
    );

  it('brings every objective across with its cycle', () => {
    expect(sortedBy(plan.objectives.map((o) => ({ title: o.title, cycle: o.cycle })))).toEqual(
      sortedBy(layout.expected.objectives),
    );
  });

  it('brings every key result across under its objective, with its owner as an email and its type', () => {
    const keyResults = plan.keyResults.map((kr) => ({
      title: kr.title,
      objective: objectiveTitle(kr.objectiveId),
      owner: kr.owner,
      type: kr.type,
    }));
    expect(sortedBy(keyResults)).toEqual(sortedBy(layout.expected.keyResults));
  });

  it('brings every past update across as a check-in on its day', () => {
    const checkIns = plan.checkIns.map((checkIn: ImportRecord) => ({
      keyResult: keyResultTitle(checkIn.keyResultId),
      value: checkIn.value,
      day: formatIsoDate(checkIn.timestamp as Date),
      confidence: checkIn.confidence,
    }));
    expect(sortedBy(checkIns)).toEqual(sortedBy(layout.expected.checkIns));
  });

  it('lists every owner that is not an email in the mapping table', () => {
    const unmapped = planImport(layout.sheets);
    expect(unmapped.owners.map((owner) => owner.owner).sort()).toEqual([...layout.owners].sort());
    expect(plan.owners.every((owner) => owner.email !== null)).toBe(true);
  });

  it('makes unique IDs and leaves nothing out', () => {
    const ids = [...plan.objectives, ...plan.keyResults].map((row) => String(row.id).toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(plan.problems).toEqual([]);
  });
});

describe('planImport details', () => {
  it('keeps the IDs a workbook already uses, and avoids those our tables have', () => {
    const plan = planImport(FPA_WORKBOOK.sheets, { existingKeyResultIds: ['kr-2'] });
    expect(plan.objectives.map((o) => o.id)).toEqual(['OBJ-1', 'OBJ-2']);
    expect(plan.keyResults.map((kr) => kr.id)).toEqual(['KR-1', 'KR1', 'KR-3']);
    const runway = plan.checkIns.find((checkIn) => checkIn.value === 17)!;
    expect(runway.keyResultId).toBe('KR1');
  });

  it('imports the latest quarter as the open cycle and keeps the others under their own name', () => {
    const plan = planImport(QUARTER_TABS.sheets);
    expect(plan.cycles).toEqual(['2026 Q1', '2025 Q4']);
    expect(plan.cycle).toBe('2026 Q1');
    expect(plan.archived).toEqual({ objectives: 2, keyResults: 3 });
  });

  it('imports the cycle the user chooses instead', () => {
    const plan = planImport(QUARTER_TABS.sheets, { cycle: '2025 Q4' });
    expect(plan.cycle).toBe('2025 Q4');
    expect(plan.archived).toEqual({ objectives: 2, keyResults: 5 });
  });

  it('reads grades, percentages, points out of 100 and ✅ as percentage key results', () => {
    const plan = planImport(QUARTER_TABS.sheets);
    const current = Object.fromEntries(plan.keyResults.map((kr) => [kr.title, kr.current]));
    expect(current['Deploy 20 times a week']).toBe(0.7);
    expect(current['Cut rollback rate below 2%']).toBeCloseTo(0.45);
    expect(current['Every service on the new pipeline']).toBeCloseTo(0.8);
    expect(current['Publish 12 tutorials']).toBe(1);
  });

  it('keeps start, target and current of measured key results, and the Viva Goals due dates', () => {
    const plan = planImport(VIVA_GOALS_EXPORT.sheets);
    const arr = plan.keyResults.find((kr) => kr.title === 'Reach $2M ARR')!;
    expect([arr.start, arr.target, arr.current, arr.unit]).toEqual([
      1_000_000,
      2_000_000,
      1_400_000,
      'USD',
    ]);
    expect(formatIsoDate(arr.dueDate as Date)).toBe('2026-03-31');
    expect(arr.id).toBe('102');
  });

  it("takes a key result's Current and Confidence from its latest update when its row has none", () => {
    const plan = planImport(FPA_WORKBOOK.sheets);
    const burn = plan.keyResults.find((kr) => kr.title === 'Cut monthly burn')!;
    expect(burn.current).toBe(760000);
    expect(formatIsoDate(burn.lastCheckIn as Date)).toBe('2026-02-28');
  });

  it('aligns a department objective to the company objective its Supports column names', () => {
    const plan = planImport(IMPORT_LAYOUTS[2]!.sheets);
    const company = plan.objectives.find(
      (o) => o.title === 'Become the default tool for small teams',
    )!;
    const funnel = plan.objectives.find((o) => o.title === 'Fill the funnel')!;
    expect(funnel.parentId).toBe(company.id);
    expect(funnel.team).toBe('Marketing');
  });

  it('names a key result cell that shows an error instead of skipping it silently', () => {
    const plan = planImport([
      {
        name: 'OKRs',
        values: [
          ['Objective', 'Key Result', 'Target'],
          ['Grow', '#ERROR!', 10],
        ],
      },
    ]);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        sheet: 'OKRs',
        row: 2,
        column: 'Key Result',
        message: expect.stringContaining('The cell shows #ERROR!'),
      }),
    ]);
  });

  it('says which row it leaves out and why, naming the sheet and row', () => {
    const plan = planImport([
      {
        name: 'KRs',
        values: [
          ['Key Result', 'Owner', 'Grade'],
          ['Orphan key result', 'Ana', 0.5],
        ],
      },
      {
        name: 'Log',
        values: [
          ['Date', 'Key Result', 'Value'],
          ['2026-01-05', 'Nobody has this', 3],
        ],
      },
    ]);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        sheet: 'KRs',
        row: 2,
        message: expect.stringContaining('has no objective'),
      }),
      expect.objectContaining({
        sheet: 'Log',
        row: 2,
        message: expect.stringContaining('No imported key result is called "Nobody has this"'),
      }),
    ]);
  });
});
