/**
 * Ui: menus, alerts, prompts, sidebars and dialogs. Menus and pages are recorded for tests and the
 * preview; alerts and prompts answer from a queue of scripted responses.
 * https://developers.google.com/apps-script/reference/base/ui
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import { FakeHtmlOutput } from './html.js';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface RecordedMenu {
  /** 'addon' for createAddonMenu (shown under Extensions → add-on name). */
  kind: 'addon' | 'menu';
  caption: string;
  entries: MenuEntry[];
}

export interface ShownPage {
  kind: 'sidebar' | 'modalDialog' | 'modelessDialog';
  title: string;
  output: FakeHtmlOutput;
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

/** A scripted answer: the button pressed and, for a prompt, the text typed. */
export interface UiResponse {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

/** What the Ui has been asked to do, and the answers it will give. */
export class UiRecord {
  menus: RecordedMenu[] = [];
  pages: ShownPage[] = [];
  alerts: Alert[] = [];
  prompts: Alert[] = [];
  /** Answers for alert/prompt calls, used first in first out; without one, alert answers OK. */
  responses: UiResponse[] = [];
}

export class FakeUi
  implements
    Returning<Ui, 'createAddonMenu' | 'createMenu', FakeMenu>,
    Returning<Ui, 'prompt', FakePromptResponse>,
    Pick<Ui, 'alert' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly record: UiRecord,
  ) {}

  /** The add-on's menu; its caption is the add-on name in Sheets.
   * https://developers.google.com/apps-script/reference/base/ui#createaddonmenu */
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.env, this.record, { kind: 'addon', caption: '', entries: [] });
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.env, this.record, { kind: 'menu', caption, entries: [] });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); returns the Button.
   * https://developers.google.com/apps-script/reference/base/ui#alerttitle,-prompt,-buttons */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const [title, prompt, buttons] = args.length >= 3 ? args : ['', args[0], args[1]];
    this.record.alerts.push({
      title: String(title),
      prompt: String(prompt),
      buttons: String(buttons ?? 'OK'),
    });
    const response = this.record.responses.shift();
    return (response?.button ?? 'OK') as unknown as GoogleAppsScript.Base.Button;
  }

  /** Returns a PromptResponse from the next scripted answer (CLOSE and '' without one).
   * https://developers.google.com/apps-script/reference/base/ui#prompttitle,-prompt,-buttons */
  prompt(...args: unknown[]): FakePromptResponse {
    const [title, prompt, buttons] =
      args.length >= 3
        ? args
        : args.length === 2 && typeof args[1] === 'string'
          ? [args[0], args[1], 'OK']
          : ['', args[0], args[1]];
    this.record.prompts.push({
      title: String(title),
      prompt: String(prompt),
      buttons: String(buttons ?? 'OK'),
    });
    const response = this.record.responses.shift() ?? { button: 'CLOSE' as const, text: '' };
    return new FakePromptResponse(this.env, response);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput): void {
    const output = own(this.env, userInterface, FakeHtmlOutput, 'HtmlOutput');
    this.record.pages.push({ kind: 'sidebar', title: output.getTitle(), output });
  }

  showModalDialog(
    userInterface: GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput,
    title: string,
  ): void {
    this.record.pages.push({
      kind: 'modalDialog',
      title,
      output: own(this.env, userInterface, FakeHtmlOutput, 'HtmlOutput'),
    });
  }

  showModelessDialog(
    userInterface: GoogleAppsScript.HTML.HtmlOutput | FakeHtmlOutput,
    title: string,
  ): void {
    this.record.pages.push({
      kind: 'modelessDialog',
      title,
      output: own(this.env, userInterface, FakeHtmlOutput, 'HtmlOutput'),
    });
  }

  /** Enum properties scripts read from the Ui instance. */
  get Button() {
    return BUTTON;
  }

  get ButtonSet() {
    return BUTTON_SET;
  }
}
countCalls(FakeUi, 'Ui');

const BUTTON = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
const BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

export class FakePromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly response: UiResponse,
  ) {}

  getResponseText(): string {
    return this.response.text ?? '';
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.response.button as unknown as GoogleAppsScript.Base.Button;
  }
}
countCalls(FakePromptResponse, 'PromptResponse');

export class FakeMenu
  implements
    Returning<Menu, 'addItem' | 'addSeparator' | 'addSubMenu', FakeMenu>,
    Pick<Menu, 'addToUi'>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly record: UiRecord,
    readonly menu: RecordedMenu,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.menu.entries.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.menu.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: Menu | FakeMenu): FakeMenu {
    const sub = own(this.env, menu, FakeMenu, 'Menu').menu;
    this.menu.entries.push({ kind: 'submenu', caption: sub.caption, entries: sub.entries });
    return this;
  }

  /** Replaces a menu of the same kind and caption, as re-running onOpen does in Sheets. */
  addToUi(): void {
    this.record.menus = this.record.menus.filter(
      (m) => m.kind !== this.menu.kind || m.caption !== this.menu.caption,
    );
    this.record.menus.push(this.menu);
  }
}
countCalls(FakeMenu, 'Menu');
