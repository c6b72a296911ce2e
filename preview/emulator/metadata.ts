/**
 * DeveloperMetadata on a sheet: key/value pairs a script attaches, which people never see.
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';
import type { MetadataData, SheetModel, WorkbookModel } from './model.js';

type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export class FakeDeveloperMetadata
  implements
    Pick<DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'remove'>,
    Returning<DeveloperMetadata, 'setValue', FakeDeveloperMetadata>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly sheet: SheetModel,
    readonly metadata: MetadataData,
  ) {}

  getId(): number {
    return this.metadata.id;
  }

  getKey(): string {
    return this.metadata.key;
  }

  /** null when the metadata was added without a value.
   * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata#getvalue */
  getValue(): string | null {
    return this.metadata.value;
  }

  setValue(value: string): FakeDeveloperMetadata {
    this.metadata.value = String(value);
    return this;
  }

  remove(): void {
    this.sheet.metadata = this.sheet.metadata.filter((entry) => entry.id !== this.metadata.id);
  }
}
countCalls(FakeDeveloperMetadata, 'DeveloperMetadata');
