/**
 * The script's realm inside the vm context: its own Date (following the emulator's clock), Array
 * and Error, so values handed to the bundle pass `instanceof` checks as in Apps Script.
 */
import vm from 'node:vm';
import type { Realm } from './env.js';

/** The realm helpers plus what the emulator itself needs: templates and copying arguments in. */
export interface ScriptRealm extends Realm {
  compile(code: string, keys: string[]): (...values: unknown[]) => string;
  /** A deep copy of arrays, plain objects and Dates made of the script realm's own objects. */
  clone(value: unknown): unknown;
}

/** Installs the clock-following Date in the context and returns the realm helpers. */
export function setUpScriptRealm(context: vm.Context, now: () => number): ScriptRealm {
  return vm.runInContext(REALM_SETUP, context, { filename: 'emulator-realm.js' })(
    now,
  ) as ScriptRealm;
}

/** Builds the realm helpers inside the context and makes its Date follow the emulator's clock. */
const REALM_SETUP = `(function (now) {
  const RealDate = Date;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === globalThis.Date ? target : newTarget);
    },
    apply() { return new RealDate(now()).toString(); },
  });
  // On the realm's own Date rather than through a get trap, which every Date.UTC would pay for.
  RealDate.now = () => now();
  RealDate.prototype.constructor = globalThis.Date;
  const isDate = (v) => Object.prototype.toString.call(v) === '[object Date]';
  const clone = (v) => {
    if (isDate(v)) return new RealDate(v.getTime());
    if (Array.isArray(v)) { const out = []; for (const x of v) out.push(clone(x)); return out; }
    if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === null || Object.getPrototypeOf(Object.getPrototypeOf(v)) === null)) {
      const out = {}; for (const k of Object.keys(v)) out[k] = clone(v[k]); return out;
    }
    return v;
  };
  return {
    date: (ms) => new RealDate(ms),
    list: (items) => { const out = []; for (const x of items) out.push(x); return out; },
    grid: (rows) => { const out = []; for (const row of rows) { const line = []; for (const x of row) line.push(x); out.push(line); } return out; },
    error: (message) => new Error(message),
    compile: (code, keys) => new Function(...keys, code),
    clone,
  };
})`;
