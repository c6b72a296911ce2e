/**
 * google.script.run and google.script.host for the add-on's pages in the preview. Injected into
 * dist/NAME.html by the preview server; calls go to the server, which runs them in the bundle.
 * https://developers.google.com/apps-script/guides/html/reference/run
 * https://developers.google.com/apps-script/guides/html/reference/host
 */
import { ILLEGAL_TAG } from '../server/scriptRunArgs.js';

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerOptions {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

/** Tags what JSON cannot carry so the server refuses it with Apps Script's message. */
function encode(value: unknown, seen: Set<unknown>, inArray: boolean): unknown {
  if (value === undefined) return inArray ? null : { [ILLEGAL_TAG]: 'undefined value' };
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return { [ILLEGAL_TAG]: 'Function' };
    if (typeof value === 'symbol' || typeof value === 'bigint')
      return { [ILLEGAL_TAG]: typeof value };
    return value;
  }
  if (value instanceof Date) return { [ILLEGAL_TAG]: 'Date' };
  if (typeof Node !== 'undefined' && value instanceof Node) return { [ILLEGAL_TAG]: 'DOM element' };
  if (seen.has(value)) return { [ILLEGAL_TAG]: 'circular reference' };
  seen.add(value);
  const encoded = Array.isArray(value)
    ? value.map((item) => encode(item, seen, true))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, encode(item, seen, false)]),
      );
  seen.delete(value);
  return encoded;
}

/** A form passed as the only argument becomes an object of its named fields. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  new FormData(form).forEach((value, name) => {
    fields[name] = typeof value === 'string' ? value : value.name;
  });
  return fields;
}

function notifyParent(type: string): void {
  window.parent?.postMessage({ source: 'okr-preview', type }, '*');
}

async function run(options: RunnerOptions, functionName: string, args: unknown[]): Promise<void> {
  const payload =
    args.length === 1 &&
    typeof HTMLFormElement !== 'undefined' &&
    args[0] instanceof HTMLFormElement
      ? [formFields(args[0])]
      : args.map((arg) => encode(arg, new Set(), true));
  let body: { ok: boolean; result?: unknown; error?: string };
  try {
    const response = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ function: functionName, args: payload }),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    body = { ok: false, error: `The preview server did not answer: ${String(error)}` };
  }
  notifyParent('changed');
  if (body.ok) {
    options.success?.(body.result ?? null, options.userObject);
  } else if (options.failure) {
    const error = new Error(body.error ?? 'Unknown error');
    error.name = 'ScriptError';
    options.failure(error, options.userObject);
  } else {
    console.error(`google.script.run.${functionName} failed: ${body.error}`);
  }
}

function runner(options: RunnerOptions): unknown {
  const chain = {
    withSuccessHandler: (handler: Handler) => runner({ ...options, success: handler }),
    withFailureHandler: (handler: Handler) => runner({ ...options, failure: handler }),
    withUserObject: (userObject: unknown) => runner({ ...options, userObject }),
  };
  return new Proxy(chain, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name as keyof typeof target];
      return (...args: unknown[]) => {
        void run(options, name, args);
      };
    },
  });
}

const host = {
  close: () => {
    void fetch('/api/ui/close', { method: 'POST' }).finally(() => notifyParent('close'));
  },
  setHeight: (_height: number) => undefined,
  setWidth: (_width: number) => undefined,
  editor: { focus: () => notifyParent('focus') },
};

// Escape in a dialog closes it, as in Sheets, unless the page used the key itself.
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) notifyParent('escape');
});

(window as unknown as { google: unknown }).google = {
  script: { run: runner({ success: null, failure: null, userObject: undefined }), host },
};
