// Inlay hints next to decay values whose learning rate is known: what one plain-SGD step does to
// the weights from decay alone (`×0.9996/step`), with the arithmetic in the tooltip.
import { halvingSteps, momentumSteadyStateFactor, sgdShrinkFactor } from '@decay-lens/runtime';
import { InlayHintKind, MarkupKind, type InlayHint } from 'vscode-languageserver';
import { learningRateOf, optimizersOf, type DecayFacts } from '../analysis/decayFlow';
import type { Location } from '../analysis/findings';
import { formatNumber } from '../rules/describe';

export interface DecayHint extends Location {
  label: string;
  tooltip: string;
}

/** Momentum of TF's MomentumOptimizer examples, for the steady-state figure. */
const TYPICAL_MOMENTUM = 0.9;

export function buildDecayHints(facts: DecayFacts): DecayHint[] {
  const hints: DecayHint[] = [];
  for (const flow of facts.flows) {
    const sink = flow.reachingSinks[0];
    const learningRate = sink ? learningRateOf(sink) : undefined;
    const kind = sink ? optimizersOf(sink)[0]?.kind : undefined;
    if (learningRate === undefined || (kind !== 'sgd' && kind !== 'momentum')) continue;
    for (const source of flow.sources) {
      const factor = source.term.factor;
      if (factor.k !== 'num' || factor.value <= 0) continue;
      const coefficient = factor.value * source.term.gradScale;
      const perStep = kind === 'sgd' ? sgdShrinkFactor(learningRate, coefficient) : momentumSteadyStateFactor(learningRate, coefficient, TYPICAL_MOMENTUM);
      const halving = halvingSteps(perStep);
      const formula = kind === 'sgd' ? `1 - lr*wd = 1 - ${formatNumber(learningRate)}*${formatNumber(coefficient)}` : `1 - lr*wd/(1-m) with m=${TYPICAL_MOMENTUM}`;
      hints.push({
        uri: factor.site.uri,
        range: factor.site.range,
        label: `×${formatNumber(perStep)}/step`,
        tooltip:
          `Decay alone multiplies the weights by \`${formula} = ${formatNumber(perStep)}\` each step` +
          (halving !== undefined ? `, halving them in ≈${Math.round(halving)} steps.` : '.'),
      });
    }
  }
  return hints;
}

/** The hints of one file as LSP inlay hints, after the decay value. */
export function decayInlayHints(hints: readonly DecayHint[], uri: string): InlayHint[] {
  return hints
    .filter((hint) => hint.uri === uri)
    .map((hint) => ({
      position: { line: hint.range.endLine, character: hint.range.endColumn },
      label: hint.label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
    }));
}
