// `decay-lens explain CODE`: prints the rule's page from docs/rules/CODE.md.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleCode } from '../analysis';
import { ruleByCode, ruleDocUrl, rules } from '../rules';

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

export type ExplainResult = { page: string } | { error: string };

export function explain(code: string, rulesFolder?: string): ExplainResult {
  const rule = ruleByCode(code.trim());
  if (!rule) {
    return {
      error: `unknown rule code '${code}'. Known codes: ${rules.map((known) => known.code).join(', ')}`,
    };
  }
  const page = readRulePage(rule.code, rulesFolder ?? findRulesFolder());
  if (page === undefined) return { error: `the page of ${rule.code} is not installed: see ${ruleDocUrl(rule.code)}` };
  return { page: page.endsWith('\n') ? page : `${page}\n` };
}
