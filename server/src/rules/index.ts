// The registry: every rule, in code order. Adding a rule means adding it here and a docs page.
import type { DecayFacts } from '../analysis/decayFlow';
import type { Finding } from '../analysis/findings';
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

export const rules: readonly Rule[] = [
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

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((rule) => rule.code === code.toUpperCase());
}

export function runRules(facts: DecayFacts): Finding[] {
  return rules.flatMap((rule) =>
    rule.check(facts).map((finding) => ({ ...finding, code: rule.code, severity: rule.defaultSeverity })),
  );
}
