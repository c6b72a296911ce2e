/**
 * What google.script.run carries to the check-in sidebar stays within its budget at 10,000 key
 * results: the user's key results and a page of the rest, never the whole table or the history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckInContext, KeyResultPage } from '../../src/shared/checkIn';
import { buildBundle } from './bundle';
import { checkInPayload, plain } from './checkInWorkbook';
import { jsonBytes, PAYLOAD_BUDGETS } from './operationCost';
import { SCALE_KEY_RESULT, scaleWorkbook } from './scaleWorkbook';

beforeAll(buildBundle);

describe('the sidebar payload at 10,000 key results', () => {
  const emulator = () => scaleWorkbook({ keyResults: 10_000, checkIns: 1_000 });

  it('sends the user’s 50 key results and a first page of 25, within the budget', () => {
    const context = plain(emulator().call('getCheckInContext') as CheckInContext);
    expect(context.mine).toHaveLength(50);
    expect(context.mineTotal).toBe(50);
    expect(context.all.keyResults).toHaveLength(25);
    expect(context.all.total).toBe(10_000);
    expect(jsonBytes(context)).toBeLessThan(PAYLOAD_BUDGETS.context);
  });

  it('answers a search with a page within the budget, and a form and a save within theirs', () => {
    const workbook = emulator();
    const page = plain(
      workbook.call('searchKeyResults', { query: 'team 3', offset: 25 }) as KeyResultPage,
    );
    expect(page.keyResults).toHaveLength(25);
    expect(page.total).toBeGreaterThan(250);
    expect(jsonBytes(page)).toBeLessThan(PAYLOAD_BUDGETS.searchPage);
    expect(jsonBytes(workbook.call('getKeyResultDetail', SCALE_KEY_RESULT))).toBeLessThan(
      PAYLOAD_BUDGETS.detail,
    );
    const saved = workbook.call('saveCheckIn', checkInPayload({ keyResultId: SCALE_KEY_RESULT }));
    expect(plain(saved)).toMatchObject({ ok: true });
    expect(jsonBytes(saved)).toBeLessThan(PAYLOAD_BUDGETS.saveResult);
  });
});
