/**
 * The Apps Script emulator: fake services, a vm context holding only the Apps Script globals,
 * the built bundle loaded into it, and the test hooks (clock, call counter, locks, triggers,
 * outbox, UI records). See README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { CallCounter } from './calls.js';
import { Clock } from './clock.js';
import { checkAuthMode } from './authModes.js';
import { DriveModel, type DriveData, type NewSpreadsheet } from './drive.js';
import { EmulatorEnv, type AuthModeName } from './env.js';
import { CHART_TYPES, realEnum } from './enums.js';
import { FakeHtmlService } from './html.js';
import { decodeDates, encodeDates } from './json.js';
import { FakeLockService, LockControl } from './lock.js';
import { FakeLogger, scriptConsole, type LogLine } from './logger.js';
import { FakeMailApp, type MailState, type SentEmail } from './mail.js';
import { WorkbookModel, type FormulaEvaluator, type WorkbookData } from './model.js';
import { FakeCacheService, FakePropertiesService, type PropertyStores } from './properties.js';
import { FakeSession } from './session.js';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet.js';
import {
  FakeScriptApp,
  FakeTrigger,
  nextRunAfter,
  type TriggerData,
  type TriggerState,
} from './triggers.js';
import { UiRecord } from './ui.js';
import { setUpScriptRealm } from './realm.js';
import { FakeUtilities } from './utilities.js';

export type { AuthModeName } from './env.js';
export type { CellValue } from './values.js';
export type {
  FormulaCell,
  FormulaEvaluator,
  WorkbookReader,
  WorkbookData,
  CellData,
} from './model.js';
export { WorkbookModel, SheetModel } from './model.js';
export type { SentEmail } from './mail.js';
export { MAIL_QUOTA_MESSAGE } from './mail.js';
export type { RecordedMenu, MenuEntry, ShownPage, UiResponse } from './ui.js';
export type { TriggerData } from './triggers.js';
export { DriveModel, SPREADSHEET_MIME_TYPE, spreadsheetIdFromUrl } from './drive.js';
export type { DriveData, DriveFile, DriveRole, NewSpreadsheet } from './drive.js';
export type { LockKind } from './lock.js';
export type { LogLine } from './logger.js';
export { displayValue } from './display.js';
export { validationProblem } from './validation.js';
export { parseA1, resolveA1, columnLetters, columnIndex, toA1 } from './a1.js';
export { formatJavaDate } from './utilities.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface EmulatorOptions {
  /** Start time of the clock (default 2026-01-05T09:00:00Z, a Monday). */
  now?: Date | number | string;
  /** The user running scripts (default owner@example.com). */
  user?: string;
  /**
   * The script's time zone, Session.getScriptTimeZone() (default: the environment variable
   * OKR_SCRIPT_TIME_ZONE, else Etc/UTC as appsscript.json).
   */
  timeZone?: string;
  /**
   * The spreadsheet's own time zone, Spreadsheet.getSpreadsheetTimeZone(): date cells hold
   * midnight in it (default: `timeZone` when given, else the environment variable
   * OKR_SPREADSHEET_TIME_ZONE, else the script's zone). Tests run whole suites in several zones through the environment variables.
   */
  spreadsheetTimeZone?: string;
  /** Where HtmlService finds NAME.html and loadBundle finds Code.js (default <repo>/dist). */
  distDir?: string;
  spreadsheetName?: string;
  /** Tabs of the new spreadsheet (default one tab, Sheet1). */
  sheetNames?: string[];
  formulaEvaluator?: FormulaEvaluator;
  /** Recipients MailApp may still send to today (default 100). */
  mailQuota?: number;
}

/** How one call runs: authorisation mode and user (defaults: FULL, the current active user). */
export interface CallOptions {
  authMode?: AuthModeName;
  user?: string;
}

export interface TriggerRun {
  triggerId: string;
  handlerFunction: string;
  at: number;
  /** The error message when the handler threw (Apps Script would email the owner). */
  error?: string;
}

/** Everything toJSON saves. */
export interface EmulatorState {
  version: 1;
  now: number;
  activeUser: string;
  scriptTimeZone: string;
  workbook: WorkbookData;
  /** The other spreadsheets and files; absent in states saved before there was a Drive. */
  drive?: DriveData;
  properties: PropertyStores;
  triggers: TriggerState;
  mail: MailState;
}

export class Emulator {
  readonly clock: Clock;
  readonly env: EmulatorEnv;
  readonly calls: CallCounter;
  readonly ui: UiRecord;
  /** This execution's locks; a lock held by a concurrent execution is busy here. */
  readonly locks: LockControl;
  readonly logs: LogLine[];
  /** Stores of PropertiesService (kept as objects: the fakes hold them; fromJSON refills them). */
  readonly properties: PropertyStores;
  /** Triggers; set `authorizationStatus` to 'REQUIRED' to script getAuthorizationInfo. */
  readonly triggers: TriggerState;
  /** Outbox and remaining daily quota of MailApp (set `remainingDailyQuota` in tests). */
  readonly mail: MailState;
  /** What concurrent executions share: the document and the user-visible services' state. */
  private readonly shared: SharedState;
  /**
   * Whether SpreadsheetApp.getActive() returns the spreadsheet inside time-driven trigger runs
   * (default true). Set false to test code that must then open the spreadsheet by id.
   */
  activeSpreadsheetInTriggers = true;
  /** The vm context's global object: only the Apps Script globals and JS builtins. */
  readonly context: vm.Context;
  /** The fake services, as the script sees them. */
  readonly globals: {
    SpreadsheetApp: FakeSpreadsheetApp;
    HtmlService: FakeHtmlService;
    PropertiesService: FakePropertiesService;
    CacheService: FakeCacheService;
    LockService: FakeLockService;
    ScriptApp: FakeScriptApp;
    MailApp: FakeMailApp;
    Session: FakeSession;
    Utilities: FakeUtilities;
    Logger: FakeLogger;
    Charts: { ChartType: typeof GoogleAppsScript.Charts.ChartType };
    console: ReturnType<typeof scriptConsole>;
  };
  private formulaEvaluator: FormulaEvaluator | null;
  private compile: (code: string, keys: string[]) => (...values: unknown[]) => string;
  private toRealm: (value: unknown) => unknown;
  /** Globals present before the bundle loads (services and the clock-following Date). */
  private builtInNames: Set<string>;
  /** The code loadBundle ran, for concurrent executions to load too. */
  private bundleSource: string | null = null;

  /** `peerOf`: start another execution of the same project on that emulator's document. */
  constructor(options: EmulatorOptions = {}, peerOf?: Emulator) {
    const timeZone =
      peerOf?.env.scriptTimeZone ??
      options.timeZone ??
      process.env.OKR_SCRIPT_TIME_ZONE ??
      'Etc/UTC';
    this.shared = peerOf?.shared ?? newSharedState(options, timeZone);
    this.clock = this.shared.clock;
    if (!peerOf && options.now !== undefined) this.clock.set(options.now);
    this.env = new EmulatorEnv(
      this.clock,
      peerOf?.activeUser ?? options.user ?? 'owner@example.com',
      timeZone,
      peerOf?.env.distDir ?? options.distDir ?? join(repoRoot, 'dist'),
    );
    this.calls = this.env.calls;
    this.calls.guard = (call) => checkAuthMode(this.env, call);
    ({ ui: this.ui, logs: this.logs, properties: this.properties } = this.shared);
    ({ triggers: this.triggers, mail: this.mail } = this.shared);
    this.locks = new LockControl(this.shared.executions);
    this.formulaEvaluator = peerOf?.formulaEvaluator ?? options.formulaEvaluator ?? null;
    if (!peerOf) this.workbook.setFormulaEvaluator(this.formulaEvaluator);

    const documentId = () => this.workbook.id;
    const registry = {
      active: () => this.workbook,
      // Scripts open other spreadsheets with the authority of the user they run as.
      byId: (id: string) =>
        id === this.workbook.id ? this.workbook : this.drive.openableBy(id, this.env.effectiveUser),
    };
    this.globals = {
      SpreadsheetApp: new FakeSpreadsheetApp(this.env, registry, this.ui),
      HtmlService: new FakeHtmlService(
        this.env,
        (code) => (scope) => this.compile(code, Object.keys(scope))(...Object.values(scope)),
      ),
      PropertiesService: new FakePropertiesService(this.env, this.properties, documentId),
      CacheService: new FakeCacheService(this.env, documentId),
      LockService: new FakeLockService(this.env, this.locks),
      ScriptApp: new FakeScriptApp(this.env, this.triggers, documentId),
      MailApp: new FakeMailApp(this.env, this.mail),
      Session: new FakeSession(this.env),
      Utilities: new FakeUtilities(this.env),
      Logger: new FakeLogger(this.env, this.logs),
      // Only the enum: embedded charts take Charts.ChartType. https://developers.google.com/apps-script/reference/charts/chart-type
      Charts: { ChartType: realEnum<typeof GoogleAppsScript.Charts.ChartType>(CHART_TYPES) },
      console: scriptConsole(this.env, this.logs),
    };

    this.context = vm.createContext({ ...this.globals });
    const realm = setUpScriptRealm(this.context, () => this.clock.now());
    this.env.realm = realm;
    this.compile = realm.compile;
    this.toRealm = realm.clone;
    this.builtInNames = new Set(Object.keys(this.context));
  }

  /** The plain data model of the document, shared with concurrent executions. */
  get workbook(): WorkbookModel {
    return this.shared.document.workbook;
  }

  set workbook(workbook: WorkbookModel) {
    this.shared.document.workbook = workbook;
  }

  /** The other spreadsheets and files (drive.ts), shared with concurrent executions. */
  get drive(): DriveModel {
    return this.shared.drive;
  }

  /**
   * Opens another spreadsheet of the Drive in the editor: the add-on then runs bound to it (its
   * menu, sidebar and scripts see it as the active spreadsheet), as when a user switches tabs.
   */
  openDocument(id: string): WorkbookModel {
    const workbook = this.drive.file(id)?.workbook;
    if (!workbook) throw new Error(`openDocument: the Drive has no spreadsheet with id ${id}.`);
    this.workbook = workbook;
    return workbook;
  }

  /**
   * Another execution of the same project on the same document, as when two people's triggers
   * fire in the same minute or someone chooses a menu item during a trigger run. It has its own
   * script globals (the bundle is loaded afresh, as Apps Script starts each execution with a new
   * global scope), its own call counter and hook, and its own locks: a lock one execution holds is
   * busy for the other. The clock, spreadsheet, properties, triggers, outbox, logs and UI records
   * are shared. Run it from the other's `calls.beforeCall` to interleave the two at a service call.
   * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
   */
  concurrentExecution(): Emulator {
    const execution = new Emulator({}, this);
    if (this.bundleSource !== null) execution.loadBundle(this.bundleSource);
    return execution;
  }

  // Test hooks ------------------------------------------------------------------------------------

  /** The bound spreadsheet as a script sees it. Calls through it are counted like the script's. */
  get spreadsheet(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.env, this.workbook);
  }

  get outbox(): SentEmail[] {
    return this.mail.outbox;
  }

  /** Switches the user running scripts and owning new triggers (multi-user tests). */
  setActiveUser(email: string): void {
    this.env.activeUser = email;
    this.env.effectiveUser = email;
  }

  get activeUser(): string {
    return this.env.activeUser;
  }

  /** Installs the formula evaluator; formula cells read '' while there is none. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.formulaEvaluator = evaluator;
    this.workbook.setFormulaEvaluator(evaluator);
    for (const workbook of this.drive.workbooks()) workbook.setFormulaEvaluator(evaluator);
  }

  /** Adds a spreadsheet to the Drive, with formulas evaluated as in the bound one. */
  addSpreadsheet(options: NewSpreadsheet): WorkbookModel {
    const workbook = this.drive.addSpreadsheet(options);
    workbook.setFormulaEvaluator(this.formulaEvaluator);
    return workbook;
  }

  /** Runs test code without counting or hooking its service calls. */
  uncounted<T>(action: () => T): T {
    return this.calls.uncounted(action);
  }

  // The bundle ------------------------------------------------------------------------------------

  /**
   * Runs the built bundle in the context, as Apps Script loads a project: its top-level function
   * declarations become callable by name. It must not contain import/export.
   */
  loadBundle(code?: string): void {
    const source = code ?? this.readBundle();
    if (/^\s*(import|export)\s/m.test(source)) {
      throw new Error(
        'loadBundle: the bundle contains import/export statements, which Apps Script cannot run. Build it as an IIFE (npm run build).',
      );
    }
    vm.runInContext(source, this.context, { filename: 'Code.js' });
    this.bundleSource = source;
  }

  /**
   * Calls a top-level function by name, as a menu item, trigger or google.script.run would.
   * Names ending in _ are private in Apps Script and cannot be called this way. Arguments are
   * copied into the script's realm (arrays, plain objects, Dates). Locks are released at the end.
   */
  call(name: string, ...args: unknown[]): unknown {
    return this.callWith({}, name, ...args);
  }

  callWith(options: CallOptions, name: string, ...args: unknown[]): unknown {
    const fn = this.topLevelFunction(name);
    const saved = {
      authMode: this.env.authMode,
      active: this.env.activeUser,
      effective: this.env.effectiveUser,
    };
    this.env.authMode = options.authMode ?? 'FULL';
    if (options.user !== undefined) this.setActiveUser(options.user);
    try {
      return fn(...args.map((arg) => this.toRealm(arg)));
    } finally {
      this.locks.releaseAll();
      this.env.authMode = saved.authMode;
      this.env.activeUser = saved.active;
      this.env.effectiveUser = saved.effective;
    }
  }

  /**
   * Runs a custom function as Sheets does while computing a formula: in AuthMode.CUSTOM_FUNCTION,
   * with the arguments copied into the script's realm, without ending the current execution (a
   * formula read in the middle of an operation must not release the script's locks). Its service
   * calls are counted only when it runs outside a script's service call.
   */
  callCustomFunction(name: string, args: unknown[]): unknown {
    const fn = this.topLevelFunction(name);
    const savedMode = this.env.authMode;
    this.env.authMode = 'CUSTOM_FUNCTION';
    try {
      return fn(...args.map((arg) => this.toRealm(arg)));
    } finally {
      this.env.authMode = savedMode;
    }
  }

  /** Names of the bundle's top-level functions. */
  functionNames(): string[] {
    return Object.keys(this.context).filter(
      (key) => typeof this.context[key] === 'function' && !this.builtInNames.has(key),
    );
  }

  // Triggers --------------------------------------------------------------------------------------

  /** Runs one trigger now, as its owner, in AuthMode.FULL; errors are thrown. */
  runTrigger(triggerOrId: string | TriggerData | FakeTrigger): unknown {
    const trigger = this.findTrigger(triggerOrId);
    this.env.noActiveSpreadsheet = !this.activeSpreadsheetInTriggers;
    this.env.inTrigger = true;
    try {
      return this.callWith(
        { authMode: 'FULL', user: trigger.owner },
        trigger.handlerFunction,
        this.triggerEvent(trigger),
      );
    } finally {
      this.env.noActiveSpreadsheet = false;
      this.env.inTrigger = false;
    }
  }

  /**
   * Moves the clock to `until`, firing every time-driven trigger whose time comes on the way, in
   * time order (the clock stands at each firing time while its handler runs). Handler errors are
   * recorded in the result, not thrown, as Apps Script carries on with the next run.
   */
  runDueTriggers(until: Date | number | string): TriggerRun[] {
    const end = new Date(until).getTime();
    if (Number.isNaN(end)) throw new Error(`runDueTriggers: "${String(until)}" is not a date.`);
    const runs: TriggerRun[] = [];
    for (let guard = 0; guard < 100_000; guard++) {
      const due = [...this.triggers.triggers]
        .filter((t) => t.nextRunAt <= end)
        .sort((a, b) => a.nextRunAt - b.nextRunAt)[0];
      if (!due) break;
      if (due.nextRunAt > this.clock.now()) this.clock.set(due.nextRunAt);
      const run: TriggerRun = {
        triggerId: due.id,
        handlerFunction: due.handlerFunction,
        at: this.clock.now(),
      };
      due.nextRunAt = nextRunAfter(due, due.nextRunAt);
      try {
        this.runTrigger(due);
      } catch (error) {
        run.error =
          error instanceof Error || (error && typeof error === 'object' && 'message' in error)
            ? String((error as Error).message)
            : String(error);
      }
      runs.push(run);
    }
    if (end > this.clock.now()) this.clock.set(end);
    return runs;
  }

  // Saving ----------------------------------------------------------------------------------------

  /** The whole state as JSON-safe data (Dates as { $date }), for the preview to save. */
  toJSON(): EmulatorState {
    return encodeDates({
      version: 1,
      now: this.clock.now(),
      activeUser: this.env.activeUser,
      scriptTimeZone: this.env.scriptTimeZone,
      workbook: this.workbook.toData(),
      drive: this.drive.toData(),
      properties: this.properties,
      triggers: this.triggers,
      mail: this.mail,
    }) as EmulatorState;
  }

  /** Replaces the state with a saved one (the loaded bundle and hooks stay). */
  fromJSON(saved: EmulatorState): void {
    const state = decodeDates(saved) as EmulatorState;
    if (state.version !== 1)
      throw new Error(`fromJSON: unsupported state version ${String(state.version)}; expected 1.`);
    this.clock.set(state.now);
    this.setActiveUser(state.activeUser);
    this.env.scriptTimeZone = state.scriptTimeZone;
    this.workbook = WorkbookModel.fromData(state.workbook);
    if (state.drive) this.drive.load(state.drive, this.workbook);
    else this.drive.load({ files: [], connections: {} });
    if (!this.drive.file(this.workbook.id)) this.drive.register(this.workbook, state.activeUser);
    this.setFormulaEvaluator(this.formulaEvaluator);
    Object.assign(this.properties, state.properties);
    Object.assign(this.triggers, state.triggers);
    Object.assign(this.mail, state.mail);
  }

  // Internals -------------------------------------------------------------------------------------

  private readBundle(): string {
    const path = join(this.env.distDir, 'Code.js');
    if (!existsSync(path))
      throw new Error(`loadBundle: ${path} does not exist. Run npm run build first.`);
    return readFileSync(path, 'utf8');
  }

  private topLevelFunction(name: string): (...args: unknown[]) => unknown {
    if (name.endsWith('_')) {
      throw new Error(
        `Script function ${name} is private (its name ends in _), so Apps Script will not call it from a menu, trigger or google.script.run. Rename it or export a public entry point.`,
      );
    }
    const fn = /^[A-Za-z_$][\w$]*$/.test(name) ? this.context[name] : undefined;
    if (typeof fn !== 'function' || this.builtInNames.has(name)) {
      throw new Error(
        `Script function not found: ${name}. Is it exported from src/index.ts and was the bundle built and loaded (npm run build, loadBundle())?`,
      );
    }
    return fn as (...args: unknown[]) => unknown;
  }

  private findTrigger(triggerOrId: string | TriggerData | FakeTrigger): TriggerData {
    const id =
      typeof triggerOrId === 'string'
        ? triggerOrId
        : triggerOrId instanceof FakeTrigger
          ? triggerOrId.trigger.id
          : triggerOrId.id;
    const trigger = this.triggers.triggers.find((t) => t.id === id);
    if (!trigger)
      throw new Error(`runTrigger: no trigger with id ${id}; it may have been deleted.`);
    return trigger;
  }

  /** The event object of a time-driven trigger.
   * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events */
  private triggerEvent(trigger: TriggerData): Record<string, unknown> {
    const now = new Date(this.clock.now());
    return {
      authMode: 'FULL',
      triggerUid: trigger.id,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: 'UTC',
    };
  }
}

/** State every execution of one emulated document sees. */
interface SharedState {
  clock: Clock;
  document: { workbook: WorkbookModel };
  drive: DriveModel;
  ui: UiRecord;
  logs: LogLine[];
  properties: PropertyStores;
  triggers: TriggerState;
  mail: MailState;
  /** The lock records of every execution, so each sees the others' held locks as busy. */
  executions: Set<LockControl>;
}

function newSharedState(options: EmulatorOptions, timeZone: string): SharedState {
  // A test that names one zone gets it for both; the environment applies to tests naming none.
  const spreadsheetTimeZone =
    options.spreadsheetTimeZone ??
    options.timeZone ??
    process.env.OKR_SPREADSHEET_TIME_ZONE ??
    timeZone;
  const workbook = new WorkbookModel(
    undefined,
    options.spreadsheetName ?? 'OKR Cadence (emulated)',
    spreadsheetTimeZone,
  );
  for (const name of options.sheetNames ?? ['Sheet1']) workbook.addSheet(name);
  const drive = new DriveModel();
  drive.register(workbook, options.user ?? 'owner@example.com');
  return {
    clock: new Clock(),
    document: { workbook },
    drive,
    ui: new UiRecord(),
    logs: [],
    properties: { script: {}, document: {}, user: {} },
    triggers: { triggers: [], nextId: 1, authorizationStatus: 'NOT_REQUIRED' },
    mail: { outbox: [], remainingDailyQuota: options.mailQuota ?? 100 },
    executions: new Set(),
  };
}

/** A new emulator; see EmulatorOptions. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}
