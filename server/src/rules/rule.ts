// The shape every rule has. Rules are pure: workspace facts in, findings out; a fixable rule also
// turns one of its recipes and the current text of files into edits.
import type { DecayFacts } from '../analysis/decayFlow';
import type { Finding, Fix, FixRecipe, RuleCode, Severity, TextOf } from '../analysis/findings';

/** A finding as a rule reports it; `fixes` holds the rule's own recipes. */
export type RuleFinding<Recipe extends FixRecipe = never> = Omit<Finding, 'code' | 'severity' | 'fixes'> & { fixes?: Recipe[] };

/** `Recipe`: what the rule's fix needs (none for a rule without one). */
export interface Rule<Recipe extends FixRecipe = never> {
  code: RuleCode;
  /** Kebab-case slug, stable, used in SARIF and docs. */
  name: string;
  defaultSeverity: Severity;
  /** One line for rule lists (SARIF shortDescription, `decay-lens explain` index). */
  summary: string;
  /** What it finds, in the words of the docs' rule tables (markdown; `npm run docs:rules`). */
  finds: string;
  check(facts: DecayFacts): RuleFinding<Recipe>[];
  /** The rule's quick fix, when it has one. */
  fix?: RuleFix<Recipe>;
}

export interface RuleFix<Recipe extends FixRecipe> {
  /** What the fix does, one markdown line for the protocol doc's table. */
  does: string;
  /**
   * The edits for one recipe, from the text files have now; undefined when that text no longer
   * fits the recipe (edited since the analysis) or the fix cannot be written in it.
   */
  edits(recipe: Recipe, textOf: TextOf): Fix | undefined;
}
