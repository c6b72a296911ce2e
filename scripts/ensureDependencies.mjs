/**
 * First step of `npm start` and `npm test`: installs the project's dependencies when they are
 * missing or older than package-lock.json, so a bare clone with only Node needs no separate
 * install step. Plain Node (no dependency of its own), because it runs before any are there.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
// Written after a successful install: the hash of the lock file it installed.
const installedMark = join(root, 'node_modules', '.okr-cadence-installed');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`OKR Cadence needs Node.js 20 or newer; this is ${process.version}.`);
  process.exit(1);
}

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installedHash = existsSync(installedMark) ? readFileSync(installedMark, 'utf8').trim() : '';

if (installedHash !== lockHash) {
  console.log('Installing dependencies (npm ci), once per change of package-lock.json…');
  // `npm ci` installs exactly the locked versions and removes anything else in node_modules.
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(installedMark, `${lockHash}\n`);
}
