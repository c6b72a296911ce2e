/**
 * Apps Script's rules for what crosses google.script.run, checked on the server side of the
 * preview. The page shim (shim.ts) tags values JSON cannot carry, so the server can refuse them
 * with the same message for a browser call and for a hand-made request.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 * "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 * JavaScript objects and arrays that are composed of primitives, objects and arrays. […] Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited
 * type, including prohibited types inside objects or arrays. […] undefined fields within arrays
 * become null."
 */

/** The key the shim uses to tag a value JSON cannot carry: `{ [ILLEGAL_TAG]: 'Date' }`. */
export const ILLEGAL_TAG = '__appsScriptIllegal';

export class ScriptRunError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ScriptRunError';
  }
}

/** Checks one decoded argument tree; throws ScriptRunError naming the path of the illegal value. */
export function checkLegalArgument(value: unknown, path: string): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkLegalArgument(item, `${path}[${index}]`));
    return;
  }
  if (typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[ILLEGAL_TAG];
    if (typeof tag === 'string') {
      throw new ScriptRunError(
        `Failed due to illegal value in property: ${path}. A ${tag} cannot be passed to google.script.run; ` +
          (tag === 'Date'
            ? 'send dates as ISO strings (date.toISOString()).'
            : 'send only strings, numbers, booleans, null, arrays and plain objects.'),
      );
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      checkLegalArgument(item, `${path}.${key}`);
    return;
  }
  throw new ScriptRunError(`Failed due to illegal value in property: ${path}.`);
}

export interface ScriptRunRequest {
  functionName: string;
  args: unknown[];
}

/** Validates a POSTed `{ function, args }` body against Apps Script's rules and the bundle's functions. */
export function parseScriptRunRequest(
  body: unknown,
  isTopLevelFunction: (name: string) => boolean,
): ScriptRunRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ScriptRunError(
      'Send a JSON object such as {"function": "getCheckInContext", "args": []}.',
    );
  }
  const { function: functionName, args = [] } = body as { function?: unknown; args?: unknown };
  if (typeof functionName !== 'string' || functionName === '') {
    throw new ScriptRunError(
      'Name the server function to run in "function", e.g. {"function": "getCheckInContext"}.',
    );
  }
  if (!Array.isArray(args))
    throw new ScriptRunError('"args" must be an array of arguments, e.g. [] or ["KR-1"].');
  if (functionName.endsWith('_')) {
    // https://developers.google.com/apps-script/guides/html/communication#private_functions
    throw new ScriptRunError(
      `Script function ${functionName} is private: names ending in "_" cannot be called from google.script.run.`,
      403,
    );
  }
  if (!isTopLevelFunction(functionName)) {
    throw new ScriptRunError(
      `Script function not found: ${functionName}. Check the name of the function the page calls.`,
      404,
    );
  }
  args.forEach((arg, index) => checkLegalArgument(arg, String(index)));
  return { functionName, args };
}

/**
 * What a success handler receives: the return value through JSON, with values Apps Script cannot
 * return (Dates, functions) becoming null, as they do on the real service.
 */
export function toReturnValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Object.prototype.toString.call(value) === '[object Date]' || typeof value === 'function')
    return null;
  if (Array.isArray(value)) return value.map(toReturnValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        toReturnValue(item),
      ]),
    );
  }
  return value;
}
