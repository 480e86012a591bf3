// WD102: a TF1 regularizer= argument whose REGULARIZATION_LOSSES nothing adds to the loss.
import { factorText, sinkDescription } from './describe';
import type { Rule } from './rule';
import { uncollectedRegularizers } from './uncollectedRegularizers';

export const regularizerNeverCollected: Rule = {
  code: 'WD102',
  name: 'regularizer-never-collected',
  defaultSeverity: 'warning',
  summary: 'A TF1 regularizer is set, but the regularization losses never reach the loss',
  finds: "a TF1 `regularizer=` / `kernel_regularizer=` whose regularization losses never reach the optimizer's loss",
  check(facts) {
    return uncollectedRegularizers(facts, 'regularizer', (source) => {
      const variable = source.term.variable;
      // `w = tf.get_variable(..., regularizer=R)` names the weight; `h = tf.layers.dense(...)` the layer's output.
      const on = variable?.name ? (variable.helper === 'regularizer' ? ` on \`${variable.name}\`` : ` on the layer giving \`${variable.name}\``) : '';
      return {
        message:
          `This regularizer (scale ${factorText(source.term)}${on}) only adds its term to tf.GraphKeys.REGULARIZATION_LOSSES, ` +
          `and nothing adds those to the loss the optimizer minimizes. Add tf.losses.get_regularization_loss() to the loss.`,
        related: (sink) => `${sinkDescription(sink)}, without the regularization losses`,
      };
    });
  },
};
