/**
 * Reads the exported functions of src/index.ts with the TypeScript compiler API and writes the
 * top-level stubs Apps Script needs. esbuild drops comments, so the stubs carry the JSDoc that
 * Sheets shows in custom-function autocomplete.
 */
import ts from 'typescript';
import { readFileSync } from 'node:fs';

export interface EntryPoint {
  name: string;
  parameters: string[];
  jsDoc: string;
}

export function readEntryPoints(indexPath: string): EntryPoint[] {
  const text = readFileSync(indexPath, 'utf8');
  const source = ts.createSourceFile(indexPath, text, ts.ScriptTarget.ES2020, true);
  const entryPoints: EntryPoint[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (!ts.isFunctionDeclaration(statement) || !statement.name) {
      // Only function declarations can become Apps Script globals with parameter names.
      throw new Error(
        `src/index.ts line ${lineOf(source, statement)}: export only function declarations from the entry module`,
      );
    }
    entryPoints.push({
      name: statement.name.text,
      parameters: statement.parameters.map((parameter) => parameter.name.getText(source)),
      jsDoc: leadingJsDoc(text, statement),
    });
  }
  return entryPoints;
}

export function entryPointStubs(indexPath: string, bundleGlobal: string): string {
  return readEntryPoints(indexPath)
    .map(({ name, parameters, jsDoc }) => {
      const list = parameters.join(', ');
      return `${jsDoc}\nfunction ${name}(${list}) {\n  return ${bundleGlobal}.${name}(${list});\n}\n`;
    })
    .join('\n');
}

function isExported(statement: ts.Statement): boolean {
  if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return true;
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function leadingJsDoc(text: string, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges
    .map((range) => text.slice(range.pos, range.end))
    .filter((comment) => comment.startsWith('/**'));
  return docs.at(-1) ?? '';
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}
