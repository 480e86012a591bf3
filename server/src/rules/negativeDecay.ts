// WD302: a negative decay factor pushes weights away from zero.
import { dedupe, siteKey } from '../analysis/decayFlow';
import { formatNumber, termName } from './describe';
import type { Rule } from './rule';

export const negativeDecay: Rule = {
  code: 'WD302',
  name: 'negative-decay',
  defaultSeverity: 'warning',
  summary: 'Negative weight decay',
  finds: 'negative weight decay',
  check(facts) {
    // Terms kept in a collection, and penalties added to a loss directly.
    const terms = [...facts.sources, ...facts.lossTerms].map(({ term }) => ({ term, name: termName(term, false) }));
    // A coefficient whose value is not known here (a config's, an object's), subtracted: negative for
    // any positive one. Said only where no known value is (the same term with its number says more).
    const subtracted = terms.flatMap(({ term, name }) => {
      const factor = term.factor;
      if (factor.k === 'num' || !factor.negatedAt) return [];
      return [
        {
          ...factor.negatedAt,
          message: `Negative weight decay: ${name} is subtracted from the loss, so any positive coefficient rewards large weights and pushes them away from zero. Add the penalty instead.`,
          related: [],
          data: {},
        },
      ];
    });
    const findings = terms.flatMap(({ term, name }) => {
      const factor = term.factor;
      if (factor.k !== 'num' || factor.value >= 0) return [];
      return [
        {
          ...factor.site,
          message: `Negative weight decay wd=${formatNumber(factor.value)} for ${name}: the term rewards large weights and pushes them away from zero. Make it positive (a penalty subtracted from the loss must be added).`,
          related: [],
          data: { weightDecay: factor.value },
        },
      ];
    });
    // An optimizer's own decay: negative, or (optax) added after the step that flipped the update's sign.
    const optimizerFindings = facts.optimizers.flatMap((optimizer) => {
      const decay = optimizer.weightDecay;
      if (!decay) return [];
      const factor = decay.factor;
      // After the step a negative wd shrinks the weights by 1+wd each step: decay written directly, not a bug.
      if (decay.optax?.afterStep && factor.k === 'num' && factor.value < 0) return [];
      if (decay.optax?.afterStep) {
        const grows = factor.k === 'num' ? ` (×${formatNumber(1 + factor.value)})` : '';
        return [
          {
            ...decay.site,
            message:
              `optax.add_decayed_weights comes after the learning-rate step in ${optimizer.name}: the update is already scaled by -lr, ` +
              `so adding wd*w makes every step multiply the weights by 1+wd${grows}: they grow. Put it before the step, or use optax.adamw.`,
            related: [{ ...decay.optax.afterStep, message: 'the learning-rate step that comes first' }],
            data: { weightDecay: factor.k === 'num' ? factor.value : undefined },
          },
        ];
      }
      if (factor.k !== 'num' || factor.value >= 0) return [];
      return [
        {
          ...factor.site,
          message: `Negative weight decay weight_decay=${formatNumber(factor.value)} on ${optimizer.name}: it pushes the weights away from zero. Use a positive value.`,
          related: [],
          data: { weightDecay: factor.value },
        },
      ];
    });
    return dedupe([...findings, ...optimizerFindings, ...subtracted], (finding) => siteKey(finding));
  },
};
