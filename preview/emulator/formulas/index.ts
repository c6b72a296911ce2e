/**
 * Hooks the formula engine into an emulator: formulas in the emulated workbook are evaluated,
 * with the loaded bundle's custom functions run in its vm context as Sheets runs them.
 *
 *   const emulator = createEmulator();
 *   emulator.loadBundle();
 *   const formulas = attachFormulaEvaluator(emulator);
 *   // emulator.spreadsheet reads computed values; formulas.reasonFor(...) explains error cells
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../index.js';
import { isDateLike } from '../values.js';
import { createFormulaEngine, type FormulaEngine } from './evaluator.js';
import { importRangeOn } from './importRange.js';

export type { FormulaEngine } from './evaluator.js';
export { createFormulaEngine } from './evaluator.js';
export { NOT_CONNECTED, NO_PERMISSION } from './importRange.js';

/**
 * Names of the top-level functions whose JSDoc carries @customfunction: the ones Sheets offers as
 * formulas. https://developers.google.com/apps-script/guides/sheets/functions#autocomplete
 */
export function customFunctionNames(bundleSource: string): string[] {
  const names: string[] = [];
  for (const match of bundleSource.matchAll(
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g,
  )) {
    if (/@customfunction\b/.test(match[1]!)) names.push(match[2]!);
  }
  return names;
}

export interface AttachOptions {
  /** The bundle's source, to read @customfunction JSDoc (default: Code.js in the emulator's dist directory). */
  bundleSource?: string;
}

/** Installs the engine as the emulator's formula evaluator (call after loadBundle). */
export function attachFormulaEvaluator(
  emulator: Emulator,
  options: AttachOptions = {},
): FormulaEngine {
  const source =
    options.bundleSource ?? readFileSync(join(emulator.env.distDir, 'Code.js'), 'utf8');
  const loaded = new Set(emulator.functionNames());
  const names = customFunctionNames(source).filter((name) => loaded.has(name));
  const realm = emulator.env.realm;
  const toScript = (value: unknown): unknown => {
    if (isDateLike(value)) return realm.date(value.getTime());
    if (Array.isArray(value)) return realm.list(value.map(toScript));
    return value;
  };
  const engine = createFormulaEngine({
    customFunctionNames: names,
    now: () => new Date(emulator.clock.now()),
    importRange: importRangeOn(emulator.drive, () => emulator.activeUser),
    // Called straight, not through emulator.call: a formula read mid-operation must not release the
    // script's locks, and custom functions run in AuthMode.CUSTOM_FUNCTION.
    // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
    callCustomFunction: (name, args) => {
      const fn = emulator.context[name] as (...values: unknown[]) => unknown;
      const savedMode = emulator.env.authMode;
      emulator.env.authMode = 'CUSTOM_FUNCTION';
      try {
        return fn(...args.map(toScript));
      } finally {
        emulator.env.authMode = savedMode;
      }
    },
  });
  emulator.setFormulaEvaluator(engine.evaluate);
  return engine;
}
