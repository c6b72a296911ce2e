/**
 * Logger and console: lines are kept for tests and the preview, not printed.
 * https://developers.google.com/apps-script/reference/base/logger
 */
import { format } from 'node:util';
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: number;
}

export class FakeLogger
  implements
    Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog'>,
    Returning<GoogleAppsScript.Base.Logger, 'log', FakeLogger>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly lines: LogLine[],
  ) {}

  /** Logger.log(format, ...values) replaces %s placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    const message =
      typeof data === 'string' && values.length > 0
        ? data.replace(/%s/g, () => String(values.shift()))
        : String(data);
    this.lines.push({ level: 'log', message, at: this.env.clock.now() });
    return this;
  }

  getLog(): string {
    return this.lines.map((line) => line.message).join('\n');
  }

  clear(): void {
    this.lines.length = 0;
  }
}
countCalls(FakeLogger, 'Logger');

/** The script's console; not counted as a service call (it costs nothing in Apps Script). */
export function scriptConsole(
  env: EmulatorEnv,
  lines: LogLine[],
): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write =
    (level: LogLine['level']) =>
    (...args: unknown[]) => {
      lines.push({ level, message: format(...args), at: env.clock.now() });
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
