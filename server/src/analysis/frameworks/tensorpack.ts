// tensorpack: `ModelDesc.build_graph` returns the cost the trainer minimizes.
import type { Framework } from './framework';
import { methodOfClassImporting } from './trainedReturns';

export const tensorpack: Framework = {
  name: 'tensorpack',
  returnedLoss: (scope) => (methodOfClassImporting(scope, 'build_graph', /^tensorpack(?:\.|$)/) !== undefined ? { method: 'build_graph' } : undefined),
};
