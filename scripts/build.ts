/**
 * Builds what `clasp push` uploads: dist/Code.js, the HTML pages and dist/appsscript.json.
 *
 * esbuild bundles src/index.ts as an IIFE bound to the global `Bundle`. Apps Script only sees
 * top-level `function` declarations (menus, triggers, google.script.run and custom functions are
 * looked up by name), and Sheets reads `@customfunction` JSDoc only from those declarations, so
 * we append one stub per export that carries the export's JSDoc and parameter names.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryPointStubs, readEntryPoints } from './entryPoints.js';
import { functionReferenceHtml } from './functionReference.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const BUNDLE_GLOBAL = 'Bundle';

async function buildServerBundle(): Promise<void> {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const bundle = result.outputFiles[0]!.text;
  const stubs = entryPointStubs(join(root, 'src/index.ts'), BUNDLE_GLOBAL);
  writeFileSync(join(dist, 'Code.js'), `${bundle}\n${stubs}`);
}

/**
 * Apps Script serves no static files, so each page (sidebar/NAME.html with NAME.ts and an
 * optional NAME.css) becomes one self-contained dist/NAME.html with its script and styles inline.
 */
async function buildPages(): Promise<void> {
  const pageDir = join(root, 'sidebar');
  const pages = readdirSync(pageDir).filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    const name = basename(page, '.html');
    const script = await build({
      entryPoints: [join(pageDir, `${name}.ts`)],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      minify: true,
      charset: 'utf8',
    });
    const css = readOptional(join(pageDir, `${name}.css`));
    const sharedCss = readOptional(join(pageDir, 'shared.css'));
    const html = readFileSync(join(pageDir, page), 'utf8')
      .replace('<!-- STYLE -->', () => `<style>\n${sharedCss}\n${css}</style>`)
      // `</script` inside the bundle would end the inline element early.
      .replace('<!-- FUNCTIONS -->', () =>
        functionReferenceHtml(readEntryPoints(join(root, 'src/index.ts'))),
      )
      .replace(
        '<!-- SCRIPT -->',
        () => `<script>${escapeScriptEnd(script.outputFiles[0]!.text)}</script>`,
      );
    writeFileSync(join(dist, `${name}.html`), html);
  }
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function escapeScriptEnd(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

mkdirSync(dist, { recursive: true });
await buildServerBundle();
await buildPages();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
console.log('built dist/Code.js, pages and appsscript.json');
