/**
 * The README's quick start on a bare clone: `npm test` and `npm start` each install what they
 * need themselves, with nothing but Node present (no node_modules, no dist).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The inner `npm test` of the clone runs this file too; it must not clone again. The clone's
// install, build, typecheck and lint take minutes, so it runs where CI is set (as .ci/run does;
// `CI=true npm test` locally).
const isInnerRun = process.env.OKR_CADENCE_QUICK_START === 'inner';
const runsQuickStart = Boolean(process.env.CI) && !isInnerRun;
// Plain output to match on: no colour, whatever the outer run forces.
const environment: NodeJS.ProcessEnv = {
  ...process.env,
  OKR_CADENCE_QUICK_START: 'inner',
  CI: 'true',
  NO_COLOR: '1',
};
delete environment.FORCE_COLOR;
// npm ci, build, typecheck and lint in the clone, on a busy 2-core machine.
const TEN_MINUTES = 600_000;

describe.runIf(runsQuickStart)('the README quick start on a bare clone', () => {
  let clone: string;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'okr-cadence-clone-'));
    execFileSync('git', ['clone', '--quiet', root, clone]);
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it(
    'npm test installs the dependencies itself and passes',
    () => {
      expect(existsSync(join(clone, 'node_modules'))).toBe(false);
      // One test file stands for the suite: the point is the set-up npm test does before it.
      const output = execFileSync('npm', ['test', '--', 'tests/unit/core/progress.test.ts'], {
        cwd: clone,
        env: environment,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(output).toContain('Installing dependencies');
      // The file runs once in each project (vitest.config.ts: utc and three zones), and passes in each.
      // eslint-disable-next-line no-control-regex -- colour codes, should a terminal force them
      expect(output.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Test Files\s+(\d+) passed \(\1\)/);
    },
    TEN_MINUTES,
  );

  it(
    'npm start answers on its port with the preview page',
    async () => {
      const server = spawn('npm', ['start', '--', '--port', '0'], {
        cwd: clone,
        env: environment,
        detached: true,
      });
      try {
        const url = await new Promise<string>((resolveUrl, reject) => {
          let printed = '';
          server.stdout.on('data', (chunk: Buffer) => {
            printed += chunk.toString();
            const match = /OKR Cadence preview: (http:\/\/\S+)/.exec(printed);
            if (match) resolveUrl(match[1]!);
          });
          server.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${printed}`)));
        });
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('OKR Cadence');
      } finally {
        // npm start runs tsx under sh: stop the whole process group.
        process.kill(-server.pid!, 'SIGTERM');
      }
    },
    TEN_MINUTES,
  );
});
