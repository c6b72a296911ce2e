/**
 * ScriptApp: time-driven triggers, authorisation info and enums.
 *
 * When triggers fire in the emulator: Apps Script runs an add-on's time-driven trigger at most
 * once an hour, at a random minute of the chosen hour. The emulator is deterministic instead: it
 * fires at minute `nearMinute` (0 when not set) of each matching hour, in the trigger's time zone
 * (inTimezone, else the script's). everyHours(n) fires every n hours counted from the hour it was
 * created in; everyDays(n).atHour(h) at hour h every n days from the creation day (atHour
 * defaults to the creation hour); everyWeeks(n).onWeekDay(d).atHour(h) likewise by weeks.
 * https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 */
import { countCalls } from './calls.js';
import {
  AUTH_MODES,
  AUTHORIZATION_STATUS,
  EVENT_TYPES,
  TRIGGER_SOURCES,
  WEEK_DAYS,
  realEnum,
} from './enums.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { FakeSpreadsheet } from './spreadsheet.js';
import { zonedParts } from './timezone.js';

type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type Trigger = GoogleAppsScript.Script.Trigger;

export interface TriggerSchedule {
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  /** A ScriptApp.WeekDay name, e.g. FRIDAY. */
  weekDay?: string;
  timeZone: string;
}

export interface TriggerData {
  id: string;
  handlerFunction: string;
  /** The user who created it; the trigger runs as this user. */
  owner: string;
  spreadsheetId: string;
  schedule: TriggerSchedule;
  createdAt: number;
  /** When it fires next (epoch ms). */
  nextRunAt: number;
}

export interface TriggerState {
  triggers: TriggerData[];
  nextId: number;
  /** What getAuthorizationInfo reports: REQUIRED until the user grants the add-on's scopes. */
  authorizationStatus: 'REQUIRED' | 'NOT_REQUIRED';
}

const HOUR = 3_600_000;
/** everyHours accepts these values only. https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyhoursn */
const HOUR_STEPS = [1, 2, 4, 6, 8, 12];

/** The first firing time strictly after `after`. */
export function nextRunAfter(
  trigger: Pick<TriggerData, 'schedule' | 'createdAt'>,
  after: number,
): number {
  const { schedule, createdAt } = trigger;
  const minute = schedule.nearMinute ?? 0;
  const created = zonedParts(createdAt, schedule.timeZone);
  const createdDay = Date.UTC(created.year, created.month - 1, created.day) / 86_400_000;
  const createdHourSlot = Math.floor(createdAt / HOUR);
  const atHour = schedule.atHour ?? created.hour;
  const firstSlot = Math.floor(after / HOUR);
  const weeks = schedule.everyWeeks ?? 1;
  for (let slot = firstSlot; slot < firstSlot + 24 * 7 * weeks + 48; slot++) {
    const at = slot * HOUR + minute * 60_000;
    if (at <= after) continue;
    const local = zonedParts(at, schedule.timeZone);
    const day = Date.UTC(local.year, local.month - 1, local.day) / 86_400_000;
    if (schedule.everyHours !== undefined) {
      if ((slot - createdHourSlot) % schedule.everyHours === 0 && slot > createdHourSlot) return at;
    } else if (schedule.everyWeeks !== undefined) {
      const weekDay = WEEK_DAYS.indexOf(
        (schedule.weekDay ?? WEEK_DAYS[created.weekday]!) as (typeof WEEK_DAYS)[number],
      );
      const weekIndex = Math.floor((day - createdDay + created.weekday) / 7);
      if (local.weekday === weekDay && local.hour === atHour && weekIndex % weeks === 0) return at;
    } else {
      const days = schedule.everyDays ?? 1;
      if (local.hour === atHour && (day - createdDay) % days === 0) return at;
    }
  }
  throw new Error(
    `Trigger schedule ${JSON.stringify(schedule)} never fires; give it everyHours, everyDays or everyWeeks.`,
  );
}

export class FakeTrigger implements Pick<
  Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  constructor(
    readonly env: EmulatorEnv,
    readonly trigger: TriggerData,
  ) {}

  getUniqueId(): string {
    return this.trigger.id;
  }

  getHandlerFunction(): string {
    return this.trigger.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return 'CLOCK' as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return 'CLOCK' as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** Time-driven triggers have no source id. */
  getTriggerSourceId(): string {
    return null as unknown as string;
  }
}
countCalls(FakeTrigger, 'Trigger');

export class FakeClockTriggerBuilder
  implements
    Returning<
      ClockTriggerBuilder,
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'atHour'
      | 'nearMinute'
      | 'onWeekDay'
      | 'inTimezone'
      | 'everyMinutes',
      FakeClockTriggerBuilder
    >,
    Returning<ClockTriggerBuilder, 'create', FakeTrigger>
{
  private readonly schedule: TriggerSchedule;

  constructor(
    readonly env: EmulatorEnv,
    private readonly state: TriggerState,
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
  ) {
    this.schedule = { timeZone: env.scriptTimeZone };
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    if (!HOUR_STEPS.includes(n))
      this.env.fail(
        `Exception: The value you passed to everyHours (${n}) is not allowed; use 1, 2, 4, 6, 8 or 12.`,
      );
    this.schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    this.schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): FakeClockTriggerBuilder {
    this.schedule.everyWeeks = n;
    return this;
  }

  /** Add-ons may not run time-driven triggers more than once an hour.
   * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions */
  everyMinutes(n: number): FakeClockTriggerBuilder {
    return this.env.fail(
      `Exception: Add-ons can't create time-driven triggers that run more often than once an hour (everyMinutes(${n})).`,
    );
  }

  atHour(hour: number): FakeClockTriggerBuilder {
    if (!(hour >= 0 && hour <= 23))
      this.env.fail(`Exception: atHour(${hour}): the hour must be between 0 and 23.`);
    this.schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): FakeClockTriggerBuilder {
    if (!(minute >= 0 && minute <= 59))
      this.env.fail(`Exception: nearMinute(${minute}): the minute must be between 0 and 59.`);
    this.schedule.nearMinute = minute;
    return this;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): FakeClockTriggerBuilder {
    this.schedule.weekDay = String(day);
    return this;
  }

  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this.schedule.timeZone = timezone;
    return this;
  }

  /** An add-on may own one time-driven trigger per user and document.
   * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions */
  create(): FakeTrigger {
    const owner = this.env.effectiveUser;
    if (
      this.state.triggers.some((t) => t.owner === owner && t.spreadsheetId === this.spreadsheetId)
    ) {
      this.env.fail(
        'Exception: This add-on has created too many time-based triggers in this document for this Google user account.',
      );
    }
    if (
      this.schedule.everyHours === undefined &&
      this.schedule.everyDays === undefined &&
      this.schedule.everyWeeks === undefined
    ) {
      this.env.fail(
        'Exception: A time-based trigger needs a frequency: call everyHours, everyDays or everyWeeks before create().',
      );
    }
    const createdAt = this.env.clock.now();
    const data: TriggerData = {
      id: `trigger-${this.state.nextId++}`,
      handlerFunction: this.handlerFunction,
      owner,
      spreadsheetId: this.spreadsheetId,
      schedule: { ...this.schedule },
      createdAt,
      nextRunAt: 0,
    };
    data.nextRunAt = nextRunAfter(data, createdAt);
    this.state.triggers.push(data);
    return new FakeTrigger(this.env, data);
  }
}
countCalls(FakeClockTriggerBuilder, 'ClockTriggerBuilder');

export class FakeTriggerBuilder implements Returning<
  GoogleAppsScript.Script.TriggerBuilder,
  'timeBased',
  FakeClockTriggerBuilder
> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly state: TriggerState,
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(
      this.env,
      this.state,
      this.handlerFunction,
      this.spreadsheetId,
    );
  }
}
countCalls(FakeTriggerBuilder, 'TriggerBuilder');

export class FakeAuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'
> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly status: string,
  ) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this.status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** null when no authorisation is needed. */
  getAuthorizationUrl(): string {
    return (
      this.status === 'REQUIRED' ? 'https://script.google.com/macros/emulated-authorization' : null
    ) as string;
  }
}
countCalls(FakeAuthorizationInfo, 'AuthorizationInfo');

export class FakeScriptApp
  implements
    Pick<ScriptApp, 'deleteTrigger' | 'getScriptId'>,
    Returning<ScriptApp, 'newTrigger', FakeTriggerBuilder>,
    Returning<ScriptApp, 'getProjectTriggers' | 'getUserTriggers', FakeTrigger[]>,
    Returning<ScriptApp, 'getAuthorizationInfo', FakeAuthorizationInfo>
{
  readonly AuthMode = realEnum<typeof GoogleAppsScript.Script.AuthMode>(AUTH_MODES);
  readonly AuthorizationStatus =
    realEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>(AUTHORIZATION_STATUS);
  readonly WeekDay = realEnum<typeof GoogleAppsScript.Base.Weekday>(WEEK_DAYS);
  readonly EventType = realEnum<typeof GoogleAppsScript.Script.EventType>(EVENT_TYPES);
  readonly TriggerSource = realEnum<typeof GoogleAppsScript.Script.TriggerSource>(TRIGGER_SOURCES);

  constructor(
    readonly env: EmulatorEnv,
    readonly state: TriggerState,
    private readonly spreadsheetId: () => string,
  ) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.env, this.state, functionName, this.spreadsheetId());
  }

  /** The current user's triggers in this project.
   * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers */
  getProjectTriggers(): FakeTrigger[] {
    return this.env.realm.list(
      this.state.triggers
        .filter((t) => t.owner === this.env.effectiveUser)
        .map((t) => new FakeTrigger(this.env, t)),
    );
  }

  /** The current user's triggers for one spreadsheet. */
  getUserTriggers(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | FakeSpreadsheet,
  ): FakeTrigger[] {
    const id = (spreadsheet as FakeSpreadsheet).getId();
    return this.env.realm.list(
      this.state.triggers
        .filter((t) => t.owner === this.env.effectiveUser && t.spreadsheetId === id)
        .map((t) => new FakeTrigger(this.env, t)),
    );
  }

  deleteTrigger(trigger: Trigger | FakeTrigger): void {
    const id = own(this.env, trigger, FakeTrigger, 'Trigger').trigger.id;
    this.state.triggers = this.state.triggers.filter((t) => t.id !== id);
  }

  getScriptId(): string {
    return 'emulated-script-id';
  }

  /** Reports the scriptable status (`emulator.triggers.authorizationStatus`).
   * https://developers.google.com/apps-script/reference/script/script-app#getauthorizationinfoauthmode */
  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): FakeAuthorizationInfo {
    return new FakeAuthorizationInfo(this.env, this.state.authorizationStatus);
  }
}
countCalls(FakeScriptApp, 'ScriptApp');
