/**
 * Saving the emulated workbook for `--workbook FILE`: the whole state as JSON, written to a temp
 * file beside the target and renamed over it, so a crash mid-write never leaves half a file
 * (rename within one directory is atomic on POSIX file systems).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export function saveWorkbookFile(path: string, state: unknown): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}

/** The saved state, or null when the file does not exist yet (it is created on the first save). */
export function loadWorkbookFile(path: string): unknown {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `${path} is not a saved preview workbook (${(error as Error).message}). Pass another --workbook file or delete this one.`,
    );
  }
}
