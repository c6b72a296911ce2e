import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewState } from '../../preview/server/apiTypes.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server/server.js';
import { writeFixtureDist } from '../e2e/fixtureBundle.js';
import { onSpreadsheetClock } from './spreadsheetClock.js';

/** Monday 2 November 2026, 09:00 on the spreadsheet's clock. */
const START = onSpreadsheetClock('2026-11-02T09:00');

/** An API answer: the new state, or `ok`/`error` (and `result` for google.script.run). */
type Answer = PreviewState & { ok?: boolean; error?: string; result?: unknown };

async function post(
  preview: PreviewServer,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Answer }> {
  const response = await fetch(new URL(path, preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Answer };
}

async function state(preview: PreviewServer): Promise<PreviewState> {
  return (await (await fetch(new URL('/api/state', preview.url))).json()) as PreviewState;
}

function cell(current: PreviewState, sheetName: string, a1: string) {
  const sheet = current.sheets.find((candidate) => candidate.name === sheetName)!;
  const column = a1.charCodeAt(0) - 64;
  const row = Number(a1.slice(1));
  return sheet.cells[row - 1]![column - 1]!;
}

describe('preview server API', () => {
  let preview: PreviewServer;

  beforeAll(async () => {
    preview = await startPreviewServer({ port: 0, workbook: null, quiet: true, now: START });
  });
  afterAll(async () => {
    await preview.stop();
  });

  it('starts on the example workbook with the add-on menu built by onOpen', async () => {
    const current = await state(preview);
    expect(current.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Objectives', 'Key Results', 'Settings']),
    );
    const captions = JSON.stringify(current.menu);
    expect(captions).toContain('Set up OKR workbook');
    expect(captions).toContain('Send reminders now');
    expect(current.clock).toBe(START.toISOString());
  });

  it.each([
    ['bad JSON', '{"function": ', 400, /not valid JSON/],
    [
      'an unknown function',
      { function: 'noSuchFunction', args: [] },
      404,
      /Script function not found: noSuchFunction/,
    ],
    ['a private function ending in _', { function: 'saveCheckIn_', args: [] }, 403, /is private/],
    ['a global that is not a script function', { function: 'Date', args: [] }, 404, /not found/],
    [
      'a Date argument',
      {
        function: 'saveCheckIn',
        args: [{ keyResultId: 'CO1-KR1', when: { __appsScriptIllegal: 'Date' } }],
      },
      400,
      /illegal value in property: 0\.when.*Date/,
    ],
    [
      'args that are not an array',
      { function: 'saveCheckIn', args: 'CO1-KR1' },
      400,
      /must be an array/,
    ],
  ])(
    'refuses google.script.run with %s and changes nothing',
    async (_what, body, status, message) => {
      const before = JSON.stringify((await state(preview)).sheets);
      const answer = await post(preview, '/api/run', body);
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual({ ok: false, error: expect.stringMatching(message) });
      expect(JSON.stringify((await state(preview)).sheets)).toBe(before);
    },
  );

  it('refuses malformed edits and menu calls with a clear 4xx error', async () => {
    expect(
      (await post(preview, '/api/cell', { sheet: 'Nope', row: 1, column: 1, input: 'x' })).json
        .error,
    ).toMatch(/no sheet named "Nope"/);
    expect(
      (await post(preview, '/api/cell', { sheet: 'Settings', row: 0, column: 1, input: 'x' }))
        .status,
    ).toBe(400);
    expect((await post(preview, '/api/menu', { functionName: 'saveCheckIn' })).json.error).toMatch(
      /not an item of the add-on menu/,
    );
    expect((await post(preview, '/api/clock', { to: '2020-01-01T00:00:00Z' })).json.error).toMatch(
      /only moves forward/,
    );
    expect((await post(preview, '/api/nowhere', {})).status).toBe(404);
  });

  it('runs a google.script.run call in the bundle and returns its JSON result', async () => {
    const answer = await post(preview, '/api/run', { function: 'getCheckInContext', args: [] });
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(true);
    expect(answer.json.result).toMatchObject({
      userEmail: preview.session.keyResultOwners()[0],
      // The spreadsheet's wall clock in ISO text's UTC fields, as every date the pages get.
      asOf: '2026-11-02T09:00:00.000Z',
    });
  });

  it('signs in as the owner of the most key results, and as anyone POST /api/user names', async () => {
    const owners = preview.session.keyResultOwners();
    const current = await state(preview);
    expect(current.user).toBe(owners[0]);
    expect(current.users).toEqual(owners);
    const switched = await post(preview, '/api/user', { email: 'lee@example.com' });
    expect(switched.json.user).toBe('lee@example.com');
    expect(switched.json.users).toEqual(['lee@example.com', ...owners]);
    const refused = await post(preview, '/api/user', { email: 'lee' });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/not an email address/);
    await post(preview, '/api/user', { email: owners[0] });
  });

  it('hands a script error to the failure handler as a message', async () => {
    const answer = await post(preview, '/api/run', {
      function: 'OKRPROGRESS',
      args: ['sideways', 0, 1, 1],
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({
      ok: false,
      error: expect.stringContaining('"sideways" is not a key result type'),
    });
  });

  it('writes typed input through the emulator and recomputes formulas', async () => {
    const edited = await post(preview, '/api/cell', {
      sheet: 'KPIs',
      row: 20,
      column: 4,
      input: '40',
    });
    expect(edited.status).toBe(200);
    // Current and Healthy Min are number columns (the text columns are plain text, where = is text).
    await post(preview, '/api/cell', {
      sheet: 'KPIs',
      row: 20,
      column: 5,
      input: '=D20*2+OKRPROGRESS("increase", 0, 80, D20)',
    });
    const current = await state(preview);
    expect(cell(current, 'KPIs', 'E20').text).toBe('80.5');
    expect(cell(current, 'KPIs', 'E20').formula).toBe('=D20*2+OKRPROGRESS("increase", 0, 80, D20)');
  });

  it('serves the sidebar page a menu item opened, with the google.script.run shim injected', async () => {
    const opened = await post(preview, '/api/menu', { functionName: 'showCheckInSidebar' });
    expect(opened.json.sidebar).toMatchObject({ url: expect.stringContaining('/ui/sidebar') });
    const html = await (await fetch(new URL(opened.json.sidebar!.url, preview.url))).text();
    expect(html).toContain('__appsScriptIllegal');
    const closed = await post(preview, '/api/ui/close', { kind: 'sidebar' });
    expect(closed.json.sidebar).toBeNull();
  });

  it('moves the clock to a time on the spreadsheet’s clock, or to an instant given with its zone', async () => {
    const { timeZone } = await state(preview);
    const wallClock = await post(preview, '/api/clock', {
      to: '2026-11-27T10:30',
      runDueTriggers: false,
    });
    expect(wallClock.json.clock).toBe(
      onSpreadsheetClock('2026-11-27T10:30', timeZone).toISOString(),
    );
    expect(wallClock.json.clockWallTime).toBe('2026-11-27T10:30');
    const instant = await post(preview, '/api/clock', {
      to: '2026-11-28T00:00:00Z',
      runDueTriggers: false,
    });
    expect(instant.json.clock).toBe('2026-11-28T00:00:00.000Z');
    expect((await post(preview, '/api/clock', { to: 'next Friday' })).json.error).toMatch(
      /such as "2026-03-02T09:00"/,
    );
  });
});

describe('preview workbook file', () => {
  it('saves every change atomically and starts from the saved workbook next time', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-preview-'));
    const file = join(folder, 'team.workbook.json');
    try {
      const first = await startPreviewServer({ port: 0, workbook: file, quiet: true, now: START });
      await post(first, '/api/cell', {
        sheet: 'KPIs',
        row: 20,
        column: 3,
        input: 'kept across restarts',
      });
      await first.stop();
      expect(readdirSync(folder)).toEqual(['team.workbook.json']);
      expect(readFileSync(file, 'utf8')).toContain('kept across restarts');

      const second = await startPreviewServer({ port: 0, workbook: file, quiet: true, now: START });
      expect(cell(await state(second), 'KPIs', 'C20').text).toBe('kept across restarts');
      await second.stop();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('starts a fresh example workbook when no file is named', async () => {
    const preview = await startPreviewServer({ port: 0, workbook: null, quiet: true, now: START });
    expect(cell(await state(preview), 'KPIs', 'C20').text).toBe('');
    expect(existsSync(join(process.cwd(), 'team.workbook.json'))).toBe(false);
    await preview.stop();
  });
});

describe('preview questions from Ui.alert and Ui.prompt', () => {
  let preview: PreviewServer;
  let distDir: string;

  beforeAll(async () => {
    distDir = writeFixtureDist();
    preview = await startPreviewServer({ port: 0, workbook: null, quiet: true, distDir });
  });
  afterAll(async () => {
    await preview.stop();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('starts on an empty sheet and says why when the bundle cannot load example OKRs', async () => {
    const current = await state(preview);
    expect(current.notice).toMatch(/neither loadExampleOkrs nor setUpWorkbook/);
    expect(current.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  it('undoes the run until each question is answered, then finishes it with the answers', async () => {
    const asked = await post(preview, '/api/menu', { functionName: 'renameFirstSheet' });
    expect(asked.json.question).toEqual({
      kind: 'prompt',
      title: 'Rename',
      prompt: 'New name for the first sheet?',
      buttons: ['OK', 'CANCEL'],
    });
    // What the script did before asking is undone until the run completes.
    expect(cell(asked.json, 'Sheet1', 'A1').text).toBe('');

    const confirm = await post(preview, '/api/answer', { button: 'OK', text: 'Goals' });
    expect(confirm.json.question).toMatchObject({
      kind: 'alert',
      prompt: 'Rename to Goals?',
      buttons: ['YES', 'NO'],
    });

    const done = await post(preview, '/api/answer', { button: 'YES' });
    expect(done.json.question).toBeNull();
    expect(done.json.sheets.map((sheet: { name: string }) => sheet.name)).toEqual(['Goals']);
    expect(cell(done.json, 'Goals', 'A1').text).toBe('started');
    expect(done.json.alerts.at(-1)).toEqual({ title: '', prompt: 'Renamed.' });
  });

  it('keeps what the script did when the user cancels', async () => {
    await post(preview, '/api/menu', { functionName: 'renameFirstSheet' });
    const cancelled = await post(preview, '/api/answer', { button: 'CANCEL' });
    expect(cancelled.json.question).toBeNull();
    expect(cancelled.json.sheets.map((sheet: { name: string }) => sheet.name)).toEqual(['Goals']);
  });

  it('refuses an answer when no question is waiting', async () => {
    const answer = await post(preview, '/api/answer', { button: 'YES' });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/No question is waiting/);
  });
});
