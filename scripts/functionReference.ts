/**
 * The custom-function reference of the Help sidebar, written from the same JSDoc that Sheets
 * shows in autocomplete (src/index.ts), so the help inside the add-on never drifts from the code.
 */
import type { EntryPoint } from './entryPoints.js';

interface FunctionDoc {
  name: string;
  summary: string;
  parameters: { name: string; description: string }[];
  returns: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The JSDoc's text lines, without the comment markers. */
function docLines(jsDoc: string): string[] {
  return jsDoc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .filter((line) => line !== '');
}

function functionDoc(entryPoint: EntryPoint): FunctionDoc {
  const lines = docLines(entryPoint.jsDoc);
  const summary = lines.filter((line) => !line.startsWith('@')).join(' ');
  const parameters = lines
    .filter((line) => line.startsWith('@param'))
    .map((line) => {
      const match = /^@param\s+(?:\{[^}]*\}\s+)?(\[?[\w.]+\]?)\s*(.*)$/.exec(line);
      return { name: match?.[1] ?? '', description: match?.[2] ?? '' };
    });
  const returns = /^@returns?\s+(?:\{[^}]*\}\s+)?(.*)$/.exec(
    lines.find((line) => /^@returns?\b/.test(line)) ?? '',
  );
  return { name: entryPoint.name, summary, parameters, returns: returns?.[1] ?? '' };
}

/** Every `@customfunction` entry point as an HTML section, in the order of src/index.ts. */
export function functionReferenceHtml(entryPoints: readonly EntryPoint[]): string {
  return entryPoints
    .filter((entryPoint) => entryPoint.jsDoc.includes('@customfunction'))
    .map(functionDoc)
    .map(({ name, summary, parameters, returns }) => {
      const signature = `=${name}(${parameters.map((parameter) => parameter.name).join(', ')})`;
      const parameterList = parameters
        .map(
          (parameter) =>
            `<dt>${escapeHtml(parameter.name)}</dt><dd>${escapeHtml(parameter.description)}</dd>`,
        )
        .join('');
      return [
        `<section class="help__function" id="help-${escapeHtml(name)}">`,
        `<h3><code>${escapeHtml(signature)}</code></h3>`,
        `<p>${escapeHtml(summary)}</p>`,
        parameterList === '' ? '' : `<dl>${parameterList}</dl>`,
        returns === '' ? '' : `<p>Returns ${escapeHtml(returns)}</p>`,
        '</section>',
      ].join('');
    })
    .join('\n');
}
