/**
 * State shared by all fakes of one emulator: the clock, the call counter, who is running the
 * script and in which authorisation mode, and the realm scripts live in.
 */
import { CallCounter } from './calls.js';
import { Clock } from './clock.js';

/**
 * Makes objects in the script's realm. The bundle runs in its own vm context with its own `Date`,
 * `Array` and `Error`, so values handed to it must come from there for `instanceof` to work as
 * it does in Apps Script.
 */
export interface Realm {
  date(ms: number): Date;
  list<T>(items: readonly T[]): T[];
  grid<T>(rows: readonly (readonly T[])[]): T[][];
  error(message: string): Error;
}

export const hostRealm: Realm = {
  date: (ms) => new Date(ms),
  list: (items) => [...items],
  grid: (rows) => rows.map((row) => [...row]),
  error: (message) => new Error(message),
};

/** ScriptApp.AuthMode names. */
export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export class EmulatorEnv {
  realm: Realm = hostRealm;
  readonly calls = new CallCounter();
  authMode: AuthModeName = 'FULL';
  activeUser: string;
  /** True while a trigger runs without an active spreadsheet (see Emulator.activeSpreadsheetInTriggers). */
  noActiveSpreadsheet = false;
  /** True while a time-driven trigger runs: there is no user interface to show anything in. */
  inTrigger = false;
  /** The user whose authority the script runs with (the trigger owner for triggers). */
  effectiveUser: string;

  constructor(
    readonly clock: Clock,
    user: string,
    public scriptTimeZone: string,
    readonly distDir: string,
  ) {
    this.activeUser = user;
    this.effectiveUser = user;
  }

  /**
   * Throws as Apps Script services do: an Error of the script's realm named "Exception" whose
   * message has no "Exception: " prefix (logs show "Exception: message" from name and message).
   */
  fail(message: string): never {
    const error = this.realm.error(message.replace(/^Exception: /, ''));
    error.name = 'Exception';
    throw error;
  }
}
