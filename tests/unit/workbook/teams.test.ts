import { describe, expect, it } from 'vitest';
import { parseTeams, spreadsheetIdOf } from '../../../src/workbook/teams';

describe('the Spreadsheet cell of the Teams sheet', () => {
  it('reads the ID from a Sheets URL, with or without an account number, or as typed', () => {
    expect(spreadsheetIdOf('https://docs.google.com/spreadsheets/d/1AbC-d_9/edit#gid=0')).toEqual({
      id: '1AbC-d_9',
    });
    expect(spreadsheetIdOf(' https://docs.google.com/spreadsheets/u/1/d/XyZ/ ')).toEqual({
      id: 'XyZ',
    });
    expect(spreadsheetIdOf('1AbC-d_9')).toEqual({ id: '1AbC-d_9' });
  });

  it('says when the link is to a file that is not a spreadsheet, or is no link at all', () => {
    expect(spreadsheetIdOf('https://docs.google.com/document/d/1AbC/edit')).toEqual({
      problem:
        "The link is to a Google Docs document, not a spreadsheet. Paste the team spreadsheet's URL (https://docs.google.com/spreadsheets/d/…).",
    });
    expect(spreadsheetIdOf('https://drive.google.com/file/d/1AbC/view')).toMatchObject({
      problem: expect.stringContaining('a Drive file, not a spreadsheet'),
    });
    expect(spreadsheetIdOf('sales okrs')).toMatchObject({
      problem: expect.stringContaining(
        '"sales okrs" is neither a spreadsheet URL nor a spreadsheet ID',
      ),
    });
  });
});

describe('parseTeams', () => {
  it('reads teams in any column order, skips blank rows and reports a team without a spreadsheet', () => {
    const { teams, problems } = parseTeams([
      ['Notes', 'spreadsheet', 'TEAM', 'Owner'],
      ['', 'https://docs.google.com/spreadsheets/d/S1/edit', 'Sales', 'sam@example.com'],
      ['', '', '', ''],
      ['', '', 'Legal', ''],
      ['', 'S3', '', ''],
    ]);
    expect(teams).toEqual([
      {
        row: 2,
        team: 'Sales',
        spreadsheet: 'https://docs.google.com/spreadsheets/d/S1/edit',
        spreadsheetId: 'S1',
        problem: null,
        owner: 'sam@example.com',
      },
      { row: 5, team: 'Row 5', spreadsheet: 'S3', spreadsheetId: 'S3', problem: null, owner: '' },
    ]);
    expect(problems).toEqual([
      {
        sheet: 'Teams',
        row: 4,
        column: 'Spreadsheet',
        message: 'Team "Legal" has no spreadsheet. Paste the URL of the team\'s OKR spreadsheet.',
      },
    ]);
  });

  it('refuses a sheet without the Team and Spreadsheet headers, saying which', () => {
    expect(() => parseTeams([['Name', 'Link']])).toThrow(
      'The Teams sheet has no "Team", "Spreadsheet" columns.',
    );
  });
});
