/**
 * The example OKRs "Load example OKRs" writes: one cycle of a small company with three teams
 * (Product, Engineering, Sales), company objectives with aligned team objectives, every KR type,
 * weekly check-ins with Progress / Plans / Problems, and one objective (Sales) clearly behind
 * plan. Everything is dated relative to `today`, so planned progress makes sense whenever the
 * example is loaded: it uses the Settings cycle when today is at least three weeks into it, and
 * otherwise a 13-week cycle that started about six and a half weeks ago.
 */
import { WEEKDAYS, type OkrSettings, type Weekday } from '../core/settings';
import type { KeyResultType, MeasuredValue, ObjectiveKind } from '../core/types';
import { addDays, daysBetween, startOfDay, weekdayOf } from '../core/wallClock';

export type ExampleRecord = Record<string, unknown>;

export interface ExampleOkrs {
  cycleStart: Date;
  cycleEnd: Date;
  objectives: ExampleRecord[];
  keyResults: ExampleRecord[];
  checkIns: ExampleRecord[];
  milestones: ExampleRecord[];
  initiatives: ExampleRecord[];
  kpis: ExampleRecord[];
}

interface ExampleObjective {
  id: string;
  title: string;
  owner: string;
  team: string;
  parentId: string;
  kind: ObjectiveKind;
  priority: string;
  notes: string;
}

interface ExampleKeyResult {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  type: KeyResultType;
  unit: string;
  start: number | '';
  target: number | '';
  weight: number | '';
  keyResultClass: string;
  category: string;
  impact: string;
  effort: string;
  /** The measured value when `elapsed` (0–1) of the cycle has passed. */
  valueAt: (elapsed: number) => MeasuredValue;
  /** Owner confidence (0–10) at check-in `week` (0-based). */
  confidence: readonly number[];
  progress: readonly string[];
  plans: readonly string[];
  problems: readonly string[];
  learnings?: Readonly<Record<number, string>>;
  /** Check-in weeks (0-based) the owner skipped, so the health check has something to find. */
  missedWeeks?: readonly number[];
}

const CYCLE_DAYS = 90;
const DAYS_BEFORE_TODAY = 45;
/** Fewer elapsed days in the Settings cycle would leave too few check-ins to show. */
const MIN_ELAPSED_DAYS = 21;
const CHECK_IN_HOUR = 16;

const OWNERS = {
  ceo: 'avery@example.com',
  product: 'maya@example.com',
  design: 'priya@example.com',
  engineering: 'li@example.com',
  platform: 'tom@example.com',
  sales: 'sam@example.com',
  success: 'jordan@example.com',
};

/** A straight line from `from` to `to` over the cycle, scaled by `pace` (1 = on plan). */
const linear =
  (from: number, to: number, pace: number, decimals = 0) =>
  (elapsed: number): number => {
    const value = from + (to - from) * Math.min(1, elapsed * pace);
    const scale = 10 ** decimals;
    return Math.round(value * scale) / scale;
  };

/** A weekly series read at the week that `elapsed` falls in. */
const series =
  (values: readonly number[]) =>
  (elapsed: number): number =>
    values[Math.min(values.length - 1, Math.floor(elapsed * 13))]!;

const OBJECTIVES: readonly ExampleObjective[] = [
  {
    id: 'CO1',
    title: 'Become the planning tool small teams reach for first',
    owner: OWNERS.ceo,
    team: 'Company',
    parentId: '',
    kind: 'committed',
    priority: 'P1',
    notes: 'Company objective for the cycle; every team aligns at least one objective with it.',
  },
  {
    id: 'CO2',
    title: 'Delight customers so they stay and tell their friends',
    owner: OWNERS.ceo,
    team: 'Company',
    parentId: '',
    kind: 'aspirational',
    priority: 'P2',
    notes: 'Stretch goal: 0.7 would be a great result.',
  },
  {
    id: 'PR1',
    title: 'Make the first week with the product effortless',
    owner: OWNERS.product,
    team: 'Product',
    parentId: 'CO1',
    kind: 'committed',
    priority: 'P1',
    notes: 'New teams who plan in week one stay; those who do not, leave.',
  },
  {
    id: 'EN1',
    title: 'Run a fast and trustworthy product',
    owner: OWNERS.engineering,
    team: 'Engineering',
    parentId: 'CO2',
    kind: 'committed',
    priority: 'P1',
    notes: '',
  },
  {
    id: 'EN2',
    title: 'Find out whether a planning assistant helps teams',
    owner: OWNERS.platform,
    team: 'Engineering',
    parentId: 'CO1',
    kind: 'experimental',
    priority: 'P3',
    notes: 'Experiment: we decide at the end of the cycle whether to continue.',
  },
  {
    id: 'SA1',
    title: 'Grow revenue from small teams',
    owner: OWNERS.sales,
    team: 'Sales',
    parentId: 'CO1',
    kind: 'aspirational',
    priority: 'P1',
    notes: 'Behind plan: the new pricing page shipped late.',
  },
];

const KEY_RESULTS: readonly ExampleKeyResult[] = [
  {
    id: 'CO1-KR1',
    objectiveId: 'CO1',
    title: 'Grow weekly active teams from 1,200 to 2,000',
    owner: OWNERS.ceo,
    type: 'increase',
    unit: 'teams',
    start: 1200,
    target: 2000,
    weight: 2,
    keyResultClass: 'lagging',
    category: 'outcome',
    impact: 'high',
    effort: 'high',
    valueAt: linear(1200, 2000, 1.05),
    confidence: [7, 7, 7, 8, 8, 8, 8],
    progress: [
      'Steady growth from the referral programme.',
      'Best week so far after the newsletter.',
      'Growth held up.',
    ],
    plans: [
      'Launch the team template gallery.',
      'Partner webinar with two agencies.',
      'Review referral rewards.',
    ],
    problems: ['', 'Sign-ups from ads are falling.', ''],
    learnings: { 3: 'Templates bring in teams that stay; ads bring visitors that leave.' },
  },
  {
    id: 'CO1-KR2',
    objectiveId: 'CO1',
    title: 'Grow paying teams from 300 to 450',
    owner: OWNERS.ceo,
    type: 'increase',
    unit: 'teams',
    start: 300,
    target: 450,
    weight: '',
    keyResultClass: 'lagging',
    category: 'outcome',
    impact: 'high',
    effort: 'high',
    valueAt: linear(300, 450, 0.85),
    confidence: [7, 6, 6, 6, 7, 6, 6],
    progress: [
      'A few upgrades from the annual plan offer.',
      'Upgrades steady.',
      'Two agencies moved to paid.',
    ],
    plans: [
      'Follow up with trial teams in week 3.',
      'Test an upgrade prompt in the planner.',
      'Agency bundle.',
    ],
    problems: ['Upgrade prompt is still in design.', '', 'Sales capacity is tight.'],
  },
  {
    id: 'CO2-KR1',
    objectiveId: 'CO2',
    title: 'Cut monthly customer churn from 4% to 2%',
    owner: OWNERS.success,
    type: 'decrease',
    unit: '%',
    start: 4,
    target: 2,
    weight: '',
    keyResultClass: 'lagging',
    category: 'outcome',
    impact: 'high',
    effort: 'high',
    valueAt: linear(4, 2, 0.9, 1),
    confidence: [6, 6, 7, 7, 7, 7, 7],
    progress: [
      'Exit interviews with every cancelling team.',
      'Churn down after onboarding calls.',
      'Stable.',
    ],
    plans: [
      'Onboarding call for every new paid team.',
      'Health score alerts for the success team.',
      'Keep going.',
    ],
    problems: ['', 'Exit survey answer rate is low.', ''],
    missedWeeks: [3],
  },
  {
    id: 'CO2-KR2',
    objectiveId: 'CO2',
    title: 'Keep NPS at 40 or above',
    owner: OWNERS.success,
    type: 'at least',
    unit: 'NPS',
    start: '',
    target: 40,
    weight: '',
    keyResultClass: 'lagging',
    category: 'outcome',
    impact: 'medium',
    effort: 'low',
    valueAt: series([42, 41, 44, 39, 43, 45, 44, 44, 44, 44, 44, 44, 44, 44]),
    confidence: [8, 8, 8, 7, 8, 8, 8],
    progress: [
      'Survey sent to all active teams.',
      'Detractors mention the mobile app.',
      'Back above 40.',
    ],
    plans: [
      'Share detractor themes with Product.',
      'Close the loop with every detractor.',
      'Next survey.',
    ],
    problems: ['', 'Dipped below 40 this week.', ''],
  },
  {
    id: 'PR1-KR1',
    objectiveId: 'PR1',
    title: 'Cut onboarding drop-off from 45% to 25%',
    owner: OWNERS.product,
    type: 'decrease',
    unit: '%',
    start: 45,
    target: 25,
    weight: '',
    keyResultClass: 'leading',
    category: 'output',
    impact: 'high',
    effort: 'low',
    valueAt: linear(45, 25, 1.1),
    confidence: [6, 7, 7, 8, 8, 8, 8],
    progress: [
      'Removed two steps from sign-up.',
      'New welcome checklist is live.',
      'Drop-off keeps falling.',
    ],
    plans: [
      'A/B test the invite step.',
      'Add sample data to new workspaces.',
      'Measure checklist completion.',
    ],
    problems: ['Analytics event for step 3 was missing.', '', ''],
    learnings: { 2: 'Sample data halves the time to the first plan.' },
  },
  {
    id: 'PR1-KR2',
    objectiveId: 'PR1',
    title: 'Launch the new onboarding flow (5 milestones)',
    owner: OWNERS.design,
    type: 'milestone',
    unit: 'milestones',
    start: 0,
    target: 5,
    weight: '',
    keyResultClass: 'activity',
    category: 'output',
    impact: 'medium',
    effort: 'medium',
    valueAt: (elapsed) => Math.min(5, Math.floor(elapsed / 0.15)),
    confidence: [8, 8, 7, 7, 7, 8, 8],
    progress: ['Research synthesis done.', 'Prototype tested with five teams.', 'Build under way.'],
    plans: ['Finish the prototype.', 'Start the build.', 'Beta with 20 teams.'],
    problems: ['', 'Copy review is waiting on Marketing.', ''],
  },
  {
    id: 'PR1-KR3',
    objectiveId: 'PR1',
    title: 'Raise week-one activation from 30% to 50%',
    owner: OWNERS.product,
    type: 'increase',
    unit: '%',
    start: 30,
    target: 50,
    weight: '',
    keyResultClass: 'leading',
    category: 'outcome',
    impact: 'high',
    effort: 'medium',
    valueAt: linear(30, 50, 0.95),
    confidence: [6, 6, 7, 7, 7, 7, 7],
    progress: [
      'Activation defined as "first plan shared".',
      'Up after the checklist launch.',
      'Holding.',
    ],
    plans: [
      'Nudge email on day 2.',
      'In-app tips for the planner.',
      'Interview teams that did not activate.',
    ],
    problems: ['', '', 'Day-2 email lands in spam for some domains.'],
  },
  {
    id: 'EN1-KR1',
    objectiveId: 'EN1',
    title: 'Keep p95 page load at 800 ms or less',
    owner: OWNERS.engineering,
    type: 'at most',
    unit: 'ms',
    start: 1200,
    target: 800,
    weight: '',
    keyResultClass: 'leading',
    category: 'output',
    impact: 'high',
    effort: 'medium',
    valueAt: linear(1200, 780, 1.2, -1),
    confidence: [6, 6, 7, 7, 8, 8, 8],
    progress: ['Added caching for the planner view.', 'Bundle size down 30%.', 'p95 below 900 ms.'],
    plans: [
      'Lazy-load the reports page.',
      'Move images to the CDN.',
      'Profile the slowest queries.',
    ],
    problems: ['Slow queries on large workspaces.', '', ''],
  },
  {
    id: 'EN1-KR2',
    objectiveId: 'EN1',
    title: 'Have 100% of engineers complete security training',
    owner: OWNERS.platform,
    type: 'percentage',
    unit: '%',
    start: 0,
    target: 1,
    weight: '',
    keyResultClass: 'activity',
    category: 'input',
    impact: 'medium',
    effort: 'low',
    valueAt: linear(0, 1, 1.3, 2),
    confidence: [9, 9, 9, 9, 9, 9, 9],
    progress: ['Course booked.', 'Half the team finished.', 'Most of the team finished.'],
    plans: ['Remind stragglers.', 'Add the course to onboarding.', 'Certificates to HR.'],
    problems: ['', '', ''],
  },
  {
    id: 'EN1-KR3',
    objectiveId: 'EN1',
    title: 'Switch on zero-downtime deploys for every service',
    owner: OWNERS.platform,
    type: 'binary',
    unit: '',
    start: '',
    target: '',
    weight: '',
    keyResultClass: 'activity',
    category: 'output',
    impact: 'medium',
    effort: 'medium',
    valueAt: (elapsed) => elapsed >= 0.4,
    confidence: [7, 7, 8, 9, 10, 10, 10],
    progress: ['Blue-green set up for the API.', '', 'All services switched over.'],
    plans: ['Migrate the worker services.', '', 'Write the runbook.'],
    problems: ['Database migrations need a new process.', '', ''],
  },
  {
    id: 'EN2-KR1',
    objectiveId: 'EN2',
    title: 'Run 12 user tests of the assistant prototype',
    owner: OWNERS.platform,
    type: 'task',
    unit: 'tests',
    start: '',
    target: 12,
    weight: '',
    keyResultClass: 'activity',
    category: 'input',
    impact: 'low',
    effort: 'low',
    valueAt: linear(0, 12, 1),
    confidence: [7, 7, 7, 7, 7, 7, 7],
    progress: [
      'Recruited testers from the beta list.',
      'Tests going well.',
      'Patterns are emerging.',
    ],
    plans: ['Book four sessions.', 'Share clips with the team.', 'Write up the findings.'],
    problems: ['', 'Two no-shows.', ''],
    learnings: { 4: 'Teams want the assistant to draft key results, not objectives.' },
  },
  {
    id: 'EN2-KR2',
    objectiveId: 'EN2',
    title: 'Measure how many plans use the assistant each week',
    owner: OWNERS.platform,
    type: 'baseline',
    unit: 'plans',
    start: '',
    target: '',
    weight: '',
    keyResultClass: 'leading',
    category: 'outcome',
    impact: 'low',
    effort: 'low',
    valueAt: series([0, 12, 18, 15, 21, 24, 22, 22, 22, 22, 22, 22, 22, 22]),
    confidence: [8, 8, 8, 8, 8, 8, 8],
    progress: ['Tracking switched on.', 'Numbers coming in.', 'Usage is steady.'],
    plans: [
      'Check the event is not double counted.',
      'Compare with plans per team.',
      'Set a target next cycle.',
    ],
    problems: ['', '', ''],
  },
  {
    id: 'SA1-KR1',
    objectiveId: 'SA1',
    title: 'Grow monthly recurring revenue from $40k to $60k',
    owner: OWNERS.sales,
    type: 'increase',
    unit: '$k',
    start: 40,
    target: 60,
    weight: 2,
    keyResultClass: 'lagging',
    category: 'outcome',
    impact: 'high',
    effort: 'high',
    valueAt: linear(40, 60, 0.3, 1),
    confidence: [6, 5, 5, 4, 4, 3, 3],
    progress: ['Two new annual deals.', 'Slow month.', 'Pipeline is thin.'],
    plans: [
      'Launch the new pricing page.',
      'Outbound campaign to agencies.',
      'Ask CO1 owners for help.',
    ],
    problems: [
      'Pricing page slipped two weeks.',
      'Lost a big deal to a competitor.',
      'Only one salesperson.',
    ],
    learnings: { 5: 'Small teams buy after a trial, not after a demo.' },
  },
  {
    id: 'SA1-KR2',
    objectiveId: 'SA1',
    title: 'Close 30 new small-team deals',
    owner: OWNERS.sales,
    type: 'increase',
    unit: 'deals',
    start: 0,
    target: 30,
    weight: '',
    keyResultClass: 'lagging',
    category: 'output',
    impact: 'high',
    effort: 'medium',
    valueAt: linear(0, 30, 0.4),
    confidence: [6, 5, 5, 4, 4, 4, 3],
    progress: [
      'First deals from the webinar.',
      'One deal this week.',
      'Trials are converting slowly.',
    ],
    plans: ['Follow up every trial within a day.', 'Second webinar.', 'Trial extension offer.'],
    problems: ['Demo no-shows.', 'Trials stall at the invite step.', 'Deals need budget sign-off.'],
  },
  {
    id: 'SA1-KR3',
    objectiveId: 'SA1',
    title: 'Keep trial-to-paid conversion at 12% or above',
    owner: OWNERS.sales,
    type: 'at least',
    unit: '%',
    start: '',
    target: 12,
    weight: '',
    keyResultClass: 'leading',
    category: 'outcome',
    impact: 'medium',
    effort: 'medium',
    valueAt: series([9, 8, 7, 6, 5.5, 5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5]),
    confidence: [5, 5, 4, 4, 3, 3, 3],
    progress: ['Measured for the first time.', 'Conversion falling.', 'Still falling.'],
    plans: [
      'Review the trial emails.',
      'Pair with Product on the invite step.',
      'Call every trial team.',
    ],
    problems: [
      'Trials do not reach the planner.',
      'No owner for trial emails.',
      'Conversion below 8%.',
    ],
  },
];

const MILESTONES: readonly string[] = [
  'Research synthesis',
  'Prototype tested with five teams',
  'Build the new flow',
  'Beta with 20 teams',
  'Launch to everyone',
];

/** The Monday on or before `date`. */
function mondayOnOrBefore(date: Date): Date {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function atHour(date: Date, hour: number): Date {
  return new Date(startOfDay(date).getTime() + hour * 3_600_000);
}

/** The Settings cycle when today is well inside it, else a cycle about half done. */
function exampleCycle(
  today: Date,
  settings: ExampleSettings,
): { cycleStart: Date; cycleEnd: Date } {
  const { cycleStart, cycleEnd } = settings;
  if (
    cycleStart &&
    cycleEnd &&
    daysBetween(cycleStart, today) >= MIN_ELAPSED_DAYS &&
    daysBetween(today, cycleEnd) >= 0
  ) {
    return { cycleStart, cycleEnd };
  }
  const start = mondayOnOrBefore(addDays(today, -DAYS_BEFORE_TODAY));
  return { cycleStart: start, cycleEnd: addDays(start, CYCLE_DAYS) };
}

/** Every `checkInDay` from the cycle start up to (not including) today. */
function checkInDaysOf(cycleStart: Date, today: Date, checkInDay: Weekday): Date[] {
  const offset = (WEEKDAYS.indexOf(checkInDay) - weekdayOf(cycleStart) + 7) % 7;
  const days: Date[] = [];
  for (let day = addDays(cycleStart, offset); daysBetween(day, today) > 0; day = addDays(day, 7))
    days.push(day);
  return days;
}

export type ExampleSettings = Pick<
  OkrSettings,
  'cycleName' | 'cycleStart' | 'cycleEnd' | 'checkInDay'
>;

/**
 * The example cycle and its records, keyed by the column keys of src/workbook/schema.ts.
 * Objectives carry the Settings cycle name, so reminders and the sidebar count them as the
 * current cycle.
 */
export function exampleOkrs(today: Date, settings: ExampleSettings): ExampleOkrs {
  const { cycleStart, cycleEnd } = exampleCycle(today, settings);
  const cycleDays = Math.max(1, daysBetween(cycleStart, cycleEnd));
  const elapsedOn = (date: Date): number => daysBetween(cycleStart, date) / cycleDays;
  const checkInDays = checkInDaysOf(cycleStart, today, settings.checkInDay);

  const checkIns: ExampleRecord[] = [];
  const keyResults: ExampleRecord[] = KEY_RESULTS.map((keyResult) => {
    const weeks = checkInDays
      .map((day, week) => ({ day, week }))
      .filter(({ week }) => !keyResult.missedWeeks?.includes(week));
    for (const { day, week } of weeks) {
      const line = (lines: readonly string[]): string => lines[week % lines.length]!;
      checkIns.push({
        timestamp: atHour(day, CHECK_IN_HOUR),
        keyResultId: keyResult.id,
        value: keyResult.valueAt(elapsedOn(day)),
        confidence: keyResult.confidence[Math.min(week, keyResult.confidence.length - 1)],
        progress: line(keyResult.progress),
        plans: line(keyResult.plans),
        problems: line(keyResult.problems),
        learnings: keyResult.learnings?.[week] ?? '',
        author: keyResult.owner,
      });
    }
    const latest = weeks[weeks.length - 1];
    return {
      id: keyResult.id,
      objectiveId: keyResult.objectiveId,
      title: keyResult.title,
      owner: keyResult.owner,
      type: keyResult.type,
      unit: keyResult.unit,
      start: keyResult.start,
      target: keyResult.target,
      current: latest ? keyResult.valueAt(elapsedOn(latest.day)) : '',
      startDate: cycleStart,
      dueDate: cycleEnd,
      weight: keyResult.weight,
      confidence: latest
        ? keyResult.confidence[Math.min(latest.week, keyResult.confidence.length - 1)]
        : '',
      keyResultClass: keyResult.keyResultClass,
      category: keyResult.category,
      impact: keyResult.impact,
      effort: keyResult.effort,
      lastCheckIn: latest ? atHour(latest.day, CHECK_IN_HOUR) : '',
    };
  });
  checkIns.sort((a, b) => (a.timestamp as Date).getTime() - (b.timestamp as Date).getTime());

  return {
    cycleStart,
    cycleEnd,
    objectives: OBJECTIVES.map((objective) => ({ ...objective, cycle: settings.cycleName })),
    keyResults,
    checkIns,
    milestones: exampleMilestones(keyResults, checkInDays, elapsedOn),
    initiatives: exampleInitiatives(cycleStart),
    kpis: [
      {
        kpi: 'Uptime',
        owner: OWNERS.engineering,
        unit: '%',
        current: 99.96,
        healthyMin: 99.9,
        healthyMax: '',
        notes: '',
      },
      {
        kpi: 'First support reply',
        owner: OWNERS.success,
        unit: 'hours',
        current: 3.2,
        healthyMin: '',
        healthyMax: 4,
        notes: 'Business hours only.',
      },
      {
        kpi: 'Gross margin',
        owner: OWNERS.ceo,
        unit: '%',
        current: 78,
        healthyMin: 70,
        healthyMax: '',
        notes: '',
      },
      {
        kpi: 'Team happiness',
        owner: OWNERS.ceo,
        unit: '1–5',
        current: 4.1,
        healthyMin: 3.5,
        healthyMax: 5,
        notes: 'Monthly pulse survey.',
      },
    ],
  };
}

/** The checklist of the milestone KR: as many done as its latest check-in counted. */
function exampleMilestones(
  keyResults: readonly ExampleRecord[],
  checkInDays: readonly Date[],
  elapsedOn: (date: Date) => number,
): ExampleRecord[] {
  const milestoneKr = KEY_RESULTS.find((keyResult) => keyResult.type === 'milestone')!;
  const doneCount = Number(
    keyResults.find((keyResult) => keyResult.id === milestoneKr.id)!.current || 0,
  );
  return MILESTONES.map((milestone, index) => {
    const done = index < doneCount;
    const doneDay = checkInDays.find((day) => Number(milestoneKr.valueAt(elapsedOn(day))) > index);
    return {
      keyResultId: milestoneKr.id,
      milestone,
      weight: '',
      done,
      doneDate: done && doneDay ? doneDay : '',
    };
  });
}

function exampleInitiatives(cycleStart: Date): ExampleRecord[] {
  const due = (days: number): Date => addDays(cycleStart, days);
  return [
    {
      keyResultId: 'PR1-KR1',
      initiative: 'Sample data in new workspaces',
      owner: OWNERS.design,
      status: 'Done',
      dueDate: due(21),
      notes: '',
    },
    {
      keyResultId: 'PR1-KR3',
      initiative: 'Day-2 nudge email',
      owner: OWNERS.product,
      status: 'In progress',
      dueDate: due(56),
      notes: '',
    },
    {
      keyResultId: 'EN1-KR1',
      initiative: 'Move images to the CDN',
      owner: OWNERS.engineering,
      status: 'In progress',
      dueDate: due(49),
      notes: '',
    },
    {
      keyResultId: 'SA1-KR1',
      initiative: 'New pricing page',
      owner: OWNERS.sales,
      status: 'Blocked',
      dueDate: due(28),
      notes: 'Waiting for legal review of the terms.',
    },
    {
      keyResultId: 'SA1-KR2',
      initiative: 'Agency webinar series',
      owner: OWNERS.sales,
      status: 'Not started',
      dueDate: due(70),
      notes: '',
    },
    {
      keyResultId: 'CO2-KR1',
      initiative: 'Onboarding call for every paid team',
      owner: OWNERS.success,
      status: 'In progress',
      dueDate: due(84),
      notes: '',
    },
  ];
}
