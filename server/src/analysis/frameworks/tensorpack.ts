// tensorpack: `ModelDesc.build_graph` returns the cost the trainer minimizes; `regularize_cost(regex,
// tf.nn.l2_loss)` sums the L2 of the variables the pattern names (a penalty form, scaled by the caller).
import type { Framework } from './framework';
import { methodOfClassImporting } from './trainedReturns';

export const tensorpack: Framework = {
  name: 'tensorpack',
  returnedLoss: (scope) => (methodOfClassImporting(scope, 'build_graph', /^tensorpack(?:\.|$)/) !== undefined ? { method: 'build_graph' } : undefined),
  namedCall: ({ qualified, at }) => (/^tensorpack(?:\.\w+)*\.regularize_cost$/.test(qualified) ? [{ k: 'l2', gradScale: 1, site: at }] : undefined),
};
