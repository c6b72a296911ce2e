import { describe, expect, it } from 'vitest';
import {
  digestEmail,
  formatDay,
  reminderEmail,
  type EmailContext,
} from '../../../src/core/reminderEmail';
import type { Outlook } from '../../../src/core/forecast';
import type { KeyResultLine } from '../../../src/core/reminders';

const context: EmailContext = {
  spreadsheetName: 'Team OKRs',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc123/edit',
  cycleName: '2026 Q4',
  periodStart: new Date('2026-11-23T00:00:00Z'),
  timeZone: 'Etc/UTC',
};

const line = (overrides: Partial<KeyResultLine> = {}): KeyResultLine => ({
  id: 'KR1',
  title: 'Grow weekly active users from 0 to 100',
  objectiveId: 'O1',
  objectiveTitle: 'Delight new users',
  owner: 'ana@example.com',
  unit: 'users',
  current: 40,
  target: 100,
  progress: 0.4,
  planned: 0.58,
  status: 'At risk',
  lastCheckIn: new Date('2026-11-16T10:00:00Z'),
  forecast: null,
  ...overrides,
});

/** The worked example's outlook: 58% by 31 Mar, 80 users to go in 30 days from 1 March. */
const outlook = (overrides: Partial<Outlook> = {}): Outlook => ({
  progress: 0.576,
  dueDate: new Date('2026-03-31T00:00:00Z'),
  neededPerWeek: 80 / (30 / 7),
  goal: 100,
  percentage: false,
  overdue: false,
  reached: false,
  ...overrides,
});

describe('reminderEmail', () => {
  it('heads the email with the add-on and the sheet name as written, never repeating the add-on name', () => {
    const headOf = (spreadsheetName: string) =>
      reminderEmail(
        { recipient: 'ana@example.com', keyResults: [line()] },
        {
          ...context,
          spreadsheetName,
        },
      ).htmlBody;
    expect(headOf('Team OKRs')).toContain('>OKR Cadence · Team OKRs</td>');
    expect(headOf('OKR Cadence (emulated)')).toContain('>OKR Cadence (emulated)</td>');
    expect(headOf('OKR Cadence (emulated)')).not.toMatch(/OKR Cadence ·/);
    expect(headOf('Team OKRs')).not.toContain('uppercase');
  });

  it('lists each KR with progress, planned, status, last check-in and a link to the sheet', () => {
    const email = reminderEmail({ recipient: 'ana@example.com', keyResults: [line()] }, context);
    expect(email.to).toBe('ana@example.com');
    expect(email.subject).toBe('Check-in due: 1 key result in Team OKRs');
    for (const part of [email.htmlBody, email.body]) {
      expect(part).toContain('Grow weekly active users from 0 to 100');
      expect(part).toContain('40%');
      expect(part).toContain('58%');
      expect(part).toContain('At risk');
      expect(part).toContain('Mon 16 Nov 2026');
    }
    expect(email.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/abc123/edit"');
    expect(email.body).toContain('https://docs.google.com/spreadsheets/d/abc123/edit');
  });

  it('escapes every cell value in the HTML part', () => {
    const email = reminderEmail(
      {
        recipient: 'ana@example.com',
        keyResults: [
          line({
            id: 'KR"<1>',
            title: '<script>alert(1)</script>',
            objectiveTitle: '<img src=x onerror=alert(2)>',
          }),
        ],
      },
      { ...context, spreadsheetName: 'Q4 & <b>OKRs</b>', cycleName: '<i>Q4</i>' },
    );
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.htmlBody).not.toContain('<img');
    expect(email.htmlBody).not.toContain('<b>OKRs');
    expect(email.htmlBody).not.toContain('<i>Q4');
    expect(email.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.htmlBody).toContain('KR&quot;&lt;1&gt;');
    expect(email.htmlBody).toContain('Q4 &amp; &lt;b&gt;OKRs&lt;/b&gt;');
    expect(email.body).toContain('<script>alert(1)</script>');
  });

  it('links only to https addresses', () => {
    const email = reminderEmail(
      { recipient: 'ana@example.com', keyResults: [line()] },
      { ...context, spreadsheetUrl: 'javascript:alert(1)' },
    );
    expect(email.htmlBody).not.toContain('javascript:');
    expect(email.htmlBody).not.toContain('<a ');
  });

  it('says never for a KR without check-ins and a dash for unscored progress', () => {
    const email = reminderEmail(
      {
        recipient: 'ana@example.com',
        keyResults: [line({ lastCheckIn: null, progress: null, planned: null, status: '' })],
      },
      context,
    );
    expect(email.body).toContain('Progress – · planned – · no status · last check-in never');
  });
});

describe('the forecast sentence in the emails', () => {
  const bodies = (forecast: Outlook | null, overrides: Partial<KeyResultLine> = {}) => {
    const email = reminderEmail(
      { recipient: 'ana@example.com', keyResults: [line({ forecast, ...overrides })] },
      context,
    );
    return [email.body, email.htmlBody];
  };

  it('says where each key result lands at this pace and the pace it needs, in both parts', () => {
    for (const part of bodies(outlook())) {
      expect(part).toContain(
        'At this pace: 58% by 31 Mar 2026 · needs +18.7 a week to reach 100 users',
      );
    }
  });

  it('writes a decrease with a minus sign and a percentage key result in points', () => {
    const [decrease] = bodies(outlook({ neededPerWeek: -2, goal: 10 }), { unit: 'bugs' });
    expect(decrease).toContain('needs \u22122.0 a week to reach 10 bugs');
    const [percentage] = bodies(outlook({ neededPerWeek: 0.047, goal: 1, percentage: true }));
    expect(percentage).toContain('needs +4.7 points a week to reach 100%');
  });

  it('explains a key result without enough check-ins, past its due date or already at its goal', () => {
    expect(bodies(outlook({ progress: null }))[0]).toContain(
      'Not enough check-ins to forecast yet',
    );
    expect(bodies(outlook({ overdue: true, neededPerWeek: null }))[0]).toContain(
      'The due date (31 Mar 2026) has passed: at its pace it reached 58%',
    );
    expect(bodies(outlook({ progress: 1, reached: true, neededPerWeek: null }))[0]).toContain(
      'At this pace: 100% by 31 Mar 2026 · 100 users already reached',
    );
  });

  it('says nothing of a forecast for a key result that has none', () => {
    for (const part of bodies(null)) {
      expect(part).not.toContain('At this pace');
      expect(part).not.toContain('forecast');
    }
  });

  it('escapes the unit in the HTML part', () => {
    const [, html] = bodies(outlook(), { unit: '<b>users</b>' });
    expect(html).toContain('to reach 100 &lt;b&gt;users&lt;/b&gt;');
  });
});

describe('digestEmail', () => {
  it('lists at-risk KRs with their owners and who missed the last check-in', () => {
    const email = digestEmail(
      {
        recipient: 'lead@example.com',
        content: {
          atRisk: [line({ status: 'Off track', owner: '<ben@example.com>' })],
          missed: [{ owner: 'ana@example.com', keyResultIds: ['KR1', 'KR2'] }],
          missedPeriod: '2026-11-16',
        },
      },
      context,
    );
    expect(email.subject).toBe(
      'OKR digest for Team OKRs: 1 at risk or off track, 1 missed check-in',
    );
    expect(email.htmlBody).toContain('Off track');
    expect(email.htmlBody).toContain('Owner: &lt;ben@example.com&gt;');
    expect(email.htmlBody).toContain('KR1, KR2');
    expect(email.body).toContain('ana@example.com: KR1, KR2');
  });

  it('gives each at-risk key result its forecast and the pace it needs', () => {
    const email = digestEmail(
      {
        recipient: 'lead@example.com',
        content: {
          atRisk: [line({ forecast: outlook() })],
          missed: [],
          missedPeriod: '2026-11-16',
        },
      },
      context,
    );
    for (const part of [email.body, email.htmlBody])
      expect(part).toContain(
        'At this pace: 58% by 31 Mar 2026 · needs +18.7 a week to reach 100 users',
      );
  });
});

describe('formatDay', () => {
  it('names the calendar day in the spreadsheet time zone', () => {
    expect(formatDay(new Date('2026-11-22T23:30:00Z'), 'Etc/UTC')).toBe('Sun 22 Nov 2026');
    expect(formatDay(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('Mon 23 Nov 2026');
  });
});
