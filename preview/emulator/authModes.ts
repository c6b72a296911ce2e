/**
 * What a script may call in each ScriptApp.AuthMode: before authorisation (NONE) only the add-on
 * menu, and in a custom function only reads.
 */
import type { EmulatorEnv } from './env.js';

/** Services allowed in AuthMode.NONE: building the add-on menu (and logging).
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes */
const ALLOWED_IN_NONE = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
  'Logger.log',
]);

/** Custom functions may read the spreadsheet but not change it or use services needing authorisation.
 * https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services */
function refusedInCustomFunction(call: string): boolean {
  const [service, method = ''] = call.split('.');
  if (
    [
      'MailApp',
      'ScriptApp',
      'Ui',
      'Menu',
      'HtmlService',
      'ClockTriggerBuilder',
      'TriggerBuilder',
    ].includes(service!)
  )
    return true;
  return /^(set|clear|insert|append|delete|remove|protect|toast|getUi|rename|activate|hide|show|update)/.test(
    method,
  );
}

/** Throws as Apps Script does when the running mode does not allow `call` (`Service.method`). */
export function checkAuthMode(env: EmulatorEnv, call: string): void {
  const mode = env.authMode;
  if (mode === 'NONE' && !ALLOWED_IN_NONE.has(call)) {
    env.fail(
      `Exception: You do not have permission to call ${call} in AuthMode.NONE (before the add-on is authorised onOpen may only build the add-on menu).`,
    );
  }
  if (mode === 'CUSTOM_FUNCTION' && refusedInCustomFunction(call)) {
    env.fail(`Exception: You do not have permission to call ${call} from a custom function.`);
  }
}
