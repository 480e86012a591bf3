// The shape every rule has. Rules are pure: workspace facts in, findings out.
import type { DecayFacts } from '../analysis/decayFlow';
import type { Finding, RuleCode, Severity } from '../analysis/findings';

export interface Rule {
  code: RuleCode;
  /** Kebab-case slug, stable, used in SARIF and docs. */
  name: string;
  defaultSeverity: Severity;
  /** One line for rule lists (SARIF shortDescription, `decay-lens explain` index). */
  summary: string;
  check(facts: DecayFacts): Omit<Finding, 'code' | 'severity'>[];
}
