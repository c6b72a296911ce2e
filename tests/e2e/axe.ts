/**
 * axe-core in the browser tests: injects axe into a page or frame, runs the WCAG 2.1 A and AA
 * rules, and describes each violation in words (rule, impact, help, the elements and why).
 * https://github.com/dequelabs/axe-core/blob/develop/doc/API.md
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/** The rules of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * The WCAG 2.1 AA violations on what `target` shows now; frames inside it are left out (each
 * page a test opens in a frame is checked on its own, with its own `where`).
 */
export async function axeViolations(target: Page | Frame): Promise<Result[]> {
  // Page code goes in as strings: the Node typecheck has no DOM types.
  if (!(await target.evaluate<boolean>("typeof window.axe === 'object'")))
    await target.evaluate(axeSource);
  const options = {
    runOnly: { type: 'tag', values: WCAG_21_AA },
    iframes: false,
    resultTypes: ['violations'],
  };
  const results = await target.evaluate<AxeResults>(
    `window.axe.run(document, ${JSON.stringify(options)})`,
  );
  return results.violations;
}

/** Violations as a person reads them: one paragraph per rule, one line per element. */
export function describeViolations(where: string, violations: readonly Result[]): string {
  if (violations.length === 0) return `${where}: no WCAG 2.1 AA violation.`;
  const rules = violations.map((violation) => {
    const nodes = violation.nodes.map(
      (node) =>
        `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    );
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
  });
  return `${where}: ${violations.length} WCAG 2.1 AA violation${violations.length === 1 ? '' : 's'}\n${rules.join('\n')}`;
}

/** Fails with every violation described when axe finds any on what `target` shows now. */
export async function expectAccessible(target: Page | Frame, where: string): Promise<void> {
  const violations = await axeViolations(target);
  if (violations.length > 0) throw new Error(describeViolations(where, violations));
}
