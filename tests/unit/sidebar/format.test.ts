import { describe, expect, it } from 'vitest';
import { formatDaysAgo } from '../../../sidebar/format';

/** The sidebar's dates are the spreadsheet's wall clock in ISO text's UTC fields. */
const days = (iso: string, now: string) => formatDaysAgo(iso, new Date(now));

describe('how long ago a check-in was, in the sidebar', () => {
  it("counts calendar days on the spreadsheet's clock, whatever the hours", () => {
    expect(days('2026-11-16T23:59:00.000Z', '2026-11-16T00:01:00.000Z')).toMatch(/today/i);
    expect(days('2026-11-15T23:59:00.000Z', '2026-11-16T00:01:00.000Z')).toMatch(/yesterday/i);
    expect(days('2026-11-13T09:00:00.000Z', '2026-11-16T08:00:00.000Z')).toMatch(/3 days ago/);
  });

  it("takes today from the spreadsheet's clock, not the viewer's own zone", () => {
    // 23:30 on the spreadsheet's clock: still the day of the check-in, wherever the viewer is.
    const saved = days('2026-11-16T09:00:00.000Z', '2026-11-16T23:30:00.000Z');
    expect(saved).toMatch(/today/i);
  });
});
