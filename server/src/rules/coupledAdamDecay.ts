// WD202: weight_decay on Adam, RMSprop or Adagrad is coupled L2, not AdamW's decoupled decay.
import { formatNumber } from './describe';
import type { Rule } from './rule';

export const coupledAdamDecay: Rule = {
  code: 'WD202',
  name: 'coupled-adam-decay',
  defaultSeverity: 'info',
  summary: 'weight_decay on Adam, RMSprop or Adagrad is coupled L2, scaled down by the adaptive step',
  check(facts) {
    return facts.optimizers.flatMap((optimizer) => {
      const decay = optimizer.weightDecay;
      // Keras 2.11+ decouples every optimizer's weight_decay.
      if (!decay || decay.keras || (optimizer.kind !== 'adam' && optimizer.kind !== 'adaptive')) return [];
      if (decay.factor.k === 'num' && decay.factor.value <= 0) return [];
      const wd = decay.factor.k === 'num' ? `=${formatNumber(decay.factor.value)}` : '';
      if (decay.optax) {
        // optax: add_decayed_weights before the adaptive scaling puts wd*w into the scaled gradient.
        return [
          {
            ...decay.site,
            message:
              `optax.add_decayed_weights(${decay.factor.k === 'num' ? formatNumber(decay.factor.value) : 'wd'}) comes before the adaptive scaling of ${optimizer.name}: wd*w joins the gradient and is divided by sqrt(v)+eps ` +
              `with it (coupled L2), so weights with large gradients barely decay. For decoupled decay use optax.adamw, or put add_decayed_weights after the scaling.`,
            related: [{ ...optimizer.site, message: 'the chain that scales the decay' }],
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          },
        ];
      }
      return [
        {
          ...decay.site,
          message:
            `weight_decay${wd} on ${optimizer.name} is coupled L2: it joins the gradient and is divided by sqrt(v)+eps like the rest, ` +
            `so weights with large gradients barely decay. For decoupled decay (w -= lr*wd*w each step) use torch.optim.AdamW.`,
          related: [],
          data: {
            weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined,
            optimizerCallee: optimizer.name === 'Adam' ? decay.callee : undefined,
          },
        },
      ];
    });
  },
};
