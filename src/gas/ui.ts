/**
 * Opens the built pages (dist/NAME.html, see scripts/build.ts) as a sidebar or a dialog.
 * Sidebars are 300 px wide whatever width is asked for:
 * https://developers.google.com/apps-script/guides/dialogs#custom_sidebars
 */
export function showSidebarPage(page: string, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

export function showDialogPage(page: string, title: string, width: number, height: number): void {
  const output = HtmlService.createHtmlOutputFromFile(page).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
