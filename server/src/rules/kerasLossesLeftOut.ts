// WD103: a Keras layer regularizer whose model.losses a custom training loop never adds.
import { factorText, sinkDescription } from './describe';
import type { Rule } from './rule';
import { uncollectedRegularizers } from './uncollectedRegularizers';

export const kerasLossesLeftOut: Rule = {
  code: 'WD103',
  name: 'keras-losses-left-out',
  defaultSeverity: 'warning',
  summary: 'A Keras model has regularizers, but its custom training loop leaves out model.losses',
  check(facts) {
    return uncollectedRegularizers(facts, 'keras', (source) => {
      const layer = source.term.variable?.name;
      return {
        message:
          `This Keras regularizer (l2 ${factorText(source.term)}${layer ? `, layer \`${layer}\`` : ''}) only adds to model.losses, and the training loop's loss ` +
          `leaves model.losses out (model.fit would add them; a custom loop must). Add tf.add_n(model.losses) to the loss.`,
        related: (sink) => `${sinkDescription(sink)}, without model.losses`,
      };
    });
  },
};
