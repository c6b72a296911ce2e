/** The built add-on (dist/Code.js) that the emulator tests load. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** Builds dist/Code.js once when it is missing: `npm test` builds first, a direct vitest run not. */
export function buildBundle(): void {
  if (!existsSync(join(root, 'dist/Code.js'))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: root,
      stdio: 'pipe',
    });
  }
}
