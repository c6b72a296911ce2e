/**
 * Finds the Chromium the browser tests drive: CHROME_PATH, then the usual install paths. Where
 * none is found and we run as root on Debian, installs Debian's `chromium` package; otherwise
 * fails with the exact command to run.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';

const USUAL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const HOW_TO_INSTALL = [
  'The browser tests need Chromium and none was found (looked at CHROME_PATH, ' +
    USUAL_PATHS.join(', ') +
    ').',
  'Install it, then run the tests again:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  Fedora:         sudo dnf install -y chromium',
  '  macOS:          brew install --cask chromium, then CHROME_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"',
  'or point CHROME_PATH at any Chrome or Chromium executable.',
].join('\n');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(): string | null {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) {
    if (isExecutable(fromEnvironment)) return fromEnvironment;
    throw new Error(
      `CHROME_PATH is set to "${fromEnvironment}", which is not an executable file. Fix or unset it.\n${HOW_TO_INSTALL}`,
    );
  }
  return USUAL_PATHS.find(isExecutable) ?? null;
}

function isDebianRootWithApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian =
    existsSync('/etc/debian_version') || /debian|ubuntu/i.test(readOptional('/etc/os-release'));
  return isRoot && isDebian && isExecutable('/usr/bin/apt-get');
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The Chromium executable, installed from Debian's packages first where we may. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (!isDebianRootWithApt()) throw new Error(HOW_TO_INSTALL);
  log(
    'Chromium not found: installing Debian\'s "chromium" package (apt-get update && apt-get install -y chromium)…',
  );
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env: environment });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: environment });
  const installed = findChromium();
  if (!installed)
    throw new Error(`apt-get installed "chromium" but no executable appeared.\n${HOW_TO_INSTALL}`);
  return installed;
}

/** Flags for a quiet, reproducible headless run inside containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
