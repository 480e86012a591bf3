// The registry: every rule, in code order. Adding a rule means adding it here and a docs page, then
// `npm run docs:rules` for the rule tables of the docs.
import type { DecayFacts } from '../analysis/decayFlow';
import type { Finding, Fix, FixRecipe, TextOf } from '../analysis/findings';
import { collectionNeverSummed } from './collectionNeverSummed';
import { coupledAdamDecay } from './coupledAdamDecay';
import { decayOnBiases } from './decayOnBiases';
import { doubleDecay } from './doubleDecay';
import { decayNeverEnabled } from './decayNeverEnabled';
import { decayStepTooLarge } from './decayStepTooLarge';
import { decayTermDiscarded } from './decayTermDiscarded';
import { kerasLossesLeftOut } from './kerasLossesLeftOut';
import { negativeDecay } from './negativeDecay';
import { regularizerAfterBuild } from './regularizerAfterBuild';
import { regularizerNeverCollected } from './regularizerNeverCollected';
import type { Rule } from './rule';
import { sumNotMinimized } from './sumNotMinimized';

export type { Rule } from './rule';

// A finding's recipes go only to the rule of its code (fixesOf), so every rule fits `Rule<FixRecipe>`.
export const rules: readonly Rule<FixRecipe>[] = [
  collectionNeverSummed,
  regularizerNeverCollected,
  kerasLossesLeftOut,
  decayTermDiscarded,
  sumNotMinimized,
  regularizerAfterBuild,
  doubleDecay,
  coupledAdamDecay,
  decayOnBiases,
  decayStepTooLarge,
  negativeDecay,
  decayNeverEnabled,
];

export const PROJECT_URL = 'https://github.com/decay-lens/decay-lens';

/** Each rule's page; `codeDescription.href` and SARIF `helpUri` point here. */
export function ruleDocUrl(code: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${code}.md`;
}

export function ruleByCode(code: string): Rule<FixRecipe> | undefined {
  return rules.find((rule) => rule.code === code.toUpperCase());
}

export function runRules(facts: DecayFacts): Finding[] {
  return rules.flatMap((rule) =>
    rule.check(facts).map((finding) => ({ ...finding, code: rule.code, severity: rule.defaultSeverity })),
  );
}

/**
 * The fixes of a finding with rule code `code` and `recipes`, computed by its rule from the current
 * text of files, the preferred one first; recipes the text no longer fits give none.
 */
export function fixesOf(code: string, recipes: readonly FixRecipe[] | undefined, textOf: TextOf): Fix[] {
  const fix = ruleByCode(code)?.fix;
  return fix ? (recipes ?? []).flatMap((recipe) => fix.edits(recipe, textOf) ?? []) : [];
}
