// WD301: with plain SGD, lr*wd >= 1 makes decay alone flip or grow the weights.
import { dedupe, learningRateOf, optimizersOf, siteKey } from '../analysis/decayFlow';
import { sgdShrinkFactor } from '@decay-lens/runtime';
import { formatNumber, placeOf, sourceName } from './describe';
import type { Rule } from './rule';

export const decayStepTooLarge: Rule = {
  code: 'WD301',
  name: 'decay-step-too-large',
  defaultSeverity: 'error',
  summary: 'lr*wd >= 1: plain SGD decay flips or grows the weights each step',
  check(facts) {
    const findings = facts.flows.flatMap((flow) =>
      flow.reachingSinks.flatMap((sink) => {
        const learningRate = learningRateOf(sink);
        if (learningRate === undefined || !optimizersOf(sink).every((optimizer) => optimizer.kind === 'sgd')) return [];
        if (optimizersOf(sink).length === 0) return [];
        return flow.sources.flatMap((source) => {
          const factor = source.term.factor;
          if (factor.k !== 'num' || factor.value <= 0) return [];
          const coefficient = factor.value * source.term.gradScale;
          const shrink = sgdShrinkFactor(learningRate, coefficient);
          if (shrink > 0) return [];
          const product = source.term.gradScale === 1 ? 'lr*wd' : `${source.term.gradScale}*lr*wd`;
          return [
            {
              ...factor.site,
              message:
                `${product} = ${formatNumber(learningRate * coefficient)} >= 1 for ${sourceName(source)} with learning rate ${formatNumber(learningRate)}: ` +
                `plain SGD multiplies the weights by ${formatNumber(shrink)} each step, so ${shrink < -1 ? 'they grow and flip sign' : 'they flip sign'}. ` +
                `Use a decay below ${formatNumber(1 / (learningRate * source.term.gradScale))}.`,
              related: [{ ...sink.site, message: `the optimizer (lr=${formatNumber(learningRate)}) at ${placeOf(sink.site)}` }],
              data: { weightDecay: factor.value, learningRate, sink: sink.site },
            },
          ];
        });
      }),
    );
    // An SGD optimizer's own weight_decay (PyTorch, an optax chain): the same arithmetic with gradScale 1.
    const optimizerFindings = facts.optimizers.flatMap((optimizer) => {
      const decay = optimizer.weightDecay;
      if (!decay || optimizer.kind !== 'sgd' || decay.optax?.afterStep) return [];
      const { factor } = decay;
      const learningRate = optimizer.learningRate.k === 'num' ? optimizer.learningRate.value : undefined;
      if (factor.k !== 'num' || factor.value <= 0 || learningRate === undefined) return [];
      const shrink = sgdShrinkFactor(learningRate, factor.value);
      if (shrink > 0) return [];
      return [
        {
          ...factor.site,
          message:
            `lr*wd = ${formatNumber(learningRate * factor.value)} >= 1 for the weight decay of ${optimizer.name} with learning rate ${formatNumber(learningRate)}: ` +
            `each step multiplies the weights by ${formatNumber(shrink)}, so ${shrink < -1 ? 'they grow and flip sign' : 'they flip sign'}. ` +
            `Use a decay below ${formatNumber(1 / learningRate)}.`,
          related: [{ ...optimizer.site, message: `the optimizer (lr=${formatNumber(learningRate)})` }],
          data: { weightDecay: factor.value, learningRate },
        },
      ];
    });
    return dedupe([...findings, ...optimizerFindings], (finding) => siteKey(finding));
  },
};
