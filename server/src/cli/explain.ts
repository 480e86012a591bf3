// `decay-lens explain CODE`: prints the rule's page from docs/rules/CODE.md.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleCode } from '../analysis';
import { RULES, findRule, type RuleInfo } from './ruleCatalog';

/** The folder this module runs from: dist/ when bundled, server/src/cli/ when run from source. */
function scriptFolder(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/**
 * The nearest `docs/rules` folder at or above `start`: from dist/cli.js that is `<root>/docs/rules`
 * one level up, from server/src/cli/*.ts three levels up.
 */
export function findRulesFolder(start: string = scriptFolder()): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (isFolder(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function isFolder(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

/** The markdown page of a rule, or undefined when the docs are not installed or the page is missing. */
export function readRulePage(code: RuleCode, rulesFolder: string | undefined = findRulesFolder()): string | undefined {
  if (rulesFolder === undefined) return undefined;
  const file = path.join(rulesFolder, `${code}.md`);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** What `explain` prints for a rule whose page is not available. */
function fallbackPage(rule: RuleInfo): string {
  return [
    `# ${rule.code}: ${rule.slug}`,
    '',
    `Default severity: **${rule.defaultSeverity}**.`,
    '',
    `${rule.description}.`,
    '',
    `Full description: ${rule.helpUri}`,
    '',
  ].join('\n');
}

export type ExplainResult = { page: string } | { error: string };

export function explain(code: string, rulesFolder?: string): ExplainResult {
  const rule = findRule(code);
  if (!rule) {
    return {
      error: `unknown rule code '${code}'. Known codes: ${RULES.map((known) => known.code).join(', ')}`,
    };
  }
  const page = readRulePage(rule.code, rulesFolder ?? findRulesFolder()) ?? fallbackPage(rule);
  return { page: page.endsWith('\n') ? page : `${page}\n` };
}
