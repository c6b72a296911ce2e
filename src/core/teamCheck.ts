/**
 * Check team spreadsheets: what a company needs to know about each team spreadsheet before
 * rolling it up (docs/rollup.md). Pure: the adapter (src/gas/teamCheck.ts) opens the spreadsheets
 * and hands over what it read.
 */

/** A cycle as calendar days (ISO yyyy-mm-dd in its spreadsheet's time zone). */
export interface CycleSummary {
  name: string;
  start: string | null;
  end: string | null;
}

/** What the adapter read from a team spreadsheet it could open. */
export interface TeamSnapshot {
  /** OKR sheets the team spreadsheet lacks (Objectives, Key Results, Settings). */
  missingSheets: string[];
  /** Null without a Settings sheet. */
  cycle: CycleSummary | null;
  /** Null when the Objectives sheet is missing or unreadable. */
  objectives: readonly { id: string; parentId: string }[] | null;
  keyResultCount: number | null;
  /** Why a table could not be read (a required column missing), else empty. */
  unreadable: string[];
}

export interface CompanyView {
  cycle: CycleSummary;
  /** Whether the ID is one of the company's objectives (IDs matched as in the sheets). */
  isCompanyObjective: (id: string) => boolean;
}

export type TeamCheck =
  | { reachable: false; reason: string }
  | {
      reachable: true;
      missingSheets: string[];
      unreadable: string[];
      cycle: CycleSummary | null;
      /** Which of name, start and end differ from the company's cycle. */
      cycleDifferences: string[];
      objectiveCount: number | null;
      keyResultCount: number | null;
      alignedCount: number;
      /** Team objectives whose Parent is neither a company objective nor one of the team's own. */
      unknownParents: { objectiveId: string; parentId: string }[];
    };

function cycleDifferences(team: CycleSummary, company: CycleSummary): string[] {
  const differences: string[] = [];
  if (team.name.trim().toLowerCase() !== company.name.trim().toLowerCase())
    differences.push('name');
  if (team.start !== company.start) differences.push('start');
  if (team.end !== company.end) differences.push('end');
  return differences;
}

export function checkTeam(company: CompanyView, team: TeamSnapshot): TeamCheck {
  const objectives = team.objectives ?? [];
  const ownIds = new Set(objectives.map((objective) => objective.id.trim().toLowerCase()));
  const aligned = objectives.filter((objective) => objective.parentId !== '');
  return {
    reachable: true,
    missingSheets: team.missingSheets,
    unreadable: team.unreadable,
    cycle: team.cycle,
    cycleDifferences: team.cycle ? cycleDifferences(team.cycle, company.cycle) : [],
    objectiveCount: team.objectives ? objectives.length : null,
    keyResultCount: team.keyResultCount,
    alignedCount: aligned.filter((objective) => company.isCompanyObjective(objective.parentId))
      .length,
    unknownParents: aligned
      .filter(
        (objective) =>
          !company.isCompanyObjective(objective.parentId) &&
          !ownIds.has(objective.parentId.trim().toLowerCase()),
      )
      .map((objective) => ({ objectiveId: objective.id, parentId: objective.parentId })),
  };
}

function describeCycle(cycle: CycleSummary): string {
  const dates =
    cycle.start || cycle.end ? ` (${cycle.start ?? '?'} to ${cycle.end ?? '?'})` : ' (no dates)';
  return `${cycle.name || 'unnamed cycle'}${dates}`;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The lines the report shows for one team, in plain words. */
export function teamCheckLines(check: TeamCheck, company: CycleSummary): string[] {
  if (!check.reachable) return [check.reason];
  const lines: string[] = [];
  lines.push(
    check.missingSheets.length === 0
      ? 'Reachable; OKR sheets set up.'
      : `Reachable, but without the ${check.missingSheets.join(', ')} sheet${check.missingSheets.length > 1 ? 's' : ''}: the team should run Extensions → OKR Cadence → Set up OKR workbook.`,
  );
  lines.push(...check.unreadable);
  if (check.cycle) {
    lines.push(
      check.cycleDifferences.length === 0
        ? `Cycle ${describeCycle(check.cycle)}, the same as the company's.`
        : `Other cycle: ${describeCycle(check.cycle)} against the company's ${describeCycle(company)} (${check.cycleDifferences.join(', ')} differ${check.cycleDifferences.length === 1 ? 's' : ''}).`,
    );
  }
  if (check.objectiveCount !== null || check.keyResultCount !== null) {
    const parts = [
      check.objectiveCount !== null ? plural(check.objectiveCount, 'objective') : null,
      check.keyResultCount !== null ? plural(check.keyResultCount, 'key result') : null,
    ].filter((part) => part !== null);
    lines.push(`${parts.join(', ')}; ${check.alignedCount} aligned to company objectives.`);
  }
  if (check.unknownParents.length > 0) {
    const listed = check.unknownParents
      .map(({ objectiveId, parentId }) => `${objectiveId} → ${parentId}`)
      .join(', ');
    lines.push(
      `Parent IDs that are no company objective: ${listed}. Fix the Parent column of the team's Objectives sheet, or add the objective to the company's.`,
    );
  }
  return lines;
}
