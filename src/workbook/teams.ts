/**
 * The Teams sheet of a company spreadsheet: one row per team spreadsheet the company rolls up
 * (Team, Spreadsheet as a URL or an ID, Owner, Notes). Users type the rows; the add-on only reads
 * them (docs/rollup.md).
 */
import { readText } from './cells';
import { findColumns, headerKey, mapColumns } from './headers';
import type { RowProblem } from './problems';
import type { TableDef } from './schema';

export const TEAMS: TableDef = {
  key: 'teams',
  sheetName: 'Teams',
  namedRange: 'OKR_TEAMS',
  columns: [
    { key: 'team', header: 'Team', kind: 'text', required: true },
    { key: 'spreadsheet', header: 'Spreadsheet', kind: 'text', required: true },
    { key: 'owner', header: 'Owner', kind: 'text' },
    { key: 'notes', header: 'Notes', kind: 'text' },
  ],
};

export const TEAMS_HEADER: readonly string[] = TEAMS.columns.map((column) => column.header);

export interface TeamEntry {
  /** 1-based row on the Teams sheet. */
  row: number;
  team: string;
  /** The Spreadsheet cell as typed (a URL or an ID). */
  spreadsheet: string;
  /** The spreadsheet ID read from it, or null with `problem` saying why not. */
  spreadsheetId: string | null;
  problem: string | null;
  owner: string;
}

/** Drive files that are not spreadsheets, by the path their URLs carry. */
const OTHER_FILES: Record<string, string> = {
  document: 'a Google Docs document',
  presentation: 'a Google Slides presentation',
  forms: 'a Google Form',
  drawings: 'a Google Drawing',
  file: 'a Drive file',
};

/**
 * The spreadsheet ID in a Spreadsheet cell: the part after /spreadsheets/d/ in a Sheets URL, or
 * the cell itself when it is an ID (letters, digits, - and _).
 * https://developers.google.com/sheets/api/guides/concepts#spreadsheet
 */
export function spreadsheetIdOf(text: string): { id: string } | { problem: string } {
  const trimmed = text.trim();
  const sheets = /docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(trimmed);
  if (sheets) return { id: sheets[1]! };
  const other = /(?:docs|drive)\.google\.com\/(?:u\/\d+\/)?([a-z]+)\/d\//.exec(trimmed);
  if (other) {
    const kind = OTHER_FILES[other[1]!] ?? 'not a Google Sheets file';
    return {
      problem: `The link is to ${kind}, not a spreadsheet. Paste the team spreadsheet's URL (https://docs.google.com/spreadsheets/d/…).`,
    };
  }
  if (/^[A-Za-z0-9_-]+$/.test(trimmed)) return { id: trimmed };
  return {
    problem: `"${trimmed}" is neither a spreadsheet URL nor a spreadsheet ID. Paste the team spreadsheet's URL from the browser's address bar.`,
  };
}

/** The team rows (row 1 is the header); blank rows are skipped, half-filled ones reported. */
export function parseTeams(values: readonly unknown[][]): {
  teams: TeamEntry[];
  problems: RowProblem[];
} {
  const columns = mapColumns(TEAMS, values[0]);
  const teams: TeamEntry[] = [];
  const problems: RowProblem[] = [];
  const text = (cells: readonly unknown[], key: string): string => {
    const index = columns[key];
    const read = readText(index === undefined ? '' : cells[index]);
    return read.ok ? (read.value ?? '').trim() : '';
  };
  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    if (!Array.isArray(cells)) continue;
    const row = r + 1;
    const team = text(cells, 'team');
    const spreadsheet = text(cells, 'spreadsheet');
    if (team === '' && spreadsheet === '') continue;
    if (spreadsheet === '') {
      problems.push({
        sheet: TEAMS.sheetName,
        row,
        column: 'Spreadsheet',
        message: `Team "${team}" has no spreadsheet. Paste the URL of the team's OKR spreadsheet.`,
      });
      continue;
    }
    const found = spreadsheetIdOf(spreadsheet);
    teams.push({
      row,
      team: team || `Row ${row}`,
      spreadsheet,
      spreadsheetId: 'id' in found ? found.id : null,
      problem: 'problem' in found ? found.problem : null,
      owner: text(cells, 'owner'),
    });
  }
  return { teams, problems };
}

/** Whether the header row already has every Teams column (the sheet needs no setup). */
export function missingTeamsHeaders(header: readonly unknown[]): string[] {
  const present = header.some((cell) => headerKey(cell) !== '');
  if (!present) return [...TEAMS_HEADER];
  const { columns } = findColumns(TEAMS, header);
  return TEAMS.columns.filter((column) => columns[column.key] === undefined).map((c) => c.header);
}
