import type { CheckInPayload } from '../../../src/shared/checkIn';
import type { OkrSettings } from '../../../src/core/settings';
import type { CheckIn, KeyResult, Milestone, Objective } from '../../../src/core/types';
import { okrSettings } from '../../fixtures/settings';

export function keyResult(fields: Partial<KeyResult> = {}): KeyResult {
  return {
    row: 2,
    id: 'KR1',
    objectiveId: 'O1',
    title: 'Grow weekly active teams',
    owner: 'ana@example.com',
    type: 'increase',
    unit: 'teams',
    start: 0,
    target: 100,
    current: null,
    startDate: new Date('2026-10-01T00:00:00Z'),
    dueDate: new Date('2026-12-31T00:00:00Z'),
    weight: null,
    confidence: null,
    keyResultClass: '',
    category: '',
    impact: '',
    effort: '',
    lastCheckIn: null,
    ...fields,
  };
}

export function objective(fields: Partial<Objective> = {}): Objective {
  return {
    row: 2,
    id: 'O1',
    title: 'Delight new teams',
    owner: '',
    team: '',
    cycle: '',
    parentId: '',
    kind: null,
    priority: '',
    notes: '',
    ...fields,
  };
}

export function checkIn(fields: Partial<CheckIn> = {}): CheckIn {
  return {
    row: 2,
    timestamp: new Date('2026-10-08T10:00:00Z'),
    keyResultId: 'KR1',
    value: 10,
    confidence: 6,
    progress: '',
    plans: '',
    problems: '',
    learnings: '',
    author: 'ana@example.com',
    ...fields,
  };
}

export function milestone(fields: Partial<Milestone> = {}): Milestone {
  return {
    row: 2,
    keyResultId: 'KR1',
    milestone: 'Beta',
    weight: null,
    done: false,
    doneDate: null,
    ...fields,
  };
}

export function payload(fields: Partial<CheckInPayload> = {}): CheckInPayload {
  return {
    keyResultId: 'KR1',
    value: 42,
    milestones: null,
    confidence: 7,
    progress: 'Shipped onboarding v2',
    plans: 'Run the pricing test',
    problems: '',
    learnings: '',
    ...fields,
  };
}

export const settings: OkrSettings = okrSettings();
