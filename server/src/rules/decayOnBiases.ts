// WD203: every parameter of a module in one decayed group, biases and normalization weights too.
import { formatNumber } from './describe';
import type { Rule } from './rule';

export const decayOnBiases: Rule = {
  code: 'WD203',
  name: 'decay-on-biases',
  defaultSeverity: 'info',
  summary: 'Weight decay applied to biases and normalization parameters',
  check(facts) {
    return facts.optimizers.flatMap((optimizer): ReturnType<Rule['check']> => {
      const decay = optimizer.weightDecay;
      if (!decay?.allParameters || (decay.factor.k === 'num' && decay.factor.value <= 0)) return [];
      const wd = decay.factor.k === 'num' ? `=${formatNumber(decay.factor.value)}` : '';
      if (decay.keras) {
        const { exclusions } = decay.keras;
        // One call names what is excluded; each further call replaces the names of the one before.
        // TensorFlow Addons: each minimize/apply_gradients names its own decay_var_list.
        if (exclusions.length === 1 || (decay.keras.addons && exclusions.length > 0)) return [];
        return [
          {
            ...decay.allParameters,
            message:
              exclusions.length === 0
                ? `weight_decay${wd} of ${optimizer.name} decays every trainable variable, biases and normalization scales included, which usually hurts. ` +
                  (decay.keras.addons
                    ? `Exclude them: pass the variables to decay as decay_var_list= to apply_gradients or minimize.`
                    : `Exclude them before training: optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta']).`)
                : `weight_decay${wd} of ${optimizer.name} still decays biases or normalization scales: each of the ${exclusions.length} exclude_from_weight_decay calls replaces the exclusions of the one before, so only the last one counts. ` +
                  `Pass every name in one call (var_names=['bias', 'gamma', 'beta']).`,
            related: exclusions.map((exclusion, index) => ({ ...exclusion, message: index === exclusions.length - 1 ? 'the only exclusion that counts' : 'replaced by the next call' })),
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          },
        ];
      }
      if (decay.optax) {
        return [
          {
            ...decay.allParameters,
            message:
              `weight_decay${wd} of ${optimizer.name} has no mask, so it decays every parameter, biases and normalization scales included, which usually hurts. ` +
              `Pass mask= a function of the params that is False for them (e.g. lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params)).`,
            related: [],
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined, decayCall: decay.optax.call },
          },
        ];
      }
      return [
        {
          ...decay.allParameters,
          message:
            `weight_decay${wd} applies to every parameter here, biases and normalization weights included, which usually hurts. ` +
            `Split them into a group with weight_decay=0 (e.g. parameters with p.ndim <= 1).`,
          related: [{ ...decay.site, message: 'the decay that applies to all of them' }],
          data: {
            weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined,
            allParameters: decay.allParameters,
            optimizerStatement: decay.statement,
          },
        },
      ];
    });
  },
};
