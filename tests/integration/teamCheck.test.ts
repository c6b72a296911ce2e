/** Company roll-up in the emulator: the Teams sheet and Check team spreadsheets over three teams. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { companyWithTeams, fillSheet, LEAD } from './companyWorkbook';

beforeAll(() => buildBundle());

function checked() {
  const { emulator, teams } = companyWithTeams();
  emulator.loadBundle();
  const before = [...teams.values()].map((team) => JSON.stringify(team.toData()));
  emulator.call('checkTeamSpreadsheets');
  const page = emulator.ui.pages.at(-1)!;
  const after = [...teams.values()].map((team) => JSON.stringify(team.toData()));
  return { emulator, teams, html: page.output.getContent(), title: page.title, before, after };
}

/** The report's text for one team: its heading to the next heading. */
function section(html: string, team: string): string {
  const start = html.indexOf(`>${team}`);
  const next = html.indexOf('<h3', start + 1);
  return html
    .slice(start, next < 0 ? undefined : next)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

describe('Check team spreadsheets', () => {
  it('reports each reachable team: sheets, cycle, counts and alignment, writing nothing to them', () => {
    const { html, title, before, after } = checked();
    expect(title).toBe('Team spreadsheets');
    expect(section(html, 'Sales')).toContain('Reachable; OKR sheets set up.');
    expect(section(html, 'Sales')).toContain(
      "Cycle Q1 2026 (2026-01-01 to 2026-03-31), the same as the company's.",
    );
    expect(section(html, 'Sales')).toContain(
      '2 objectives, 3 key results; 2 aligned to company objectives.',
    );
    expect(section(html, 'Support')).toContain('1 objective, 2 key results; 1 aligned');
    expect(after).toEqual(before);
  });

  it('flags a team in another cycle and a Parent ID that is no company objective', () => {
    const ops = section(checked().html, 'Ops');
    expect(ops).toContain(
      "Other cycle: FY2026 H1 (2026-01-01 to 2026-06-30) against the company's Q1 2026 (2026-01-01 to 2026-03-31) (name, end differ).",
    );
    expect(ops).toContain('Parent IDs that are no company objective: O1 → C9.');
  });

  it('reports a team spreadsheet the user cannot open, a deleted one and a link to a document, and goes on', () => {
    const { emulator, teams } = companyWithTeams();
    emulator.drive.unshare(teams.get('Support')!.id, LEAD);
    emulator.drive.trash(teams.get('Ops')!.id);
    fillSheet(emulator.workbook, 'Teams', [
      [],
      [],
      [],
      [],
      ['Design', 'https://docs.google.com/document/d/1AbC/edit', 'dee@example.com'],
      ['Legal'],
    ]);
    emulator.loadBundle();
    emulator.call('checkTeamSpreadsheets');
    const html = emulator.ui.pages.at(-1)!.output.getContent();
    expect(section(html, 'Sales')).toContain('Reachable; OKR sheets set up.');
    expect(section(html, 'Support')).toContain(
      'Cannot open the spreadsheet: it was deleted, or it is not shared with you. Ask sue@example.com to share it with you (Viewer is enough), or fix the URL in row 3 of the Teams sheet.',
    );
    expect(section(html, 'Ops')).toContain('(not reachable)');
    expect(section(html, 'Design')).toContain(
      'The link is to a Google Docs document, not a spreadsheet.',
    );
    expect(section(html, 'Teams sheet')).toContain(
      'Teams row 6, column Spreadsheet: Team "Legal" has no spreadsheet.',
    );
  });

  it('says which OKR sheets a team spreadsheet lacks', () => {
    const { emulator, teams } = companyWithTeams();
    const sales = teams.get('Sales')!;
    sales.removeSheet(sales.sheetByName('Settings')!);
    emulator.loadBundle();
    emulator.call('checkTeamSpreadsheets');
    expect(section(emulator.ui.pages.at(-1)!.output.getContent(), 'Sales')).toContain(
      'Reachable, but without the Settings sheet',
    );
  });

  it('escapes what team rows and team spreadsheets hold', () => {
    const { emulator } = companyWithTeams();
    fillSheet(emulator.workbook, 'Teams', [[], ['<b>Sales</b>']]);
    emulator.loadBundle();
    emulator.call('checkTeamSpreadsheets');
    const html = emulator.ui.pages.at(-1)!.output.getContent();
    expect(html).toContain('&lt;b&gt;Sales&lt;/b&gt;');
    expect(html).not.toContain('<b>Sales</b>');
  });
});

describe('Set up Teams sheet', () => {
  it('adds the Teams sheet with its header once, and leaves an existing one alone', () => {
    const { emulator } = companyWithTeams();
    emulator.workbook.removeSheet(emulator.workbook.sheetByName('Teams')!);
    emulator.loadBundle();
    emulator.call('setUpTeamsSheet');
    const teams = emulator.spreadsheet.getSheetByName('Teams')!;
    expect(teams.getRange(1, 1, 1, 4).getValues()).toEqual([
      ['Team', 'Spreadsheet', 'Owner', 'Notes'],
    ]);
    expect(teams.getFrozenRows()).toBe(1);
    teams.getRange(2, 1).setValue('Sales');
    emulator.call('setUpTeamsSheet');
    expect(teams.getRange(2, 1).getValue()).toBe('Sales');
    expect(emulator.workbook.toasts.at(-1)?.message).toContain('The Teams sheet is ready');
  });

  it('tells the user to set it up when Check team spreadsheets finds none', () => {
    const { emulator } = companyWithTeams();
    emulator.workbook.removeSheet(emulator.workbook.sheetByName('Teams')!);
    emulator.loadBundle();
    expect(() => emulator.call('checkTeamSpreadsheets')).toThrow(
      /no Teams sheet. Run Extensions → OKR Cadence → Company roll-up → Set up Teams sheet/,
    );
  });
});
