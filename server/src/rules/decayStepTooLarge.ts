// WD301: with plain SGD, lr*wd >= 1 makes decay alone flip or grow the weights; with momentum m,
// lr*wd >= 2*(1 + m) makes them oscillate with growing amplitude.
import { dedupe, learningRateOf, optimizersOf, siteKey } from '../analysis/decayFlow';
import type { FindingData, RelatedLocation } from '../analysis/findings';
import type { Factor, OptimizerTag } from '../analysis/values';
import { momentumStabilityLimit, sgdShrinkFactor } from '@decay-lens/runtime/decayMath';
import { formatNumber, placeOf, termName } from './describe';
import type { Rule, RuleFinding } from './rule';

export const decayStepTooLarge: Rule = {
  code: 'WD301',
  name: 'decay-step-too-large',
  defaultSeverity: 'error',
  summary: 'lr*wd >= 1 (>= 2(1+m) with momentum m): SGD decay flips or grows the weights each step',
  finds: '`lr*wd >= 1` under plain SGD (`>= 2(1+m)` with momentum `m`): the weights flip or grow each step',
  check(facts) {
    // Terms kept in a collection and summed into the loss, and penalties on the weights added to it directly.
    const trained = [
      ...facts.flows.flatMap((flow) => flow.reachingSinks.flatMap((sink) => flow.sources.map(({ term }) => ({ term, sink })))),
      ...facts.lossTerms,
    ];
    const findings = trained.flatMap(({ term, sink }) => {
      // A penalty on unsquared norms shrinks no weight by a factor per step.
      if (term.unsquared) return [];
      const learningRate = learningRateOf(sink);
      const descent = learningRate === undefined ? undefined : gradientDescent(optimizersOf(sink));
      if (learningRate === undefined || !descent) return [];
      return stepTooLarge({
        factor: term.factor,
        gradScale: term.gradScale,
        learningRate,
        momentum: descent.momentum,
        subject: termName(term),
        multiplies: (shrink) => `plain SGD multiplies the weights by ${shrink} each step`,
        optimizer: { ...sink.site, message: `the optimizer (lr=${formatNumber(learningRate)}) at ${placeOf(sink.site)}` },
        data: { sink: sink.site },
      });
    });
    // An SGD optimizer's own weight_decay (PyTorch, an optax chain): the same arithmetic with gradScale 1.
    const optimizerFindings = facts.optimizers.flatMap((optimizer) => {
      const decay = optimizer.weightDecay;
      const learningRate = optimizer.learningRate.k === 'num' ? optimizer.learningRate.value : undefined;
      const descent = gradientDescent([optimizer]);
      if (!decay || !descent || decay.optax?.afterStep || learningRate === undefined) return [];
      return stepTooLarge({
        factor: decay.factor,
        gradScale: 1,
        learningRate,
        momentum: descent.momentum,
        subject: `the weight decay of ${optimizer.name}`,
        multiplies: (shrink) => `each step multiplies the weights by ${shrink}`,
        optimizer: { ...optimizer.site, message: `the optimizer (lr=${formatNumber(learningRate)})` },
        data: {},
      });
    });
    return dedupe([...findings, ...optimizerFindings], (finding) => siteKey(finding));
  },
};

/** SGD's momentum as it applies to decay: its value, Nesterov's update, a dampening. */
interface Momentum {
  value: number;
  nesterov?: true;
  dampening?: number;
}

/** Plain SGD (no momentum), or SGD with one known momentum: the optimizers whose decay arithmetic is known. */
function gradientDescent(optimizers: readonly OptimizerTag[]): { momentum?: Momentum } | undefined {
  if (optimizers.length === 0) return undefined;
  if (optimizers.every((optimizer) => optimizer.kind === 'sgd')) return {};
  const [{ momentum, nesterov, dampening }] = optimizers;
  const same = (optimizer: OptimizerTag) => optimizer.kind === 'momentum' && optimizer.momentum === momentum && optimizer.nesterov === nesterov && optimizer.dampening === dampening;
  return momentum !== undefined && optimizers.every(same) ? { momentum: { value: momentum, nesterov, dampening } } : undefined;
}

interface DecayStep {
  factor: Factor;
  /** The decay's gradient is `gradScale * factor * w`. */
  gradScale: number;
  learningRate: number;
  /** The optimizer's momentum, when it has one. */
  momentum?: Momentum;
  /** What decays (`kernel's decay`, `the weight decay of SGD`). */
  subject: string;
  /** The message's clause saying what one step does to the weights. */
  multiplies: (shrink: string) => string;
  optimizer: RelatedLocation;
  data: FindingData;
}

/**
 * A finding when one SGD step of this decay alone multiplies the weights by zero or less; with
 * momentum, when decay alone makes them oscillate with growing amplitude.
 */
function stepTooLarge({ factor, gradScale, learningRate, momentum, subject, multiplies, optimizer, data }: DecayStep): RuleFinding[] {
  if (factor.k !== 'num' || factor.value <= 0) return [];
  const coefficient = factor.value * gradScale;
  const product = gradScale === 1 ? 'lr*wd' : `${gradScale}*lr*wd`;
  if (momentum !== undefined) {
    const limit = momentumStabilityLimit(momentum.value, momentum);
    if (learningRate * coefficient < limit) return [];
    const formula = momentum.nesterov ? '2*(1 + m)/(1 + 2*m)' : momentum.dampening ? '2*(1 + m)/(1 - dampening)' : '2*(1 + m)';
    const described = `${momentum.nesterov ? 'Nesterov ' : ''}momentum m = ${formatNumber(momentum.value)}${momentum.dampening ? ` (dampening ${formatNumber(momentum.dampening)})` : ''}`;
    return [
      {
        ...factor.site,
        message:
          `${product} = ${formatNumber(learningRate * coefficient)} >= ${formula} = ${formatNumber(limit)} for ${subject} with learning rate ${formatNumber(learningRate)} and ${described}: ` +
          `decay alone makes the weights oscillate with growing amplitude. Use a decay below ${formatNumber(limit / (learningRate * gradScale))}.`,
        related: [optimizer],
        data: { weightDecay: factor.value, learningRate, ...data },
      },
    ];
  }
  const shrink = sgdShrinkFactor(learningRate, coefficient);
  if (shrink > 0) return [];
  return [
    {
      ...factor.site,
      message:
        `${product} = ${formatNumber(learningRate * coefficient)} >= 1 for ${subject} with learning rate ${formatNumber(learningRate)}: ` +
        `${multiplies(formatNumber(shrink))}, so ${shrink < -1 ? 'they grow and flip sign' : shrink === 0 ? 'decay alone zeroes them' : 'they flip sign'}. ` +
        `Use a decay below ${formatNumber(1 / (learningRate * gradScale))}.`,
      related: [optimizer],
      data: { weightDecay: factor.value, learningRate, ...data },
    },
  ];
}
