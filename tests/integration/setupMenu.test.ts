import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MenuEntry } from '../../preview/emulator/index';
import { emulatorWith } from './setupHelpers';

function functionNamesOf(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((entry) =>
    entry.kind === 'item'
      ? [entry.functionName]
      : entry.kind === 'submenu'
        ? functionNamesOf(entry.entries)
        : [],
  );
}

describe('the add-on menu', () => {
  it('is built in AuthMode.NONE without touching anything else', () => {
    const emulator = emulatorWith();
    emulator.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(emulator.ui.menus).toHaveLength(1);
    expect(emulator.ui.menus[0]!.kind).toBe('addon');
  });

  it('has the items of the specification in order (extra items allowed)', () => {
    const emulator = emulatorWith();
    emulator.callWith({ authMode: 'NONE' }, 'onOpen');
    const specified = [
      'Set up OKR workbook',
      'Load example OKRs',
      'Check in…',
      'Build dashboard',
      'Check OKR health',
      'Reminders',
      'Close cycle…',
      'Help',
    ];
    const entries = emulator.ui.menus[0]!.entries;
    const captions = entries.flatMap((entry) =>
      entry.kind === 'separator' ? [] : [entry.caption],
    );
    expect(captions.filter((caption) => specified.includes(caption))).toEqual(specified);
    const reminders = entries.find(
      (entry) => entry.kind === 'submenu' && entry.caption === 'Reminders',
    );
    const reminderItems = reminders?.kind === 'submenu' ? reminders.entries : [];
    expect(
      reminderItems.flatMap((entry) => (entry.kind === 'item' ? [entry.caption] : [])),
    ).toEqual(
      expect.arrayContaining([
        'Turn on weekly reminders',
        'Send reminders now',
        'Preview reminders',
        'Turn off',
      ]),
    );
  });

  it('names only real, public top-level functions of the bundle', () => {
    const emulator = emulatorWith();
    emulator.callWith({ authMode: 'NONE' }, 'onOpen');
    const names = functionNamesOf(emulator.ui.menus[0]!.entries);
    expect(names.length).toBeGreaterThanOrEqual(11);
    const bundleFunctions = new Set(emulator.functionNames());
    expect(names.filter((name) => !bundleFunctions.has(name) || name.endsWith('_'))).toEqual([]);
  });

  it('is built the same way on install', () => {
    const emulator = emulatorWith();
    emulator.callWith({ authMode: 'NONE' }, 'onInstall', { authMode: 'NONE' });
    expect(functionNamesOf(emulator.ui.menus[0]!.entries)).toContain('setUpWorkbook');
  });
});

describe('Help', () => {
  it('opens a sidebar with the guide and every custom function, pointing nowhere outside Sheets', () => {
    const emulator = emulatorWith();
    emulator.call('showHelp');
    expect(emulator.ui.alerts).toHaveLength(0);
    const page = emulator.ui.pages.at(-1)!;
    expect(page.kind).toBe('sidebar');
    expect(page.title).toBe('OKR Cadence help');
    const html = page.output.getContent();
    const customFunctions = [
      ...readFileSync('dist/Code.js', 'utf8').matchAll(
        /@customfunction[\s\S]*?\nfunction (\w+)\(/g,
      ),
    ].map((match) => match[1]!);
    expect(customFunctions).toContain('OKRFORECAST');
    for (const name of customFunctions) expect(html).toContain(`<h3><code>=${name}(`);
    expect(html).toContain('Check in…');
    expect(html).not.toContain('docs folder');
  });
});
