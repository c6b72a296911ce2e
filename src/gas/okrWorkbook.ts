/**
 * Reads the OKR workbook for the dashboard, health check and close-cycle adapters: one getValues
 * per table, parsed into typed rows, with the cycle history (closed cycles, archived objectives).
 */
import { OkrInputError } from '../core/errors';
import type { OkrSettings } from '../core/settings';
import type { CheckIn, Initiative, KeyResult, Kpi, Objective } from '../core/types';
import {
  ARCHIVE_SHEET,
  archivedObjectiveIds,
  closedCycleNames,
  type CycleHistory,
} from '../workbook/archive';
import { defaultPlacement, type TablePlacement } from '../workbook/formulaColumns';
import type { RowProblem } from '../workbook/problems';
import {
  CHECK_INS,
  INITIATIVES,
  KEY_RESULTS,
  KPIS,
  OBJECTIVES,
  SETTINGS,
  type TableDef,
} from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import {
  parseCheckIns,
  parseInitiatives,
  parseKeyResults,
  parseKpis,
  parseObjectives,
} from '../workbook/tables';
import { readValues } from './sheetValues';
import { readTable, type TableValues } from './tables';

export interface OkrWorkbook {
  objectives: Objective[];
  keyResults: KeyResult[];
  /** Where Key Results and Check-ins sit, for the formulas that read them. */
  tables: { keyResults: TablePlacement; checkIns: TablePlacement };
  checkIns: CheckIn[];
  initiatives: Initiative[] | null;
  kpis: Kpi[] | null;
  settings: OkrSettings;
  /** Closed cycles and archived objectives: history, left out of the open cycle. */
  history: CycleHistory;
  /** Cells that could not be read: their rows are left out or read as blank. */
  problems: RowProblem[];
}

/** A table whose sheet may be missing: null then, so checks that need it are skipped. */
function readOptionalTable(table: TableDef): TableValues | null {
  try {
    return readTable(table);
  } catch (error) {
    if (error instanceof OkrInputError) return null;
    throw error;
  }
}

function readOptionalValues(table: TableDef): unknown[][] | null {
  return readOptionalTable(table)?.values ?? null;
}

/** The Archive sheet's values (one getValues), or none before the first cycle is closed. */
function archiveValues(): unknown[][] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ARCHIVE_SHEET);
  return sheet ? readValues(sheet.getDataRange()) : [];
}

/** Reads every OKR table once (one getValues each). Objectives and Key Results are required. */
export function readOkrWorkbook(today: Date): OkrWorkbook {
  const objectives = parseObjectives(readTable(OBJECTIVES).values);
  const keyResultTable = readTable(KEY_RESULTS);
  const keyResults = parseKeyResults(keyResultTable.values);
  const checkInTable = readOptionalTable(CHECK_INS);
  const checkIns = checkInTable ? parseCheckIns(checkInTable.values) : null;
  const initiativeValues = readOptionalValues(INITIATIVES);
  const initiatives = initiativeValues ? parseInitiatives(initiativeValues) : null;
  const kpiValues = readOptionalValues(KPIS);
  const kpis = kpiValues ? parseKpis(kpiValues) : null;
  const settingsValues = readOptionalValues(SETTINGS) ?? [];
  const settings = parseSettings(settingsValues, today);
  return {
    objectives: objectives.rows,
    keyResults: keyResults.rows,
    tables: {
      keyResults: { sheetName: keyResultTable.sheet.getName(), columns: keyResults.columns },
      checkIns:
        checkInTable && checkIns
          ? { sheetName: checkInTable.sheet.getName(), columns: checkIns.columns }
          : defaultPlacement(CHECK_INS),
    },
    checkIns: checkIns?.rows ?? [],
    initiatives: initiatives?.rows ?? null,
    kpis: kpis?.rows ?? null,
    settings: settings.settings,
    history: {
      closedCycles: closedCycleNames(settingsValues),
      archivedObjectiveIds: archivedObjectiveIds(archiveValues()),
    },
    problems: [
      ...objectives.problems,
      ...keyResults.problems,
      ...(checkIns?.problems ?? []),
      ...(initiatives?.problems ?? []),
      ...(kpis?.problems ?? []),
      ...settings.problems,
    ],
  };
}
