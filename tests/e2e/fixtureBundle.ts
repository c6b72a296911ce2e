/**
 * A tiny hand-written Apps Script project for testing the preview's machinery (questions,
 * google.script.run rules) independently of the add-on's features: written to a temp dist folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CODE = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Rename the first sheet…', 'renameFirstSheet')
    .addItem('Open the echo sidebar', 'showEcho')
    .addToUi();
}

function renameFirstSheet() {
  var ui = SpreadsheetApp.getUi();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange('A1').setValue('started');
  var answer = ui.prompt('Rename', 'New name for the first sheet?', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  if (ui.alert('Sure?', 'Rename to ' + answer.getResponseText() + '?', ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  sheet.setName(answer.getResponseText());
  ui.alert('Renamed.');
}

function showEcho() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Echo').setTitle('Echo'));
}

function echo(value) {
  return { received: value, type: Object.prototype.toString.call(value) };
}

function fail(message) {
  throw new Error('Refused: ' + message);
}

function secret_() {
  return 'private';
}
`;

const ECHO_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"></head>
<body>
<output id="out"></output>
<script>
  function show(text) { document.getElementById('out').textContent = text; }
  window.callEcho = function (value, user) {
    return new Promise(function (resolve) {
      google.script.run
        .withSuccessHandler(function (result, userObject) { resolve({ ok: true, result: result, userObject: userObject }); })
        .withFailureHandler(function (error, userObject) { resolve({ ok: false, message: error.message, userObject: userObject }); })
        .withUserObject(user)
        .echo(value);
    });
  };
  window.callNamed = function (name, value) {
    return new Promise(function (resolve) {
      google.script.run
        .withSuccessHandler(function (result) { resolve({ ok: true, result: result }); })
        .withFailureHandler(function (error) { resolve({ ok: false, message: error.message }); })[name](value);
    });
  };
  show('ready');
</script>
</body></html>`;

/** Writes Code.js and Echo.html into a new temp folder and returns it (pass as distDir). */
export function writeFixtureDist(): string {
  const folder = mkdtempSync(join(tmpdir(), 'okr-preview-fixture-'));
  writeFileSync(join(folder, 'Code.js'), CODE);
  writeFileSync(join(folder, 'Echo.html'), ECHO_PAGE);
  return folder;
}
