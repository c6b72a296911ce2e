import { describe, expect, it } from 'vitest';
import {
  checkTeam,
  teamCheckLines,
  type CompanyView,
  type TeamSnapshot,
} from '../../../src/core/teamCheck';

const cycle = { name: 'Q1 2026', start: '2026-01-01', end: '2026-03-31' };
const company: CompanyView = {
  cycle,
  isCompanyObjective: (id) => ['C1', 'C2'].includes(id.toUpperCase()),
};
const team = (overrides: Partial<TeamSnapshot> = {}): TeamSnapshot => ({
  missingSheets: [],
  cycle,
  objectives: [
    { id: 'O1', parentId: 'c1' },
    { id: 'O2', parentId: 'O1' },
    { id: 'O3', parentId: 'C7' },
    { id: 'O4', parentId: '' },
  ],
  keyResultCount: 9,
  unreadable: [],
  ...overrides,
});

describe('checkTeam', () => {
  it('counts objectives aligned to the company and flags Parent IDs that are neither company nor team objectives', () => {
    const check = checkTeam(company, team());
    expect(check).toMatchObject({
      reachable: true,
      objectiveCount: 4,
      keyResultCount: 9,
      alignedCount: 1,
    });
    expect(check.reachable && check.unknownParents).toEqual([
      { objectiveId: 'O3', parentId: 'C7' },
    ]);
  });

  it("compares the cycle name (any case) and its days with the company's", () => {
    expect(checkTeam(company, team({ cycle: { ...cycle, name: 'q1 2026' } }))).toMatchObject({
      cycleDifferences: [],
    });
    expect(
      checkTeam(
        company,
        team({ cycle: { name: 'Q2 2026', start: '2026-04-01', end: '2026-03-31' } }),
      ),
    ).toMatchObject({
      cycleDifferences: ['name', 'start'],
    });
  });

  it('tells in lines what a team lacks, and nothing it cannot know', () => {
    const lines = teamCheckLines(
      checkTeam(company, team({ missingSheets: ['Settings'], cycle: null })),
      cycle,
    );
    expect(lines[0]).toBe(
      'Reachable, but without the Settings sheet: the team should run Extensions → OKR Cadence → Set up OKR workbook.',
    );
    expect(lines.some((line) => line.includes('cycle'))).toBe(false);
    expect(lines).toContain('4 objectives, 9 key results; 1 aligned to company objectives.');
  });

  it('gives the reason alone for a team it could not reach', () => {
    expect(teamCheckLines({ reachable: false, reason: 'Cannot open it.' }, cycle)).toEqual([
      'Cannot open it.',
    ]);
  });
});
