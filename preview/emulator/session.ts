/**
 * Session: who runs the script. Tests switch the active user with `emulator.setActiveUser`.
 * https://developers.google.com/apps-script/reference/base/session
 */
import { createHash } from 'node:crypto';
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

type Session = GoogleAppsScript.Base.Session;

export class FakeUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.email;
  }
}
countCalls(FakeUser, 'User');

export class FakeSession
  implements
    Pick<Session, 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'>,
    Returning<Session, 'getActiveUser' | 'getEffectiveUser', FakeUser>
{
  constructor(readonly env: EmulatorEnv) {}

  /** The email is '' when the emulator's user is set to '' (as for consumer accounts outside the
   * owner's domain). https://developers.google.com/apps-script/reference/base/session#getactiveuser */
  getActiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.activeUser);
  }

  getEffectiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.effectiveUser);
  }

  getScriptTimeZone(): string {
    return this.env.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** A stable, opaque key per user and script.
   * https://developers.google.com/apps-script/reference/base/session#gettemporaryactiveuserkey */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`okr-emulator:${this.env.activeUser}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
countCalls(FakeSession, 'Session');
