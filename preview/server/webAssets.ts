/**
 * The page and the google.script.run shim, bundled with esbuild when the server starts (npm start
 * has already built dist/; the page is preview-only, so it is not part of that build).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

export interface WebAssets {
  indexHtml: string;
  appJs: string;
  appCss: string;
  shimJs: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(webDir, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function buildWebAssets(): Promise<WebAssets> {
  const [appJs, shimJs] = await Promise.all([bundle('app.ts'), bundle('shim.ts')]);
  return {
    indexHtml: readFileSync(join(webDir, 'index.html'), 'utf8'),
    appJs,
    appCss: readFileSync(join(webDir, 'app.css'), 'utf8'),
    shimJs,
  };
}

/** Puts the shim first in <head>, so google.script.run exists before the page's own script runs. */
export function injectShim(html: string, shimJs: string): string {
  const tag = `<script>${shimJs.replace(/<\/script/gi, '<\\/script')}</script>`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}\n${tag}`);
  return `${tag}\n${html}`;
}
