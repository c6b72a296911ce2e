/**
 * One running preview: the emulator with dist/Code.js loaded and formulas evaluated, the workbook
 * it started from, and what the page shows (menu, sidebar, dialog, pending question, toasts,
 * outbox, triggers). Every change is saved to the --workbook file when one is given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createEmulator,
  type Emulator,
  type EmulatorState,
  type MenuEntry,
  type TriggerData,
} from '../emulator/index.js';
import type {
  ConditionalRule,
  SheetModel,
  WorkbookModel,
  WorkbookReader,
} from '../emulator/model.js';
import { attachFormulaEvaluator, type FormulaEngine } from '../emulator/formulas/index.js';
import type { MenuEntryView, PreviewState, QuestionView, TriggerView } from './apiTypes.js';
import { parseScriptRunRequest, ScriptRunError, toReturnValue } from './scriptRunArgs.js';
import { sheetView } from './sheetView.js';
import { wallClockInstant, zoneOffsetMinutes } from '../emulator/timezone.js';
import { loadWorkbookFile, saveWorkbookFile } from './workbookFile.js';
import { loadCompanyExample } from './companyExample.js';
import { openSpreadsheetFile, readSpreadsheetFile } from './spreadsheetFile.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PreviewSessionOptions {
  /** Saved workbook to load and keep saving; null for a fresh example workbook each start. */
  workbook: string | null;
  /** Directory holding Code.js and the NAME.html pages (default <repo>/dist). */
  distDir?: string;
  /** Start time of the emulator's clock (default: now). */
  now?: Date | number | string;
  /** The user running scripts (default: the owner of the most key results, else owner@example.com). */
  user?: string;
  /** The starting workbook: one team's example OKRs, or a company with three teams. */
  example?: 'okrs' | 'company';
  /** A team's own .xlsx or .csv opened instead of the example (when no saved workbook exists). */
  importFile?: string | null;
}

/** Who the preview signs in as when nobody is named and no key result has an owner. */
const FALLBACK_USER = 'owner@example.com';

/** Thrown inside Ui.alert/prompt when the page still has to answer; the run is then undone. */
class NeedsAnswer extends Error {
  constructor(readonly question: QuestionView) {
    super('The script is waiting for an answer in the preview.');
  }
}

const QUESTION_BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const BUTTON_NAMES = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

const WALL_CLOCK_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** An instant with its zone as given, or a zone-less wall-clock time read on `timeZone`'s clock. */
function clockTarget(text: string, timeZone: string): Date {
  const to = WALL_CLOCK_TEXT.test(text)
    ? new Date(wallClockInstant(Date.parse(`${text}Z`), timeZone))
    : new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : Number.NaN);
  if (Number.isNaN(to.getTime()))
    throw new ScriptRunError(
      `"to" must be a time on the spreadsheet's clock such as "2026-03-02T09:00", or an instant such as "2026-03-02T09:00:00Z"; got "${text}".`,
    );
  return to;
}

/** "2026-03-02T09:00": what `timeZone`'s wall clock reads at `ms`, as a datetime-local field holds it. */
function wallClockText(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString().slice(0, 16);
}

function messageOf(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error))
    return String((error as Error).message);
  return String(error);
}

function requireString(body: Record<string, unknown>, key: string, example: string): string {
  const value = body[key];
  if (typeof value !== 'string')
    throw new ScriptRunError(`"${key}" must be text, e.g. ${example}.`);
  return value;
}

function requirePosition(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new ScriptRunError(`"${key}" must be a whole number from 1, e.g. 2.`);
  return value;
}

interface PendingRun {
  functionName: string;
  snapshot: EmulatorState;
  marks: UiMarks;
  answers: { button: string; text: string }[];
}

interface UiMarks {
  alerts: number;
  prompts: number;
  pages: number;
}

export class PreviewSession {
  notice: string | null = null;
  private lastError: string | null = null;
  private pending: PendingRun | null = null;
  private question: QuestionView | null = null;
  /** Pages at or before these indexes of ui.pages were closed by the user. */
  private closedSidebar = -1;
  private closedDialog = -1;
  private readonly bundleFunctions: Set<string>;

  private constructor(
    readonly emulator: Emulator,
    readonly formulas: FormulaEngine,
    private readonly options: PreviewSessionOptions,
    bundleSource: string,
  ) {
    // Only functions the bundle declares at top level are Apps Script functions (not globals).
    this.bundleFunctions = new Set(
      [...bundleSource.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((match) => match[1]!),
    );
  }

  static async start(options: PreviewSessionOptions): Promise<PreviewSession> {
    const distDir = options.distDir ?? join(repoRoot, 'dist');
    const codePath = join(distDir, 'Code.js');
    if (!existsSync(codePath))
      throw new Error(`${codePath} does not exist. Run npm run build (npm start does it for you).`);
    const source = readFileSync(codePath, 'utf8');
    const emulator = createEmulator({
      distDir,
      now: options.now ?? Date.now(),
      user: options.user ?? FALLBACK_USER,
    });
    emulator.loadBundle(source);
    const formulas = attachFormulaEvaluator(emulator, { bundleSource: source });
    const session = new PreviewSession(emulator, formulas, options, source);
    const saved = options.workbook ? loadWorkbookFile(options.workbook) : null;
    if (saved) emulator.fromJSON(saved as EmulatorState);
    else if (options.importFile) await session.openTeamFile(options.importFile);
    else if (options.example === 'company') session.loadCompany();
    else session.loadStartingWorkbook();
    // A newcomer should see the check-in sidebar as someone with key results to check in.
    if (!options.user) emulator.setActiveUser(session.keyResultOwners()[0] ?? FALLBACK_USER);
    session.openDocument();
    session.save();
    return session;
  }

  /** The example OKRs when the bundle can load them; else a set-up workbook; else an empty sheet. */
  private loadStartingWorkbook(): void {
    const starters = ['loadExampleOkrs', 'setUpWorkbook'].filter((name) =>
      this.bundleFunctions.has(name),
    );
    for (const name of starters) {
      try {
        this.emulator.ui.responses = [{ button: 'YES' }, { button: 'OK' }];
        this.emulator.call(name);
        if (name !== 'loadExampleOkrs')
          this.notice = `The bundle has no loadExampleOkrs yet, so the preview shows a workbook made by ${name}.`;
        break;
      } catch (error) {
        this.notice = `${name} failed, so the preview starts on ${starters.indexOf(name) === starters.length - 1 ? 'an empty sheet' : 'the next fallback'}: ${messageOf(error)}`;
      }
    }
    if (starters.length === 0)
      this.notice =
        'The bundle has neither loadExampleOkrs nor setUpWorkbook yet, so the preview starts on an empty sheet.';
    this.removeBlankFirstSheet();
    this.emulator.ui.responses = [];
    this.emulator.ui.alerts.length = 0;
    this.emulator.ui.prompts.length = 0;
    this.emulator.ui.pages.length = 0;
    this.emulator.workbook.toasts.length = 0;
  }

  /** The team's own spreadsheet file, as the add-on would find it on installing. */
  private async openTeamFile(path: string): Promise<void> {
    const tabs = await readSpreadsheetFile(path);
    openSpreadsheetFile(this.emulator, tabs);
    this.notice = `Opened ${basename(path)} (${tabs.map((tab) => tab.name).join(', ')}). Try Extensions > OKR Cadence > Import OKRs… on it.`;
  }

  /** The company example; the preview then shows its Roll-up sheet. */
  private loadCompany(): void {
    loadCompanyExample(this.emulator);
    for (const book of this.emulator.drive.workbooks()) this.removeBlankFirstSheet(book);
    this.emulator.ui.pages.length = 0;
    for (const book of this.emulator.drive.workbooks()) book.toasts.length = 0;
  }

  /** The new spreadsheet's empty Sheet1 is noise beside the example's tabs; the preview made it, so it goes. */
  private removeBlankFirstSheet(book: WorkbookModel = this.emulator.workbook): void {
    const first = book.sheets[0];
    if (book.sheets.length > 1 && first?.name === 'Sheet1' && first.lastContentRow() === 0)
      book.removeSheet(first);
  }

  /** Owners of key results in the Key Results sheet, the owner of the most first: who one can be. */
  keyResultOwners(): string[] {
    const emulator = this.emulator;
    const counts = emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results');
      const found = new Map<string, number>();
      if (!sheet || sheet.getLastRow() < 2) return found;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      const column = header.findIndex((cell) => String(cell).trim().toLowerCase() === 'owner');
      if (column === -1) return found;
      for (const [cell] of sheet.getRange(2, column + 1, sheet.getLastRow() - 1, 1).getValues()) {
        const owner = String(cell).trim();
        if (owner.includes('@')) found.set(owner, (found.get(owner) ?? 0) + 1);
      }
      return found;
    });
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([owner]) => owner);
  }

  /** Sheets runs onOpen when the document opens; add-on menus are built in AuthMode.NONE first.
   * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle */
  private openDocument(): void {
    this.emulator.ui.menus.length = 0;
    if (!this.bundleFunctions.has('onOpen')) return;
    try {
      this.emulator.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    } catch (error) {
      this.lastError = `onOpen failed, so Sheets would show no add-on menu: ${messageOf(error)}`;
    }
  }

  private save(): void {
    if (this.options.workbook) saveWorkbookFile(this.options.workbook, this.emulator.toJSON());
  }

  // ---------- state ----------

  state(): PreviewState {
    const emulator = this.emulator;
    // Sheets recalculates a spreadsheet whose imports changed; here it happens before showing it.
    emulator.drive.refreshImports();
    const book = emulator.workbook;
    const addonMenu = emulator.ui.menus.filter((menu) => menu.kind === 'addon').at(-1);
    const pages = emulator.ui.pages;
    const sidebarIndex = lastIndexOf(pages, (page) => page.kind === 'sidebar');
    const dialogIndex = lastIndexOf(pages, (page) => page.kind !== 'sidebar');
    const sidebar = sidebarIndex > this.closedSidebar ? pages[sidebarIndex]! : null;
    const dialog = dialogIndex > this.closedDialog ? pages[dialogIndex]! : null;
    const reader = modelReader(book);
    return {
      spreadsheetName: book.name,
      workbookId: book.id,
      workbooks: emulator.drive.workbooks().map((workbook) => ({
        id: workbook.id,
        name: workbook.name,
      })),
      user: emulator.activeUser,
      users: [...new Set([emulator.activeUser, ...this.keyResultOwners()])],
      activeSheet: book.sheetById(book.activeSheetId)?.name ?? book.sheets[0]?.name ?? '',
      notice: this.notice,
      sheets: book.sheets.map((sheet) =>
        sheetView(book, sheet, {
          engine: this.formulas,
          customFormulaHolds: (formula, ruleSheet, row, column, rule) =>
            this.customFormulaHolds(reader, formula, ruleSheet, row, column, rule),
        }),
      ),
      menu: addonMenu
        ? { title: 'OKR Cadence', items: addonMenu.entries.map(menuEntryView) }
        : null,
      sidebar: sidebar
        ? {
            title: sidebar.title,
            // The user is in the address so that switching user reloads the page, as Sheets does.
            url: `/ui/sidebar?show=${sidebarIndex}&user=${encodeURIComponent(emulator.activeUser)}`,
            width: 300,
            height: 0,
          }
        : null,
      dialog: dialog
        ? {
            title: dialog.title,
            url: `/ui/dialog?show=${dialogIndex}`,
            width: dialog.output.getWidth(),
            height: dialog.output.getHeight(),
          }
        : null,
      question: this.question,
      toasts: book.toasts.map((toast) => ({
        title: toast.title,
        message: toast.message,
        at: new Date(toast.at).toISOString(),
      })),
      alerts: emulator.ui.alerts
        .filter((alert) => alert.buttons === 'OK')
        .map((alert) => ({ title: alert.title, prompt: alert.prompt })),
      outbox: emulator.outbox.map((email) => ({
        to: email.to,
        cc: email.cc,
        subject: email.subject,
        htmlBody: email.htmlBody,
        body: email.body,
        at: new Date(email.at).toISOString(),
      })),
      triggers: emulator.triggers.triggers.map(triggerView),
      clock: new Date(emulator.clock.now()).toISOString(),
      clockWallTime: wallClockText(emulator.clock.now(), book.timeZone),
      timeZone: book.timeZone,
      lastError: this.lastError,
    };
  }

  /**
   * A conditional-format formula is written for the top-left cell of the rule's range; relative
   * references move with each cell. https://support.google.com/docs/answer/78413
   */
  private customFormulaHolds(
    reader: WorkbookReader,
    formula: string,
    sheet: SheetModel,
    row: number,
    column: number,
    rule: ConditionalRule,
  ): boolean {
    const origin = rule.ranges.find((range) => range.sheetId === sheet.id);
    if (!origin) return false;
    const shifted = shiftRelativeReferences(formula, row - origin.row, column - origin.column);
    const value = this.formulas.evaluate(
      { formula: shifted, sheetName: sheet.name, row, column },
      reader,
    );
    const first = Array.isArray(value) ? value[0]?.[0] : value;
    return first === true || (typeof first === 'number' && first !== 0);
  }

  // ---------- actions ----------

  /** Writes what a user typed into a cell, as Sheets reads typed input. */
  editCell(body: Record<string, unknown>): PreviewState {
    const sheetName = requireString(body, 'sheet', '"Key Results"');
    const row = requirePosition(body, 'row');
    const column = requirePosition(body, 'column');
    const input = requireString(body, 'input', '"42" or "=SUM(A1:A3)"');
    const sheet = this.emulator.workbook.sheetByName(sheetName);
    if (!sheet) throw new ScriptRunError(`There is no sheet named "${sheetName}".`);
    if (row > sheet.maxRows || column > sheet.maxColumns)
      throw new ScriptRunError(
        `Row ${row}, column ${column} is outside the sheet (${sheet.maxRows} rows, ${sheet.maxColumns} columns).`,
      );
    this.emulator.uncounted(() => {
      const range = this.emulator.spreadsheet.getSheetByName(sheetName)!.getRange(row, column);
      if (input === '') range.clearContent();
      else range.setValue(input);
    });
    this.lastError = null;
    this.save();
    return this.state();
  }

  /** Runs a menu item's function; when it asks a question, the run is undone until it is answered. */
  runMenuItem(body: Record<string, unknown>): PreviewState {
    const functionName = requireString(body, 'functionName', '"setUpWorkbook"');
    const inMenu = this.emulator.ui.menus.some((menu) =>
      menuFunctions(menu.entries).includes(functionName),
    );
    if (!inMenu) throw new ScriptRunError(`"${functionName}" is not an item of the add-on menu.`);
    this.pending = {
      functionName,
      snapshot: this.emulator.toJSON(),
      marks: this.uiMarks(),
      answers: [],
    };
    return this.continueRun();
  }

  answerQuestion(body: Record<string, unknown>): PreviewState {
    const button = requireString(body, 'button', '"YES"');
    if (!BUTTON_NAMES.has(button))
      throw new ScriptRunError(`"button" must be one of ${[...BUTTON_NAMES].join(', ')}.`);
    if (!this.pending) throw new ScriptRunError('No question is waiting for an answer.', 409);
    const text = typeof body.text === 'string' ? body.text : '';
    this.pending.answers.push({ button, text });
    return this.continueRun();
  }

  private uiMarks(): UiMarks {
    const ui = this.emulator.ui;
    return { alerts: ui.alerts.length, prompts: ui.prompts.length, pages: ui.pages.length };
  }

  /** Runs the pending menu function with the answers given so far (alerts and prompts answer from them). */
  private continueRun(): PreviewState {
    const pending = this.pending!;
    const ui = this.emulator.ui;
    const answers = [...pending.answers];
    let seen = this.uiMarks();
    const queue: typeof ui.responses = [];
    // Ui.alert/prompt record the question, then take the next answer: an empty queue means the page must ask.
    queue.shift = () => {
      const asked =
        ui.prompts.length > seen.prompts
          ? { kind: 'prompt' as const, ...ui.prompts.at(-1)! }
          : { kind: 'alert' as const, ...ui.alerts.at(-1)! };
      seen = this.uiMarks();
      const answer = answers.shift();
      if (answer) return { button: answer.button as 'OK', text: answer.text };
      if (asked.kind === 'alert' && asked.buttons === 'OK') return undefined;
      throw new NeedsAnswer({
        kind: asked.kind,
        title: asked.title,
        prompt: asked.prompt,
        buttons: QUESTION_BUTTONS[asked.buttons] ?? ['OK'],
      });
    };
    ui.responses = queue;
    this.question = null;
    this.lastError = null;
    try {
      this.emulator.call(pending.functionName);
    } catch (error) {
      if (error instanceof NeedsAnswer) {
        this.rollBack(pending);
        this.question = error.question;
        return this.state();
      }
      // Sheets shows the script's error and keeps what it did before failing.
      this.lastError = messageOf(error);
    } finally {
      ui.responses = [];
    }
    this.pending = null;
    this.save();
    return this.state();
  }

  private rollBack(pending: PendingRun): void {
    this.emulator.fromJSON(pending.snapshot);
    const ui = this.emulator.ui;
    ui.alerts.length = pending.marks.alerts;
    ui.prompts.length = pending.marks.prompts;
    ui.pages.length = pending.marks.pages;
  }

  /** google.script.run from a sidebar or dialog: Apps Script's argument rules, then the bundle. */
  runScriptFunction(body: unknown): { ok: true; result: unknown } | { ok: false; error: string } {
    const request = parseScriptRunRequest(body, (name) => this.bundleFunctions.has(name));
    try {
      const result = this.emulator.call(request.functionName, ...request.args);
      return { ok: true, result: toReturnValue(result) };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    } finally {
      this.save();
    }
  }

  closePage(body: Record<string, unknown>): PreviewState {
    const pages = this.emulator.ui.pages;
    const kind = body.kind === 'dialog' ? 'dialog' : body.kind === 'sidebar' ? 'sidebar' : null;
    const sidebarIndex = lastIndexOf(pages, (page) => page.kind === 'sidebar');
    const dialogIndex = lastIndexOf(pages, (page) => page.kind !== 'sidebar');
    // google.script.host.close() closes the page it runs in: the dialog on top, else the sidebar.
    if (kind === 'dialog' || (kind === null && dialogIndex > this.closedDialog))
      this.closedDialog = dialogIndex;
    else this.closedSidebar = sidebarIndex;
    return this.state();
  }

  /** Signs in as someone else: the scripts, the sidebar and new triggers then act as that user. */
  switchUser(body: Record<string, unknown>): PreviewState {
    const email = requireString(body, 'email', '"maya@example.com"').trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new ScriptRunError(
        `"${email}" is not an email address; send one such as "maya@example.com".`,
      );
    this.emulator.setActiveUser(email);
    return this.state();
  }

  /** Opens another spreadsheet of the Drive: the add-on's menu and pages are then that one's. */
  switchWorkbook(body: Record<string, unknown>): PreviewState {
    const id = requireString(body, 'id', '"emulated-spreadsheet-2"');
    if (!this.emulator.drive.workbooks().some((workbook) => workbook.id === id))
      throw new ScriptRunError(`No spreadsheet has the id "${id}"; pick one from the list.`);
    this.emulator.openDocument(id);
    // Sidebars and dialogs belong to the spreadsheet they were opened in.
    this.closedSidebar = this.closedDialog = this.emulator.ui.pages.length - 1;
    this.lastError = null;
    this.openDocument();
    this.save();
    return this.state();
  }

  /** `to` is an instant (`2026-03-02T09:00:00Z`) or the open spreadsheet's wall clock (`2026-03-02T09:00`). */
  moveClock(body: Record<string, unknown>): PreviewState {
    const to = clockTarget(
      requireString(body, 'to', '"2026-03-02T09:00"'),
      this.emulator.workbook.timeZone,
    );
    if (to.getTime() < this.emulator.clock.now())
      throw new ScriptRunError(
        `The clock only moves forward; it already shows ${new Date(this.emulator.clock.now()).toISOString()}.`,
      );
    this.lastError = null;
    if (body.runDueTriggers === false) this.emulator.clock.set(to);
    else this.recordTriggerErrors(this.emulator.runDueTriggers(to));
    this.save();
    return this.state();
  }

  runTrigger(body: Record<string, unknown>): PreviewState {
    const id = requireString(body, 'id', '"trigger-1"');
    if (!this.emulator.triggers.triggers.some((trigger) => trigger.id === id))
      throw new ScriptRunError(`No installed trigger has id "${id}".`, 404);
    this.lastError = null;
    try {
      this.emulator.runTrigger(id);
    } catch (error) {
      this.lastError = `The trigger failed: ${messageOf(error)}`;
    }
    this.save();
    return this.state();
  }

  runDueTriggers(): PreviewState {
    this.lastError = null;
    this.recordTriggerErrors(this.emulator.runDueTriggers(this.emulator.clock.now()));
    this.save();
    return this.state();
  }

  private recordTriggerErrors(runs: { handlerFunction: string; error?: string }[]): void {
    const failed = runs.filter((run) => run.error);
    if (failed.length > 0)
      this.lastError = failed
        .map((run) => `${run.handlerFunction} failed: ${run.error}`)
        .join('\n');
  }

  // ---------- pages ----------

  /** The HTML of the sidebar or dialog on screen, as the script built it. */
  shownPageHtml(kind: 'sidebar' | 'dialog'): string {
    const pages = this.emulator.ui.pages;
    const page =
      pages[
        lastIndexOf(pages, (candidate) =>
          kind === 'sidebar' ? candidate.kind === 'sidebar' : candidate.kind !== 'sidebar',
        )
      ];
    if (!page) throw new ScriptRunError(`No ${kind} is open. Open one from the add-on menu.`, 404);
    return page.output.getContent();
  }

  /** A built page (dist/NAME.html) straight from the dist directory, for tests and direct viewing. */
  builtPageHtml(name: string): string {
    const path = join(this.options.distDir ?? join(repoRoot, 'dist'), `${name}.html`);
    if (!existsSync(path))
      throw new ScriptRunError(`There is no built page dist/${name}.html. Run npm run build.`, 404);
    return readFileSync(path, 'utf8');
  }
}

function lastIndexOf<T>(items: T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index]!)) return index;
  return -1;
}

function menuFunctions(entries: MenuEntry[]): string[] {
  return entries.flatMap((entry) =>
    entry.kind === 'item'
      ? [entry.functionName]
      : entry.kind === 'submenu'
        ? menuFunctions(entry.entries)
        : [],
  );
}

function menuEntryView(entry: MenuEntry): MenuEntryView {
  if (entry.kind === 'separator')
    return { kind: 'separator', caption: '', functionName: '', items: [] };
  if (entry.kind === 'submenu')
    return {
      kind: 'submenu',
      caption: entry.caption,
      functionName: '',
      items: entry.entries.map(menuEntryView),
    };
  return { kind: 'item', caption: entry.caption, functionName: entry.functionName, items: [] };
}

const WEEKDAYS: Record<string, string> = {
  MONDAY: 'Mondays',
  TUESDAY: 'Tuesdays',
  WEDNESDAY: 'Wednesdays',
  THURSDAY: 'Thursdays',
  FRIDAY: 'Fridays',
  SATURDAY: 'Saturdays',
  SUNDAY: 'Sundays',
};

function triggerView(trigger: TriggerData): TriggerView {
  const schedule = trigger.schedule;
  const parts: string[] = [];
  if (schedule.everyWeeks)
    parts.push(schedule.everyWeeks === 1 ? 'weekly' : `every ${String(schedule.everyWeeks)} weeks`);
  if (schedule.everyDays)
    parts.push(schedule.everyDays === 1 ? 'daily' : `every ${String(schedule.everyDays)} days`);
  if (schedule.everyHours)
    parts.push(schedule.everyHours === 1 ? 'hourly' : `every ${String(schedule.everyHours)} hours`);
  if (typeof schedule.weekDay === 'string')
    parts.push(`on ${WEEKDAYS[schedule.weekDay] ?? schedule.weekDay}`);
  if (typeof schedule.atHour === 'number')
    parts.push(`around ${String(schedule.atHour).padStart(2, '0')}:00`);
  return {
    id: trigger.id,
    handlerFunction: trigger.handlerFunction,
    description: `Time-driven, ${parts.join(' ') || 'scheduled'}`,
    nextRun: Number.isFinite(trigger.nextRunAt) ? new Date(trigger.nextRunAt).toISOString() : null,
  };
}

/** Moves the references without $ by the given rows and columns (strings and sheet names untouched). */
export function shiftRelativeReferences(formula: string, rows: number, columns: number): string {
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (
      whole,
      text,
      sheet,
      columnDollar: string,
      letters: string,
      rowDollar: string,
      digits: string,
    ) => {
      if (text || sheet) return whole;
      const column = columnDollar ? letters : lettersOf(indexOf(letters) + columns);
      const row = rowDollar ? digits : String(Number(digits) + rows);
      return `${columnDollar}${column}${rowDollar}${row}`;
    },
  );
}

function indexOf(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}

function lettersOf(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Read access to the workbook's values outside a formula pass (conditional formats). */
function modelReader(book: WorkbookModel): WorkbookReader {
  const sheet = (name: string) => {
    const found = book.sheetByName(name);
    if (!found) throw new Error(`Unresolved sheet name '${name}'.`);
    return found;
  };
  return {
    timeZone: book.timeZone,
    getValue: (name, row, column) => book.readValue(sheet(name), row, column),
    getValues: (name, row, column, numRows, numColumns) =>
      Array.from({ length: numRows }, (_, r) =>
        Array.from({ length: numColumns }, (_, c) =>
          book.readValue(sheet(name), row + r, column + c),
        ),
      ),
    getSheetNames: () => book.sheets.map((candidate) => candidate.name),
    getSheetSize: (name) => {
      const found = sheet(name);
      return {
        maxRows: found.maxRows,
        maxColumns: found.maxColumns,
        lastRow: found.lastContentRow(),
        lastColumn: found.lastContentColumn(),
      };
    },
    getNamedRange: (name) => {
      const range = book.namedRanges.get(name);
      const target = range && book.sheetById(range.sheetId);
      return range && target
        ? {
            sheetName: target.name,
            row: range.row,
            column: range.column,
            numRows: range.numRows,
            numColumns: range.numColumns,
          }
        : null;
    },
  };
}
