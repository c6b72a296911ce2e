/**
 * Apps Script entry points of OKR Cadence. Every export here becomes a top-level function in
 * dist/Code.js (see scripts/build.ts); the logic lives in the modules it imports.
 */
import { buildAddonMenu } from './gas/menu';

/**
 * Adds the OKR Cadence menu. Runs in AuthMode.NONE before the add-on is authorised, so it
 * touches nothing but the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} event the open event
 */
export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(event);
}

/**
 * Runs once when a user installs the add-on: shows the menu straight away.
 * @param {GoogleAppsScript.Events.AddonOnInstall} event the install event
 */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
