/**
 * Utilities: formatDate with Java SimpleDateFormat patterns, sleep on the emulator's clock,
 * getUuid and a minimal Blob.
 * https://developers.google.com/apps-script/reference/utilities/utilities
 */
import { randomUUID } from 'node:crypto';
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './dateNames.js';
import { zonedParts, zoneOffsetMinutes } from './timezone.js';
import { isDateLike } from './values.js';

type Utilities = GoogleAppsScript.Utilities.Utilities;
type Blob = GoogleAppsScript.Base.Blob;

/**
 * Java SimpleDateFormat letters y M d E u a H k K h m s S z Z X and 'quoted text'.
 * https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html
 */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  const offset = zoneOffsetMinutes(ms, timeZone);
  const tokens = pattern.match(/'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+/g) ?? [];
  return tokens
    .map((token) => {
      if (token.startsWith("'"))
        return token === "''" ? "'" : token.slice(1, -1).replace(/''/g, "'");
      const letter = token[0]!;
      const n = token.length;
      const num = (value: number) => String(value).padStart(n, '0');
      switch (letter) {
        case 'y':
          return n === 2 ? String(p.year % 100).padStart(2, '0') : num(p.year);
        case 'M':
          return n >= 4
            ? MONTH_NAMES[p.month - 1]!
            : n === 3
              ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
              : num(p.month);
        case 'd':
          return num(p.day);
        case 'E':
          return n >= 4 ? WEEKDAY_NAMES[p.weekday]! : WEEKDAY_NAMES[p.weekday]!.slice(0, 3);
        case 'u':
          return num(p.weekday === 0 ? 7 : p.weekday);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'H':
          return num(p.hour);
        case 'k':
          return num(p.hour === 0 ? 24 : p.hour);
        case 'K':
          return num(p.hour % 12);
        case 'h':
          return num(p.hour % 12 === 0 ? 12 : p.hour % 12);
        case 'm':
          return num(p.minute);
        case 's':
          return num(p.second);
        case 'S':
          return num(p.millisecond);
        case 'z':
          return zoneName(ms, timeZone);
        case 'Z':
          return offsetText(offset, '');
        case 'X':
          return offset === 0 ? 'Z' : offsetText(offset, n >= 3 ? ':' : '');
        default:
          return token;
      }
    })
    .join('');
}

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${separator}${String(abs % 60).padStart(2, '0')}`;
}

function zoneName(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((x) => x.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export class FakeBlob
  implements
    Pick<Blob, 'getDataAsString' | 'getContentType' | 'getName' | 'getBytes'>,
    Returning<Blob, 'setName' | 'setDataFromString' | 'setContentType', FakeBlob>
{
  constructor(
    readonly env: EmulatorEnv,
    private data: string,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getDataAsString(): string {
    return this.data;
  }

  setDataFromString(string: string): FakeBlob {
    this.data = string;
    return this;
  }

  getBytes(): number[] {
    return this.env.realm.list(
      [...Buffer.from(this.data, 'utf8')].map((byte) => (byte > 127 ? byte - 256 : byte)),
    );
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
}
countCalls(FakeBlob, 'Blob');

export class FakeUtilities
  implements
    Pick<Utilities, 'formatDate' | 'sleep' | 'getUuid'>,
    Returning<Utilities, 'newBlob', FakeBlob>
{
  constructor(readonly env: EmulatorEnv) {}

  /** https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateLike(date))
      this.env.fail(
        "Exception: The parameters don't match the method signature for Utilities.formatDate: pass a Date.",
      );
    return formatJavaDate((date as Date).getTime(), timeZone, format);
  }

  /** Moves the emulator's clock instead of waiting; at most 5 minutes, as in Apps Script.
   * https://developers.google.com/apps-script/reference/utilities/utilities#sleepmilliseconds */
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000)
      this.env.fail('Exception: Utilities.sleep: the maximum is 300000 milliseconds.');
    this.env.clock.advance(Math.max(0, milliseconds));
  }

  getUuid(): string {
    return randomUUID();
  }

  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    const text =
      typeof data === 'string'
        ? data
        : Buffer.from(data.map((byte) => byte & 255)).toString('utf8');
    return new FakeBlob(this.env, text, contentType ?? null, name ?? null);
  }
}
countCalls(FakeUtilities, 'Utilities');
