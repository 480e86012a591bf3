// Inlay hints next to decay values whose learning rate is known: what one plain-SGD step does to
// the weights from decay alone (`×0.9996/step`), with the arithmetic in the tooltip.
import { halvingSteps, momentumSteadyStateFactor, sgdShrinkFactor } from '@decay-lens/runtime';
import { InlayHintKind, MarkupKind, type InlayHint } from 'vscode-languageserver';
import { learningRateOf, optimizersOf, type DecayFacts } from '../analysis/decayFlow';
import type { Location } from '../analysis/findings';
import type { OptimizerKind } from '../analysis/values';
import { formatNumber } from '../rules/describe';

export interface DecayHint extends Location {
  label: string;
  /** Rendered when a client asks for the hints of the file. */
  tooltip(): string;
}

/** Momentum of TF's MomentumOptimizer examples, for the steady-state figure. */
export const TYPICAL_MOMENTUM = 0.9;

/** What decay alone does to the weights per step: `1 - lr*c`, or with momentum its steady state. */
export function decayPerStep(kind: OptimizerKind | undefined, learningRate: number, coefficient: number): number {
  return kind === 'momentum' ? momentumSteadyStateFactor(learningRate, coefficient, TYPICAL_MOMENTUM) : sgdShrinkFactor(learningRate, coefficient);
}

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
      const perStep = decayPerStep(kind, learningRate, coefficient);
      hints.push({
        uri: factor.site.uri,
        range: factor.site.range,
        label: stepLabel(perStep),
        tooltip: () => {
          const halving = halvingSteps(perStep);
          const formula = kind === 'sgd' ? `1 - lr*wd = 1 - ${formatNumber(learningRate)}*${formatNumber(coefficient)}` : `1 - lr*wd/(1-m) with m=${TYPICAL_MOMENTUM}`;
          return `Decay alone multiplies the weights by \`${formula} = ${formatFactor(perStep)}\` each step` + (halving !== undefined ? `, halving them in ≈${Math.round(halving)} steps.` : '.');
        },
      });
    }
  }
  // PyTorch optimizers decay by their own weight_decay: SGD as an L2 gradient wd*w, AdamW directly.
  for (const optimizer of facts.optimizers) {
    const decay = optimizer.weightDecay;
    if (decay?.optax?.afterStep && decay.factor.k === 'num' && decay.factor.value > 0) {
      // optax: decay added after the step that flipped the sign grows the weights, whatever the learning rate.
      const perStep = 1 + decay.factor.value;
      hints.push({
        uri: decay.site.uri,
        range: decay.site.range,
        label: stepLabel(perStep),
        tooltip: () => `After the learning-rate step the update already holds \`-lr*g\`: adding \`wd*w\` multiplies the weights by \`1 + wd = ${formatFactor(perStep)}\` each step (WD302).`,
      });
      continue;
    }
    if (!decay || decay.factor.k !== 'num' || decay.factor.value <= 0 || optimizer.learningRate.k !== 'num') continue;
    if (optimizer.kind !== 'sgd' && optimizer.kind !== 'momentum' && optimizer.kind !== 'adamw') continue;
    const lr = optimizer.learningRate.value;
    const wd = decay.factor.value;
    const perStep = decayPerStep(optimizer.kind, lr, wd);
    const halving = halvingSteps(perStep);
    const how =
      optimizer.kind === 'adamw'
        ? `${optimizer.name}'s decoupled decay multiplies the weights by \`1 - lr*wd = ${formatFactor(perStep)}\` each step, apart from the gradient step`
        : optimizer.kind === 'momentum'
          ? `with momentum m=${TYPICAL_MOMENTUM}, decay alone settles at \`1 - lr*wd/(1-m) = ${formatFactor(perStep)}\` per step`
          : `${optimizer.name}'s weight_decay adds \`wd*w\` to the gradient: decay alone multiplies the weights by \`1 - lr*wd = ${formatFactor(perStep)}\` each step`;
    hints.push({
      uri: decay.site.uri,
      range: decay.site.range,
      label: stepLabel(perStep),
      tooltip: () => `${how}${halving !== undefined ? `, halving them in ≈${Math.round(halving)} steps` : ''}.`,
    });
  }
  return hints;
}

/** `×0.9996/step`. */
function stepLabel(perStep: number): string {
  return `×${formatFactor(perStep)}/step`;
}

/** `0.9996`; a factor that rounds to 1 (AdamW's 1e-3*1e-4) keeps its difference: `(1-1e-7)`. */
export function formatFactor(factor: number): string {
  const rounded = formatNumber(factor);
  if (rounded !== '1' || factor === 1) return rounded;
  return factor < 1 ? `(1-${formatNumber(1 - factor)})` : `(1+${formatNumber(factor - 1)})`;
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
      tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip() },
    }));
}
