/**
 * Typing helpers that tie each fake to the real @types/google-apps-script interface it imitates,
 * so a signature that drifts from the real one fails to compile.
 */
import type { EmulatorEnv } from './env.js';

/**
 * The methods K of the real interface T, with the same parameters, returning the emulator's own
 * object R (the fake of the real return type). Use `Pick<T, K>` for methods returning plain values.
 * For overloaded methods the last overload is checked.
 */
export type Returning<T, K extends keyof T, R> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => R : never;
};

/** Checks that an argument is one of the emulator's own objects, as Apps Script rejects foreign ones. */
export function own<T>(
  env: EmulatorEnv,
  value: unknown,
  fakeClass: abstract new (...args: never[]) => T,
  what: string,
): T {
  if (value instanceof fakeClass) return value;
  return env.fail(
    `Exception: The parameters (${describe(value)}) don't match the method signature: expected a ${what}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
