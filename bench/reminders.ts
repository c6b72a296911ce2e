/**
 * `npx tsx bench/reminders.ts`: one reminder run's compute at Sheets scale (10,000 key results
 * owned by 300 people, 500,000 check-ins): parse the tables, plan who gets what, and build every
 * email. Apps Script gives a run 6 minutes and the add-on stops sending after 4½, so the compute
 * must stay a small share of that: target under 5 s here (Apps Script's V8 is slower than Node).
 */
import { planReminders } from '../src/core/reminders';
import { reminderEmail } from '../src/core/reminderEmail';
import { defaultSettings } from '../src/workbook/settings';
import { parseCheckIns, parseKeyResults } from '../src/workbook/tables';
import { checkInValues, keyResultValues, type WorkbookSize } from './workbook';

const SIZE: WorkbookSize = { objectives: 2_000, keyResults: 10_000, checkIns: 500_000 };
const TARGET_MS = 5_000;
const RUNS = 3;

// The last Friday of the synthetic cycle (1 October to 31 December 2026; check-ins span 90 days),
// so that most owners have key results without a check-in this period.
const now = new Date('2026-12-25T09:30:00Z');
const keyResultSheet = keyResultValues(SIZE);
const checkInSheet = checkInValues(SIZE);
const settings = { ...defaultSettings(now), cycleName: '', checkInDay: 'Friday' as const };

function run(): { emails: number; htmlBytes: number } {
  const keyResults = parseKeyResults(keyResultSheet).rows;
  const checkIns = parseCheckIns(checkInSheet).rows;
  const plan = planReminders(
    {
      settings,
      objectives: [],
      keyResults,
      recentCheckIns: checkIns,
      log: [],
      now,
      timeZone: 'Europe/Berlin',
    },
    'daily',
  );
  const context = {
    spreadsheetName: 'Bench OKRs',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/bench/edit',
    cycleName: settings.cycleName,
    periodStart: plan.period.start,
    timeZone: 'Europe/Berlin',
  };
  let htmlBytes = 0;
  for (const reminder of plan.reminders)
    htmlBytes += reminderEmail(reminder, context).htmlBody.length;
  return { emails: plan.reminders.length, htmlBytes };
}

const timings: number[] = [];
let result = run();
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  result = run();
  timings.push(performance.now() - started);
}
const best = Math.min(...timings);
console.log(
  `reminder run at ${SIZE.keyResults.toLocaleString('en')} KRs / ${SIZE.checkIns.toLocaleString('en')} check-ins: ` +
    `best ${best.toFixed(0)} ms of ${RUNS} (target < ${TARGET_MS} ms), ${result.emails} emails, ` +
    `${(result.htmlBytes / 1024).toFixed(0)} KiB of HTML`,
);
if (best > TARGET_MS) {
  console.error(`Too slow: ${best.toFixed(0)} ms is over the ${TARGET_MS} ms target.`);
  process.exitCode = 1;
}
