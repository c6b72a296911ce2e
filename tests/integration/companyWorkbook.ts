/**
 * A company spreadsheet with three team spreadsheets on the emulator's Drive, for the roll-up
 * tests: Sales and Support in the company's cycle, Ops in another, each shared with the company
 * lead; Sales and Support align objectives to the company's C1 and C2.
 */
import { createEmulator, type Emulator, type WorkbookModel } from '../../preview/emulator/index';
import { KEY_RESULTS_HEADER } from '../unit/functions/keyResultTable';
import { onSpreadsheetClock } from './spreadsheetClock';

export const LEAD = 'lead@example.com';
/** Sunday 15 February 2026, 10:00 on the spreadsheets' clock (they share the company's zone). */
export const NOW = onSpreadsheetClock('2026-02-15T10:00').toISOString();

/** A date cell: midnight starting the day in the spreadsheets' zone. */
const day = (iso: string): Date => onSpreadsheetClock(iso);

export const COMPANY_CYCLE = [
  ['Setting', 'Value'],
  ['Cycle Name', 'Q1 2026'],
  ['Cycle Start', day('2026-01-01')],
  ['Cycle End', day('2026-03-31')],
];

/** Writes rows from A1 of a new sheet straight into the model (a team's own typing). */
export function fillSheet(
  workbook: WorkbookModel,
  name: string,
  rows: readonly (readonly unknown[])[],
): void {
  const sheet = workbook.sheetByName(name) ?? workbook.addSheet(name);
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== '') sheet.cellForWrite(r + 1, c + 1).value = value as string;
    }),
  );
  workbook.touch();
}

export interface TeamFixture {
  name: string;
  owner: string;
  objectives: (readonly unknown[])[];
  keyResults: (readonly unknown[])[];
  cycle: (readonly unknown[])[];
}

export const TEAMS: TeamFixture[] = [
  {
    name: 'Sales',
    owner: 'sam@example.com',
    objectives: [
      ['ID', 'Objective', 'Parent'],
      ['O1', 'Win the mid-market', 'C1'],
      ['O2', 'Keep customers', 'C2'],
    ],
    keyResults: [
      ['KR1', 'O1', 'Close 40 deals', 'sam@example.com', 'increase', 0, 40, 20, '', '', 1],
      ['KR2', 'O1', 'Grow pipeline to 2M', 'sam@example.com', 'increase', 0, 2, 0.5, '', '', 3],
      ['KR3', 'O2', 'Cut churn from 5 to 3', 'sam@example.com', 'decrease', 5, 3, 4, '', '', 1],
    ],
    cycle: COMPANY_CYCLE,
  },
  {
    name: 'Support',
    owner: 'sue@example.com',
    objectives: [
      ['ID', 'Objective', 'Parent'],
      ['O1', 'Answer faster', 'C2'],
    ],
    keyResults: [
      [
        'KR1',
        'O1',
        'First reply under 2 hours',
        'sue@example.com',
        'decrease',
        10,
        2,
        6,
        '',
        '',
        2,
      ],
      ['KR2', 'O1', 'Close 500 tickets', 'sue@example.com', 'increase', 0, 500, 500, '', '', 1],
    ],
    cycle: COMPANY_CYCLE,
  },
  {
    name: 'Ops',
    owner: 'otto@example.com',
    objectives: [
      ['ID', 'Objective', 'Parent'],
      ['O1', 'Cheaper hosting', 'C9'],
    ],
    keyResults: [
      ['KR1', 'O1', 'Cut hosting cost', 'otto@example.com', 'decrease', 100, 60, 90, '', '', ''],
    ],
    cycle: [
      ['Setting', 'Value'],
      ['Cycle Name', 'FY2026 H1'],
      ['Cycle Start', day('2026-01-01')],
      ['Cycle End', day('2026-06-30')],
    ],
  },
];

/** The company spreadsheet (bound) with its objectives and cycle, and the teams on the Drive. */
export function companyWithTeams(): { emulator: Emulator; teams: Map<string, WorkbookModel> } {
  const emulator = createEmulator({ now: NOW, user: LEAD, spreadsheetName: 'Company OKRs' });
  const company = emulator.workbook;
  fillSheet(company, 'Objectives', [
    ['ID', 'Objective', 'Parent'],
    ['C1', 'Grow revenue 30%', ''],
    ['C2', 'Delight customers', ''],
  ]);
  fillSheet(company, 'Key Results', [
    KEY_RESULTS_HEADER,
    ['CKR1', 'C1', 'Reach 10M ARR', LEAD, 'increase', 5, 10, 6, '', '', ''],
    ['CKR2', 'C2', 'NPS from 30 to 50', LEAD, 'increase', 30, 50, 40, '', '', ''],
  ]);
  fillSheet(company, 'Settings', COMPANY_CYCLE);
  const teams = new Map<string, WorkbookModel>();
  for (const team of TEAMS) {
    const workbook = emulator.addSpreadsheet({
      name: `${team.name} OKRs`,
      owner: team.owner,
      timeZone: company.timeZone,
      sheetNames: [],
      sharedWith: { [LEAD]: 'reader' },
    });
    fillSheet(workbook, 'Objectives', team.objectives);
    fillSheet(workbook, 'Key Results', [KEY_RESULTS_HEADER, ...team.keyResults]);
    fillSheet(workbook, 'Settings', team.cycle);
    teams.set(team.name, workbook);
  }
  fillSheet(company, 'Teams', [
    ['Team', 'Spreadsheet', 'Owner', 'Notes'],
    ...TEAMS.map((team) => [team.name, teams.get(team.name)!.url, team.owner, '']),
  ]);
  return { emulator, teams };
}
