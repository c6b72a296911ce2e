/**
 * All or nothing, shown by fault injection: each service call of Close cycle, Reopen cycle, Set up,
 * Build dashboard and Check OKR health is made to fail in turn (the emulator's before-call hook
 * throws), and afterwards the workbook is exactly as it was — every sheet, cell, format, rule,
 * chart, named range and developer metadata — or, when the failing call came after the last
 * write, complete. A busy document lock changes nothing either.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundle } from './bundle';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import type { CloseCycleData } from '../../src/shared/closeCycle';
import {
  expectUnchangedOrComplete,
  failEachCall,
  INJECTED,
  trimSheets,
  workbookState,
} from './faults';
import { workbookWithObjectives } from './dashboardWorkbook';

beforeAll(buildBundle);

// Each test runs its operation once per service call it makes.
vi.setConfig({ testTimeout: 180_000 });

const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

function example(): Emulator {
  const emulator = createEmulator({ now: '2026-11-16T09:00:00Z' });
  emulator.loadBundle();
  emulator.call('loadExampleOkrs');
  trimSheets(emulator);
  return emulator;
}

/** The example OKRs at the end of their cycle, with the close the dialog would send. */
function exampleAtCycleEnd(): { emulator: Emulator; payload: unknown } {
  const emulator = example();
  emulator.clock.set('2027-01-04T09:00:00Z');
  const data = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
  const payload = {
    cycleName: data.cycleName,
    lessons: [{ objectiveId: data.objectives[0]!.id, lessons: 'Start earlier' }],
    carryForward: data.objectives
      .flatMap((objective) => objective.keyResults.filter((kr) => kr.suggestCarry))
      .map((kr) => kr.id),
  };
  return { emulator, payload };
}

describe('Close cycle is all or nothing', () => {
  it('leaves the workbook as it was, or closed, whichever service call fails', () => {
    const { emulator, payload } = exampleAtCycleEnd();
    const before = workbookState(emulator);
    const { calls, completeState } = failEachCall(
      emulator,
      emulator.toJSON(),
      (e) => void e.call('closeCycle', payload),
      expectUnchangedOrComplete(before),
    );
    expect(calls).toBeGreaterThan(20);
    expect(completeState).not.toEqual(before);
  });

  it('says that nothing was changed when a write fails', () => {
    const { emulator, payload } = exampleAtCycleEnd();
    let writes = 0;
    emulator.calls.beforeCall = (call) => {
      if (call === 'Range.setValues' && ++writes === 3) throw new Error(INJECTED);
    };
    expect(() => emulator.call('closeCycle', payload)).toThrow(
      `Closing the cycle stopped (${INJECTED}). Nothing was changed; try again.`,
    );
  });

  it('changes nothing while another person holds the document lock', () => {
    const { emulator, payload } = exampleAtCycleEnd();
    const before = workbookState(emulator);
    emulator.locks.setBusy('document');
    expect(() => emulator.call('closeCycle', payload)).toThrow(/Wait a moment and try again/);
    expect(workbookState(emulator)).toEqual(before);
  });
});

describe('Reopen cycle is all or nothing', () => {
  it('leaves the closed workbook as it was, or reopened, whichever service call fails', () => {
    const { emulator, payload } = exampleAtCycleEnd();
    emulator.call('closeCycle', payload);
    const closed = workbookState(emulator);
    const { completeState } = failEachCall(
      emulator,
      emulator.toJSON(),
      (e) => {
        e.ui.responses.push({ button: 'YES' });
        e.call('reopenCycle');
      },
      expectUnchangedOrComplete(closed),
    );
    expect(completeState).not.toEqual(closed);
  });
});

describe('Set up, Build dashboard and Check OKR health are all or nothing', () => {
  it('set-up of a new workbook leaves it as it was, or set up, whichever call fails', () => {
    const emulator = createEmulator({ now: '2026-11-16T09:00:00Z' });
    emulator.loadBundle();
    const before = workbookState(emulator);
    failEachCall(
      emulator,
      emulator.toJSON(),
      (e) => void e.call('setUpWorkbook'),
      expectUnchangedOrComplete(before),
    );
  });

  it('a rebuild of the dashboard keeps the old one until the new one is complete', () => {
    const emulator = workbookWithObjectives(12, '2026-11-16T09:00:00Z');
    trimSheets(emulator);
    emulator.call('buildDashboard');
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Objectives')!.getRange('B2').setValue('Renamed'),
    );
    const before = workbookState(emulator);
    const { completeState } = failEachCall(
      emulator,
      emulator.toJSON(),
      (e) => void e.call('buildDashboard'),
      expectUnchangedOrComplete(before),
    );
    expect(completeState).not.toEqual(before);
  });

  it('the health check keeps the old Health sheet until the new one is complete', () => {
    const emulator = example();
    emulator.call('checkOkrHealth');
    // A new finding, so a complete rebuild differs from the old sheet.
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Objectives')!.getRange('B2').setValue(''),
    );
    const before = workbookState(emulator);
    const { completeState } = failEachCall(
      emulator,
      emulator.toJSON(),
      (e) => void e.call('checkOkrHealth'),
      expectUnchangedOrComplete(before),
    );
    expect(completeState).not.toEqual(before);
  });

  it.each(['setUpWorkbook', 'buildDashboard', 'checkOkrHealth'])(
    '%s changes nothing while another person holds the document lock',
    (name) => {
      const emulator = example();
      const before = workbookState(emulator);
      emulator.locks.setBusy('document');
      expect(() => emulator.call(name)).toThrow(/Wait a moment and try again/);
      expect(workbookState(emulator)).toEqual(before);
    },
  );
});
