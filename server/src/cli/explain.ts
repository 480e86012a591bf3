// `decay-lens explain CODE`: prints the rule's page from docs/rules/CODE.md.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleCode } from '../analysis';
import { readSourceFile } from '../files/sourceFiles';
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
export async function readRulePage(code: RuleCode, rulesFolder: string | undefined = findRulesFolder()): Promise<string | undefined> {
  if (rulesFolder === undefined) return undefined;
  const page = await readSourceFile(path.join(rulesFolder, `${code}.md`));
  return 'text' in page ? page.text : undefined;
}

/** Every rule's page by code, for SARIF output (which carries them). */
export async function readRulePages(): Promise<Map<RuleCode, string | undefined>> {
  const folder = findRulesFolder();
  return new Map(await Promise.all(rules.map(async (rule) => [rule.code, await readRulePage(rule.code, folder)] as const)));
}

export type ExplainResult = { page: string } | { error: string };

export async function explain(code: string, rulesFolder?: string): Promise<ExplainResult> {
  const rule = ruleByCode(code.trim());
  if (!rule) {
    return {
      error: `unknown rule code '${code}'. Known codes: ${rules.map((known) => known.code).join(', ')}`,
    };
  }
  const page = await readRulePage(rule.code, rulesFolder ?? findRulesFolder());
  if (page === undefined) return { error: `the page of ${rule.code} is not installed: see ${ruleDocUrl(rule.code)}` };
  return { page: page.endsWith('\n') ? page : `${page}\n` };
}
