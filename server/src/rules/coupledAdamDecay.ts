// WD202: weight_decay on Adam, RMSprop or Adagrad is coupled L2, not AdamW's decoupled decay.
import type { Location } from '../analysis/findings';
import { formatNumber } from './describe';
import { lineTextIn, linesOf, pointAt } from './fixText';
import type { Rule } from './rule';

/** The optimizer's dotted constructor name (`torch.optim.Adam`). */
type SwitchToAdamW = { optimizerCallee: Location };

export const coupledAdamDecay: Rule<SwitchToAdamW> = {
  code: 'WD202',
  name: 'coupled-adam-decay',
  defaultSeverity: 'info',
  summary: 'weight_decay on Adam, RMSprop or Adagrad is coupled L2, scaled down by the adaptive step',
  finds: "`weight_decay` on Adam/RMSprop/Adagrad (or `optax.add_decayed_weights` before `optax.adam`): coupled L2 scaled by the adaptive step, not AdamW's decoupled decay",
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
          data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          fixes: optimizer.name === 'Adam' && decay.callee ? [{ optimizerCallee: decay.callee }] : [],
        },
      ];
    });
  },
  fix: {
    does: 'switches `Adam` to `AdamW`, keeping its `weight_decay`',
    edits({ optimizerCallee: callee }, textOf) {
      const text = textOf(callee.uri);
      if (text === undefined || !lineTextIn(linesOf(text), callee)?.endsWith('Adam')) return undefined;
      const { endLine, endColumn } = callee.range;
      return { title: 'Switch to AdamW (decoupled weight decay)', edits: [{ uri: callee.uri, range: pointAt(endLine, endColumn), newText: 'W' }] };
    },
  },
};
