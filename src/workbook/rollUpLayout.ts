/**
 * The Roll-up sheet of a company spreadsheet as cells and formulas (docs/rollup.md): per team a
 * live OKRSUMMARY over IMPORTRANGE of its Key Results (score, planned, gap, status, forecast); per company objective its own score beside
 * the aligned score of the team objectives pointing to it; and one OKRALIGNMENT listing every team
 * objective. Nothing is copied: every number is a formula over the teams' spreadsheets.
 */
import { SETTING_RANGES, tableColumns, type TablePlacement } from './formulaColumns';
import { SCORE_COLUMNS } from './functionColumns';
import { KEY_RESULTS, REPORT_DATE_RANGE } from './schema';
import { toSheetCell, type SheetCell } from './sheetRows';
import type { TeamEntry } from './teams';

export const ROLLUP_SHEET = 'Roll-up';
/** A1 of the Roll-up sheet; a sheet called Roll-up without it belongs to the user. */
export const ROLLUP_TITLE = 'OKR Company Roll-up';

export const TEAM_HEADER = [
  'Team',
  'Spreadsheet',
  'Score',
  'Planned',
  'Gap',
  'Status',
  'Forecast',
  'Import',
];
export const COMPANY_HEADER = [
  'Company objective',
  'Title',
  'Own score',
  'Aligned score',
  'Aligned team objectives',
];

/** The ranges each team ships through IMPORTRANGE; A:Z holds every column setup creates. */
export const IMPORTED_KEY_RESULTS = `${KEY_RESULTS.sheetName}!A:Z`;
export const IMPORTED_OBJECTIVES = 'Objectives!A:Z';
/** What a team that cannot be imported contributes to the stacks: an empty table, so the n-th table stays the n-th team. */
const EMPTY_OBJECTIVES = '{"ID", "Objective"}';
const EMPTY_KEY_RESULTS = '{"ID", "Objective ID", "Key Result"}';

export interface RollUpInput {
  teams: readonly TeamEntry[];
  companyObjectives: readonly { id: string; title: string }[];
  cycleName: string;
  /** Where the company's own Key Results columns sit: its objectives' scores read them. */
  keyResults: TablePlacement;
}

export interface RollUpLayout {
  cells: SheetCell[][];
  notes: { row: number; column: number; note: string }[];
  /** Rows whose cells are column headers (bold). */
  headerRows: number[];
  /** A1 ranges of scores, planned and gaps (two decimals). */
  scoreRanges: string[];
  /** The first row of each team (row of its OKRSUMMARY). */
  teamRows: Map<string, number>;
  companyRows: Map<string, number>;
  /** The cell of the OKRALIGNMENT formula (its header row), or null without teams. */
  alignmentRow: number | null;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The note on a team's name: the first IMPORTRANGE needs one click, by someone with access. */
export function allowAccessNote(row: number): string {
  return (
    `The first time, this team's numbers show #REF! "You need to connect these sheets". ` +
    `Select C${row} and click Allow access (you need edit access here and view access to the ` +
    `team's spreadsheet). Once allowed, the roll-up follows the team's check-ins by itself.`
  );
}

export function rollUpLayout(input: RollUpInput): RollUpLayout {
  const rows: SheetCell[][] = [];
  const notes: RollUpLayout['notes'] = [];
  const headerRows: number[] = [];
  const scoreRanges: string[] = [];
  const teamRows = new Map<string, number>();
  const companyRows = new Map<string, number>();
  const put = (cells: SheetCell[]): number => rows.push(cells);

  put([ROLLUP_TITLE]);
  put(['Cycle', toSheetCell(input.cycleName), 'As of', `=${REPORT_DATE_RANGE}`]);
  put([]);
  headerRows.push(put(TEAM_HEADER));
  const firstTeamRow = rows.length + 1;
  for (const team of input.teams) {
    const row = rows.length + 1;
    teamRows.set(team.team, row);
    if (team.spreadsheetId === null) {
      put([
        toSheetCell(team.team),
        toSheetCell(team.spreadsheet),
        '',
        '',
        '',
        '',
        '',
        toSheetCell(team.problem),
      ]);
      continue;
    }
    put([
      toSheetCell(team.team),
      toSheetCell(team.spreadsheet),
      `=OKRSUMMARY(IMPORTRANGE($B${row}, ${quote(IMPORTED_KEY_RESULTS)}), ${REPORT_DATE_RANGE}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})`,
      '',
      '',
      '',
      '',
      `=IF(ISERROR(C${row}), ${quote(`Not connected yet: select C${row} and click Allow access (first time only).`)}, "Connected")`,
    ]);
    notes.push({ row, column: 1, note: allowAccessNote(row) });
  }
  const lastTeamRow = rows.length;
  if (input.teams.length === 0)
    put([
      'No teams yet: list each team and its spreadsheet URL on the Teams sheet, then build the roll-up again.',
    ]);
  else scoreRanges.push(`C${firstTeamRow}:E${lastTeamRow}`, `G${firstTeamRow}:G${lastTeamRow}`);

  put([]);
  headerRows.push(put(COMPANY_HEADER));
  // The alignment table comes last: its height follows the teams' objectives.
  const companyCount = Math.max(input.companyObjectives.length, 1);
  const alignmentRow = input.teams.length > 0 ? rows.length + companyCount + 2 : null;
  const alignedFrom = alignmentRow === null ? null : alignmentRow + 1;
  const firstCompanyRow = rows.length + 1;
  const ownKeyResults = tableColumns(input.keyResults, SCORE_COLUMNS);
  for (const objective of input.companyObjectives) {
    const row = rows.length + 1;
    companyRows.set(objective.id, row);
    const aligned =
      alignedFrom === null
        ? ['', 0]
        : [
            `=IFERROR(SUMIF($E$${alignedFrom}:$E, A${row}, $G$${alignedFrom}:$G) / SUMIF($E$${alignedFrom}:$E, A${row}, $F$${alignedFrom}:$F), "")`,
            `=COUNTIF($E$${alignedFrom}:$E, A${row})`,
          ];
    put([
      toSheetCell(objective.id),
      toSheetCell(objective.title),
      `=OKRSCORE(${ownKeyResults}, A${row})`,
      ...(aligned as SheetCell[]),
    ]);
  }
  if (input.companyObjectives.length === 0)
    put(["No company objectives yet: add them to this spreadsheet's Objectives sheet."]);
  else scoreRanges.push(`C${firstCompanyRow}:D${rows.length}`);

  if (alignmentRow !== null) {
    put([]);
    const stack = (range: string, empty: string): string =>
      `VSTACK(${input.teams
        .map((team, index) =>
          team.spreadsheetId === null
            ? empty
            : `IFERROR(IMPORTRANGE($B$${firstTeamRow + index}, ${quote(range)}), ${empty})`,
        )
        .join(', ')})`;
    headerRows.push(
      put([
        `=OKRALIGNMENT($A$${firstTeamRow}:$A$${lastTeamRow}, ${stack(IMPORTED_OBJECTIVES, EMPTY_OBJECTIVES)}, ${stack(IMPORTED_KEY_RESULTS, EMPTY_KEY_RESULTS)})`,
      ]),
    );
    scoreRanges.push(`D${alignmentRow + 1}:D`, `G${alignmentRow + 1}:G`);
  }

  const width = TEAM_HEADER.length;
  const cells = rows.map((row) => [...row, ...Array<SheetCell>(width - row.length).fill('')]);
  return { cells, notes, headerRows, scoreRanges, teamRows, companyRows, alignmentRow };
}
