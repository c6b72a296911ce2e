/**
 * `npm start -- --example company`: a company spreadsheet and three team spreadsheets on the
 * emulator's Drive. Each team's workbook is set up by the add-on and holds its own OKRs, aligned
 * to the company's objectives through Parent; the company lists the teams on its Teams sheet and
 * shows the Roll-up sheet, with every team's import already allowed (docs/rollup.md).
 */
import type { Emulator, WorkbookModel } from '../emulator/index.js';

export const COMPANY_LEAD = 'ceo@example.com';

type Row = Record<string, string | number>;

interface ExampleTeam {
  name: string;
  owner: string;
  objectives: Row[];
  keyResults: Row[];
}

const kr = (
  id: string,
  objectiveId: string,
  title: string,
  owner: string,
  type: string,
  start: number | '',
  target: number,
  current: number,
  weight: number | '' = '',
): Row => ({
  ID: id,
  'Objective ID': objectiveId,
  'Key Result': title,
  Owner: owner,
  Type: type,
  Start: start,
  Target: target,
  Current: current,
  Weight: weight,
});

const COMPANY_OBJECTIVES: Row[] = [
  { ID: 'C1', Objective: 'Grow revenue 30%', Owner: COMPANY_LEAD },
  { ID: 'C2', Objective: 'Delight our customers', Owner: COMPANY_LEAD },
  { ID: 'C3', Objective: 'Scale the platform', Owner: COMPANY_LEAD },
];

const COMPANY_KEY_RESULTS: Row[] = [
  kr('CKR1', 'C1', 'Reach 10M ARR from 6M', COMPANY_LEAD, 'increase', 6, 10, 7.2),
  kr('CKR2', 'C2', 'Raise NPS from 30 to 50', COMPANY_LEAD, 'increase', 30, 50, 38),
  kr('CKR3', 'C3', 'Cut sev-1 incidents from 8 to 2', COMPANY_LEAD, 'decrease', 8, 2, 5),
];

export const EXAMPLE_TEAMS: ExampleTeam[] = [
  {
    name: 'Sales',
    owner: 'sam@example.com',
    objectives: [
      { ID: 'O1', Objective: 'Win the mid-market', Parent: 'C1', Owner: 'sam@example.com' },
      { ID: 'O2', Objective: 'Keep our customers', Parent: 'C2', Owner: 'sam@example.com' },
    ],
    keyResults: [
      kr('KR1', 'O1', 'Close 40 new mid-market deals', 'sam@example.com', 'increase', 0, 40, 18, 2),
      kr('KR2', 'O1', 'Grow the pipeline to 2.0M', 'sam@example.com', 'increase', 0, 2, 0.9),
      kr('KR3', 'O2', 'Cut monthly churn from 5% to 3%', 'sam@example.com', 'decrease', 5, 3, 4.2),
    ],
  },
  {
    name: 'Support',
    owner: 'sue@example.com',
    objectives: [{ ID: 'O1', Objective: 'Answer faster', Parent: 'C2', Owner: 'sue@example.com' }],
    keyResults: [
      kr('KR1', 'O1', 'First reply from 10 h to 2 h', 'sue@example.com', 'decrease', 10, 2, 6),
      kr('KR2', 'O1', 'Keep satisfaction at least 95%', 'sue@example.com', 'at least', '', 95, 91),
    ],
  },
  {
    name: 'Platform',
    owner: 'pat@example.com',
    objectives: [
      { ID: 'O1', Objective: 'Ship reliably', Parent: 'C3', Owner: 'pat@example.com' },
      { ID: 'O2', Objective: 'Cut hosting costs', Parent: 'C1', Owner: 'pat@example.com' },
    ],
    keyResults: [
      kr('KR1', 'O1', 'Deploys per week from 5 to 20', 'pat@example.com', 'increase', 5, 20, 11),
      kr('KR2', 'O1', 'Uptime at least 99.9%', 'pat@example.com', 'at least', '', 99.9, 99.95),
      kr('KR3', 'O2', 'Hosting cost from 100k to 70k', 'pat@example.com', 'decrease', 100, 70, 88),
    ],
  },
];

/** Writes records below a sheet's header row, each value under the header of its key. */
function appendByHeader(emulator: Emulator, sheetName: string, records: readonly Row[]): void {
  const sheet = emulator.spreadsheet.getSheetByName(sheetName)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const rows = records.map((record) => header.map((name) => (name in record ? record[name]! : '')));
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

/** Sets up the open spreadsheet with the add-on, as `user`, and fills its OKRs. */
function fillWorkbook(
  emulator: Emulator,
  user: string,
  objectives: Row[],
  keyResults: Row[],
): void {
  emulator.setActiveUser(user);
  emulator.call('setUpWorkbook');
  emulator.uncounted(() => {
    appendByHeader(emulator, 'Objectives', objectives);
    appendByHeader(emulator, 'Key Results', keyResults);
  });
}

/** Builds the example on the emulator's Drive and leaves the company spreadsheet open. */
export function loadCompanyExample(emulator: Emulator): WorkbookModel {
  const company = emulator.workbook;
  company.name = 'Company OKRs';
  emulator.drive.share(company.id, COMPANY_LEAD, 'owner');
  const teams = EXAMPLE_TEAMS.map((team) => {
    const workbook = emulator.addSpreadsheet({
      name: `${team.name} OKRs`,
      owner: team.owner,
      timeZone: company.timeZone,
      sharedWith: { [COMPANY_LEAD]: 'reader' },
    });
    emulator.openDocument(workbook.id);
    fillWorkbook(emulator, team.owner, team.objectives, team.keyResults);
    return { team, workbook };
  });
  emulator.openDocument(company.id);
  fillWorkbook(emulator, COMPANY_LEAD, COMPANY_OBJECTIVES, COMPANY_KEY_RESULTS);
  emulator.call('setUpTeamsSheet');
  emulator.uncounted(() =>
    appendByHeader(
      emulator,
      'Teams',
      teams.map(({ team, workbook }) => ({
        Team: team.name,
        Spreadsheet: workbook.url,
        Owner: team.owner,
      })),
    ),
  );
  // "Allow access" once per team, as the company lead would click it on first use.
  for (const { workbook } of teams)
    emulator.drive.allowImport(company.id, workbook.id, COMPANY_LEAD);
  emulator.call('buildRollUp');
  return company;
}
