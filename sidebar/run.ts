/**
 * A typed promise wrapper around google.script.run for every page. Arguments and results are
 * JSON-safe (src/shared/json.ts): google.script.run refuses Dates and functions.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { JsonValue } from '../src/shared/json';

export type { JsonValue } from '../src/shared/json';

interface ScriptRunner {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

/** What Apps Script adds to the page; read through globalThis so this module needs no DOM types. */
interface PageGlobals {
  google?: { script?: { run?: ScriptRunner; host?: { close(): void } } };
}

const pageGlobals = (): PageGlobals => globalThis as PageGlobals;

/** A server function threw; `message` is what it said (OkrInputError messages are for people). */
export class ServerCallError extends Error {
  constructor(
    readonly functionName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerCallError';
  }
}

/**
 * Calls a top-level server function by name and resolves with what it returns. Declare the
 * result type from the contract in src/shared, e.g. `runServer<CheckInContext>('getCheckInContext')`.
 */
export function runServer<Result extends JsonValue | void>(
  functionName: string,
  ...args: JsonValue[]
): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const runner = pageGlobals().google?.script?.run;
    if (!runner) {
      reject(
        new ServerCallError(
          functionName,
          'This page must be opened from the OKR Cadence menu in Google Sheets.',
        ),
      );
      return;
    }
    const configured = runner
      .withSuccessHandler((result: unknown) => resolve(result as Result))
      .withFailureHandler((error: unknown) =>
        reject(new ServerCallError(functionName, failureMessage(error))),
      );
    const call = configured[functionName];
    if (typeof call !== 'function') {
      reject(
        new ServerCallError(
          functionName,
          `The add-on has no server function named ${functionName}.`,
        ),
      );
      return;
    }
    // Called on the runner it came from: the real google.script.run methods may rely on `this`.
    call.apply(configured, args);
  });
}

/** Closes the sidebar or dialog the page is shown in. */
export function closePage(): void {
  pageGlobals().google?.script?.host?.close();
}

function failureMessage(error: unknown): string {
  if (
    error instanceof Error ||
    (typeof error === 'object' && error !== null && 'message' in error)
  ) {
    const message = String((error as { message: unknown }).message);
    // Apps Script prefixes thrown errors with their class name; people need only the sentence.
    return (
      message.replace(/^(?:Exception|Error|OkrInputError):\s*/, '') ||
      'The server call failed. Try again.'
    );
  }
  return String(error ?? 'The server call failed. Try again.');
}
