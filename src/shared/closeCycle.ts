/**
 * The Close cycle dialog's contract with the server (getCloseCycleData, closeCycle). It crosses
 * google.script.run, so it is JSON-safe: dates travel as ISO yyyy-mm-dd strings.
 */
import type { JsonSafe } from './json';

export type CloseCycleKeyResult = JsonSafe<{
  id: string;
  title: string;
  owner: string;
  unit: string;
  start: number | null;
  target: number | null;
  current: number | boolean | null;
  /** Final score 0–1; null when not scored (baseline, or a row that cannot be scored). */
  score: number | null;
  /** Unfinished key results are offered for carrying forward, ticked by default. */
  suggestCarry: boolean;
}>;

export type CloseCycleObjective = JsonSafe<{
  id: string;
  title: string;
  team: string;
  kind: string;
  score: number | null;
  keyResults: CloseCycleKeyResult[];
}>;

export type CloseCycleData = JsonSafe<{
  cycleName: string;
  cycleStart: string | null;
  cycleEnd: string | null;
  nextCycleName: string;
  nextCycleStart: string;
  nextCycleEnd: string;
  objectives: CloseCycleObjective[];
  /** What to think twice about before closing: the cycle is not over yet, or it is empty. */
  warnings: string[];
  /** Rows of the cycle the dialog cannot list (problems): archived whole as they are. */
  notices: string[];
  /** How many Objectives and Key Results rows move to the archive sheets. */
  movedObjectiveRows: number;
  movedKeyResultRows: number;
}>;

export type ObjectiveLessons = JsonSafe<{ objectiveId: string; lessons: string }>;

/** What the dialog sends: the cycle it shows (so a stale dialog cannot close the next one). */
export type CloseCyclePayload = JsonSafe<{
  cycleName: string;
  lessons: ObjectiveLessons[];
  /** IDs of the key results to copy into the next cycle. */
  carryForward: string[];
}>;

export type CarriedKeyResult = JsonSafe<{ from: string; to: string }>;

export type CloseCycleResult = JsonSafe<{
  closedCycle: string;
  nextCycleName: string;
  nextCycleStart: string;
  nextCycleEnd: string;
  archivedRows: number;
  carried: CarriedKeyResult[];
}>;
