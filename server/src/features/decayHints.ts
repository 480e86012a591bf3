// Inlay hints next to decay values whose learning rate is known: what one plain-SGD step does to
// the weights from decay alone (`×0.9996/step`), with the arithmetic in the tooltip.
import { halvingSteps } from '@decay-lens/runtime/decayMath';
import { learningRateOf, optimizersOf, type DecayFacts } from '../analysis/decayFlow';
import type { Location } from '../analysis/findings';
import { formatNumber } from '../rules/describe';
import { decayPerStep, formatFactor, momentumOf, momentumText } from './decayArithmetic';

export interface DecayHint extends Location {
  label: string;
  /** Rendered when a client asks for the hints of the file. */
  tooltip(): string;
}

export function buildDecayHints(facts: DecayFacts): DecayHint[] {
  const hints: DecayHint[] = [];
  for (const flow of facts.flows) {
    const sink = flow.reachingSinks[0];
    const learningRate = sink ? learningRateOf(sink) : undefined;
    const optimizer = sink ? optimizersOf(sink)[0] : undefined;
    const kind = optimizer?.kind;
    if (learningRate === undefined || (kind !== 'sgd' && kind !== 'momentum')) continue;
    const momentum = momentumOf(optimizer);
    for (const source of flow.sources) {
      const factor = source.term.factor;
      if (factor.k !== 'num' || factor.value <= 0) continue;
      const coefficient = factor.value * source.term.gradScale;
      const perStep = decayPerStep(kind, learningRate, coefficient, momentum.value);
      hints.push({
        uri: factor.site.uri,
        range: factor.site.range,
        label: stepLabel(perStep),
        tooltip: () => {
          const halving = halvingSteps(perStep);
          const formula = kind === 'sgd' ? `1 - lr*wd = 1 - ${formatNumber(learningRate)}*${formatNumber(coefficient)}` : `1 - lr*wd/(1-m) with ${momentumText(momentum)}`;
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
    const momentum = momentumOf(optimizer);
    const perStep = decayPerStep(optimizer.kind, lr, wd, momentum.value);
    const halving = halvingSteps(perStep);
    const how =
      optimizer.kind === 'adamw'
        ? `${optimizer.name}'s decoupled decay multiplies the weights by \`1 - lr*wd = ${formatFactor(perStep)}\` each step, apart from the gradient step`
        : optimizer.kind === 'momentum'
          ? `with ${momentumText(momentum)}, decay alone settles at \`1 - lr*wd/(1-m) = ${formatFactor(perStep)}\` per step`
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
