// The rule facts the CLI needs (slug, one-line description, default severity, help page), read
// from the rules registry in server/src/rules so there is one source of truth.
import type { RuleCode, Severity } from '../analysis';
import { ruleDocUrl, rules } from '../rules';

export interface RuleInfo {
  code: RuleCode;
  /** Kebab-case name, stable; SARIF `name`. */
  slug: string;
  /** One sentence, no trailing period; SARIF `shortDescription`. */
  description: string;
  defaultSeverity: Severity;
  /** The rule's page, docs/rules/CODE.md on GitHub. */
  helpUri: string;
}

export const REPOSITORY_URL = 'https://github.com/decay-lens/decay-lens';

/** Every rule the analysis can report, in the registry's (code) order; SARIF `ruleIndex` indexes this list. */
export const RULES: readonly RuleInfo[] = rules.map((rule) => ({
  code: rule.code,
  slug: rule.name,
  description: rule.summary.replace(/\.$/, ''),
  defaultSeverity: rule.defaultSeverity,
  helpUri: ruleDocUrl(rule.code),
}));

/** The rule for a code typed by a user (case-insensitive, surrounding blanks ignored). */
export function findRule(code: string): RuleInfo | undefined {
  const wanted = code.trim().toUpperCase();
  return RULES.find((candidate) => candidate.code === wanted);
}

/** Index of the rule in RULES, or undefined for a code the catalog does not know. */
export function ruleIndex(code: string): number | undefined {
  const index = RULES.findIndex((candidate) => candidate.code === code);
  return index >= 0 ? index : undefined;
}
