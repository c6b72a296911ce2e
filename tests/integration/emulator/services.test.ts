import { describe, expect, it } from 'vitest';
import { createEmulator, MAIL_QUOTA_MESSAGE } from '../../../preview/emulator/index.js';

describe('LockService', () => {
  it('grants a free lock and reports it held until released', () => {
    const { globals, locks } = createEmulator();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect([lock.hasLock(), locks.isHeld('document')]).toEqual([true, true]);
    lock.releaseLock();
    expect([lock.hasLock(), locks.isHeld('document')]).toEqual([false, false]);
  });

  it('returns false from tryLock on a busy lock after waiting out the timeout', () => {
    const emulator = createEmulator();
    emulator.locks.setBusy('document');
    const before = emulator.clock.now();
    const lock = emulator.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(emulator.clock.now() - before).toBe(5000);
  });

  it('throws from waitLock on a busy lock with the Apps Script message', () => {
    const emulator = createEmulator();
    emulator.locks.setBusy('script');
    expect(() => emulator.globals.LockService.getScriptLock().waitLock(1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  it("lets a test write another user's rows while the script waits, then grants the lock", () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    emulator.locks.setBusy('document');
    emulator.locks.onWait = (kind) => {
      sheet.appendRow(['written by the other user']);
      emulator.locks.setBusy(kind, false);
    };
    expect(emulator.globals.LockService.getDocumentLock().tryLock(10_000)).toBe(true);
    expect(sheet.getRange('A1').getValue()).toBe('written by the other user');
    expect(emulator.locks.attempts).toEqual([
      { kind: 'document', granted: true, timeoutInMillis: 10_000 },
    ]);
  });

  it('keeps the kinds of lock apart', () => {
    const emulator = createEmulator();
    emulator.locks.setBusy('user');
    expect(emulator.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(emulator.globals.LockService.getUserLock().tryLock(0)).toBe(false);
  });
});

describe('MailApp', () => {
  it('sends in the object form and the positional forms to the outbox', () => {
    const emulator = createEmulator({ now: '2026-01-09T09:00:00Z', user: 'ana@example.com' });
    const mail = emulator.globals.MailApp;
    mail.sendEmail({
      to: 'bo@example.com',
      subject: 'Check in',
      body: 'text',
      htmlBody: '<p>html</p>',
    });
    mail.sendEmail('cy@example.com', 'Reminder', 'Please check in', {
      cc: 'lead@example.com',
      name: 'OKR Cadence',
    });
    mail.sendEmail('di@example.com', 'reply@example.com', 'Digest', 'body');
    expect(emulator.outbox.map((m) => [m.to, m.cc, m.replyTo, m.subject, m.name, m.from])).toEqual([
      ['bo@example.com', '', '', 'Check in', '', 'ana@example.com'],
      ['cy@example.com', 'lead@example.com', '', 'Reminder', 'OKR Cadence', 'ana@example.com'],
      ['di@example.com', '', 'reply@example.com', 'Digest', '', 'ana@example.com'],
    ]);
    expect(emulator.outbox[0]!.at).toBe(Date.parse('2026-01-09T09:00:00Z'));
  });

  it('uses one unit of quota per recipient and throws when it runs out, sending nothing', () => {
    const emulator = createEmulator({ mailQuota: 2 });
    const mail = emulator.globals.MailApp;
    mail.sendEmail('a@example.com', 'One', 'body');
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail('b@example.com', 'Two', 'body', { cc: 'c@example.com' })).toThrow(
      MAIL_QUOTA_MESSAGE,
    );
    expect(emulator.outbox).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(1);
  });

  it('rejects a malformed address', () => {
    const emulator = createEmulator();
    expect(() => emulator.globals.MailApp.sendEmail('not an address', 'x', 'y')).toThrow(
      'Invalid email: not an address',
    );
  });
});

describe('PropertiesService and CacheService', () => {
  it('keeps script, document and per-user properties apart, as strings', () => {
    const emulator = createEmulator({ user: 'ana@example.com' });
    const service = emulator.globals.PropertiesService;
    service.getScriptProperties().setProperty('k', 'script');
    service.getDocumentProperties().setProperty('k', 'document');
    service
      .getUserProperties()
      .setProperty('k', 'ana')
      .setProperty('n', 5 as unknown as string);
    emulator.setActiveUser('bo@example.com');
    expect(service.getUserProperties().getProperty('k')).toBeNull();
    emulator.setActiveUser('ana@example.com');
    expect(service.getUserProperties().getProperties()).toEqual({ k: 'ana', n: '5' });
    expect(service.getScriptProperties().getProperty('k')).toBe('script');
    expect(service.getDocumentProperties().getProperty('k')).toBe('document');
  });

  it('expires cache entries by the emulated clock', () => {
    const emulator = createEmulator();
    const cache = emulator.globals.CacheService.getScriptCache();
    cache.put('a', '1', 60);
    cache.put('b', '2');
    emulator.clock.advance(61_000);
    expect([cache.get('a'), cache.get('b')]).toEqual([null, '2']);
    emulator.clock.advance(600_000);
    expect(cache.get('b')).toBeNull();
  });
});

describe('Session and Utilities', () => {
  it('reports the active user and switches it for multi-user tests', () => {
    const emulator = createEmulator({ user: 'ana@example.com', timeZone: 'Europe/Paris' });
    const session = emulator.globals.Session;
    expect([session.getActiveUser().getEmail(), session.getScriptTimeZone()]).toEqual([
      'ana@example.com',
      'Europe/Paris',
    ]);
    const anaKey = session.getTemporaryActiveUserKey();
    emulator.setActiveUser('bo@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('bo@example.com');
    expect(session.getTemporaryActiveUserKey()).not.toBe(anaKey);
  });

  it('formats dates with Java patterns in a time zone', () => {
    const { globals } = createEmulator();
    const instant = new Date(Date.UTC(2026, 0, 9, 23, 5, 7));
    expect(globals.Utilities.formatDate(instant, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '2026-01-09 23:05:07',
    );
    expect(
      globals.Utilities.formatDate(instant, 'Europe/Berlin', "EEE, d MMM yyyy 'at' h:mm a"),
    ).toBe('Sat, 10 Jan 2026 at 12:05 AM');
    expect(globals.Utilities.formatDate(instant, 'America/New_York', 'EEEE MMMM dd, Z XXX')).toBe(
      'Friday January 09, -0500 -05:00',
    );
  });

  it('sleeps by moving the clock', () => {
    const emulator = createEmulator();
    const before = emulator.clock.now();
    emulator.globals.Utilities.sleep(1500);
    expect(emulator.clock.now() - before).toBe(1500);
  });

  it('makes distinct UUIDs and simple blobs', () => {
    const { globals } = createEmulator();
    expect(globals.Utilities.getUuid()).not.toBe(globals.Utilities.getUuid());
    const blob = globals.Utilities.newBlob('héllo', 'text/plain', 'a.txt');
    expect([
      blob.getDataAsString(),
      blob.getContentType(),
      blob.getName(),
      blob.getBytes().length,
    ]).toEqual(['héllo', 'text/plain', 'a.txt', 6]);
  });
});

describe('HtmlService and Ui', () => {
  it('reads pages from the dist directory and records sidebars with their size and title', () => {
    const emulator = createEmulator({ distDir: new URL('./pages', import.meta.url).pathname });
    const output = emulator.globals.HtmlService.createHtmlOutputFromFile('Hello')
      .setTitle('OKR Cadence')
      .setWidth(300);
    emulator.globals.SpreadsheetApp.getUi().showSidebar(output);
    expect(emulator.ui.pages).toHaveLength(1);
    expect(emulator.ui.pages[0]!.kind).toBe('sidebar');
    expect(emulator.ui.pages[0]!.title).toBe('OKR Cadence');
    expect(emulator.ui.pages[0]!.output.getContent()).toContain('<h1>Hello</h1>');
    expect(() => emulator.globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('evaluates template scriptlets, escaping <?= ?> output', () => {
    const { globals } = createEmulator();
    const template = globals.HtmlService.createTemplate(
      '<p><?= name ?></p><? for (let i = 0; i < 2; i++) { ?><i><?!= raw ?></i><? } ?>',
    );
    template.name = '<b>Ana</b>';
    template.raw = '<br>';
    expect(template.evaluate().getContent()).toBe(
      '<p>&lt;b&gt;Ana&lt;/b&gt;</p><i><br></i><i><br></i>',
    );
  });

  it('answers alerts and prompts from scripted responses', () => {
    const emulator = createEmulator();
    const ui = emulator.globals.SpreadsheetApp.getUi();
    emulator.ui.responses.push({ button: 'YES' }, { button: 'OK', text: 'Q3 2026' });
    expect(ui.alert('Close cycle', 'Archive scores?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const answer = ui.prompt('Next cycle', 'Name of the next cycle', ui.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual(['OK', 'Q3 2026']);
    expect(ui.alert('Done')).toBe('OK');
    expect(emulator.ui.alerts.map((a) => a.prompt)).toEqual(['Archive scores?', 'Done']);
  });

  it('records an add-on menu with a submenu, replacing it when built again', () => {
    const emulator = createEmulator();
    const ui = emulator.globals.SpreadsheetApp.getUi();
    for (let i = 0; i < 2; i++) {
      ui.createAddonMenu()
        .addItem('Set up', 'setUpWorkbook')
        .addSeparator()
        .addSubMenu(ui.createMenu('Reminders').addItem('Turn on', 'turnOnReminders'))
        .addToUi();
    }
    expect(emulator.ui.menus).toEqual([
      {
        kind: 'addon',
        caption: '',
        entries: [
          { kind: 'item', caption: 'Set up', functionName: 'setUpWorkbook' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: 'Reminders',
            entries: [{ kind: 'item', caption: 'Turn on', functionName: 'turnOnReminders' }],
          },
        ],
      },
    ]);
  });
});
