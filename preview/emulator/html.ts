/**
 * HtmlService: pages built into dist/NAME.html are read from the emulator's dist directory.
 * https://developers.google.com/apps-script/reference/html/html-service
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countCalls } from './calls.js';
import { realEnum, X_FRAME_OPTIONS_MODES, SANDBOX_MODES } from './enums.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

export class FakeHtmlOutput
  implements
    Pick<HtmlOutput, 'getContent' | 'getTitle' | 'getWidth' | 'getHeight'>,
    Returning<
      HtmlOutput,
      | 'setTitle'
      | 'setWidth'
      | 'setHeight'
      | 'setContent'
      | 'append'
      | 'setXFrameOptionsMode'
      | 'setSandboxMode'
      | 'addMetaTag',
      FakeHtmlOutput
    >
{
  /** Default size of a dialog when none is set. */
  private width = 600;
  private height = 400;
  private title = '';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly env: EmulatorEnv,
    private content: string,
  ) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.content = content;
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.content += addedContent;
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): FakeHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  /** Since 2021 every page is served in IFRAME mode; the setting is accepted and ignored.
   * https://developers.google.com/apps-script/reference/html/sandbox-mode */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): FakeHtmlOutput {
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.metaTags.push({ name, content });
    return this;
  }
}
countCalls(FakeHtmlOutput, 'HtmlOutput');

/**
 * A minimal HtmlTemplate: `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and `<? code ?>`
 * scriptlets, with the template's assigned properties in scope, evaluated in the script's realm.
 * https://developers.google.com/apps-script/guides/html/templates
 */
export class FakeHtmlTemplate
  implements
    Returning<HtmlTemplate, 'evaluate', FakeHtmlOutput>,
    Pick<HtmlTemplate, 'getRawContent'>
{
  /** Fields a script assigns (template.name = …) become variables of the scriptlets. */
  [field: string]: unknown;
  // Truly private so that assigned fields cannot clash with them.
  readonly #raw: string;
  readonly #compile: (code: string) => (scope: object) => string;

  constructor(
    readonly env: EmulatorEnv,
    raw: string,
    compile: (code: string) => (scope: object) => string,
  ) {
    this.#raw = raw;
    this.#compile = compile;
  }

  getRawContent(): string {
    return this.#raw;
  }

  evaluate(): FakeHtmlOutput {
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (key !== 'env') scope[key] = this[key];
    return new FakeHtmlOutput(this.env, this.#compile(templateCode(this.#raw))(scope));
  }
}
countCalls(FakeHtmlTemplate, 'HtmlTemplate');

/** Turns template text into the body of a function that returns the page. */
function templateCode(raw: string): string {
  const parts = raw.split(/(<\?!?=?[\s\S]*?\?>)/);
  const lines = [
    'let __out = "";',
    'const __esc = (v) => String(v).replace(/[&<>"\']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;","\'":"&#39;"})[c]);',
  ];
  for (const part of parts) {
    if (part.startsWith('<?!=')) lines.push(`__out += String(${part.slice(4, -2)});`);
    else if (part.startsWith('<?=')) lines.push(`__out += __esc(${part.slice(3, -2)});`);
    else if (part.startsWith('<?')) lines.push(part.slice(2, -2));
    else if (part) lines.push(`__out += ${JSON.stringify(part)};`);
  }
  lines.push('return __out;');
  return lines.join('\n');
}

export class FakeHtmlService
  implements
    Returning<HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile', FakeHtmlOutput>,
    Returning<HtmlService, 'createTemplateFromFile' | 'createTemplate', FakeHtmlTemplate>
{
  readonly XFrameOptionsMode =
    realEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(X_FRAME_OPTIONS_MODES);
  readonly SandboxMode = realEnum<typeof GoogleAppsScript.HTML.SandboxMode>(SANDBOX_MODES);

  constructor(
    readonly env: EmulatorEnv,
    private readonly compile: (code: string) => (scope: object) => string,
  ) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): FakeHtmlOutput {
    return new FakeHtmlOutput(this.env, typeof html === 'string' ? html : '');
  }

  /** Reads dist/NAME.html (the name may carry .html); a missing file throws as in Apps Script.
   * https://developers.google.com/apps-script/reference/html/html-service#createhtmloutputfromfilefilename */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.env, this.readPage(filename));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.env, typeof html === 'string' ? html : '', this.compile);
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.env, this.readPage(filename), this.compile);
  }

  private readPage(filename: string): string {
    const name = filename.replace(/\.html$/, '');
    try {
      return readFileSync(join(this.env.distDir, `${name}.html`), 'utf8');
    } catch {
      return this.env.fail(`Exception: No HTML file named ${name} was found.`);
    }
  }
}
countCalls(FakeHtmlService, 'HtmlService');
