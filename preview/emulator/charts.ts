/**
 * Embedded charts, recorded as data (model.ts ChartData) for the preview to draw.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { ChartData, WorkbookModel } from './model.js';
import { FakeRange } from './range.js';

type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class FakeEmbeddedChartBuilder
  implements
    Returning<
      EmbeddedChartBuilder,
      'addRange' | 'clearRanges' | 'setChartType' | 'setPosition' | 'setOption',
      FakeEmbeddedChartBuilder
    >,
    Returning<EmbeddedChartBuilder, 'build', FakeEmbeddedChart>,
    Returning<EmbeddedChartBuilder, 'getRanges', FakeRange[]>,
    Pick<EmbeddedChartBuilder, 'getChartType'>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    private chart: ChartData,
  ) {}

  addRange(range: Range | FakeRange): FakeEmbeddedChartBuilder {
    const own_ = own(this.env, range, FakeRange, 'Range');
    this.chart.ranges.push({ sheetId: own_.sheet.id, ...own_.grid });
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this.chart.ranges = [];
    return this;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): FakeEmbeddedChartBuilder {
    this.chart.chartType = String(type);
    return this;
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.chart.chartType as unknown as GoogleAppsScript.Charts.ChartType;
  }

  /** Anchors the chart's top-left corner at a cell, offset in pixels. */
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.chart.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  /** Options use the Google Charts names, e.g. 'title', 'vAxis.maxValue'. */
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.chart.options[option] = value;
    return this;
  }

  getRanges(): FakeRange[] {
    return chartRanges(this.env, this.book, this.chart);
  }

  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this.env, this.book, cloneChart(this.chart));
  }
}
countCalls(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder');

export class FakeEmbeddedChart
  implements
    Pick<EmbeddedChart, 'getChartId'>,
    Returning<EmbeddedChart, 'modify', FakeEmbeddedChartBuilder>,
    Returning<EmbeddedChart, 'getRanges', FakeRange[]>,
    Returning<EmbeddedChart, 'getOptions', { get(option: string): unknown }>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly chart: ChartData,
  ) {}

  /** null until the chart is inserted into a sheet.
   * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getchartid */
  getChartId(): number | null {
    return this.chart.id > 0 ? this.chart.id : null;
  }

  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.env, this.book, cloneChart(this.chart));
  }

  getRanges(): FakeRange[] {
    return chartRanges(this.env, this.book, this.chart);
  }

  getOptions(): { get(option: string): unknown } {
    const options = { ...this.chart.options };
    return { get: (option: string) => options[option] ?? null };
  }
}
countCalls(FakeEmbeddedChart, 'EmbeddedChart');

export function newChartData(): ChartData {
  return {
    id: 0,
    chartType: 'COLUMN',
    ranges: [],
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
}

export function cloneChart(chart: ChartData): ChartData {
  return {
    ...chart,
    ranges: chart.ranges.map((r) => ({ ...r })),
    position: { ...chart.position },
    options: { ...chart.options },
  };
}

function chartRanges(env: EmulatorEnv, book: WorkbookModel, chart: ChartData): FakeRange[] {
  return env.realm.list(
    chart.ranges.flatMap((range) => {
      const sheet = book.sheetById(range.sheetId);
      return sheet ? [new FakeRange(env, book, sheet, range)] : [];
    }),
  );
}
