// WD102: a TF1 regularizer= argument whose REGULARIZATION_LOSSES nothing adds to the loss.
import { dedupe, siteKey } from '../analysis/decayFlow';
import { factorText, sinkDescription } from './describe';
import type { Rule } from './rule';

export const regularizerNeverCollected: Rule = {
  code: 'WD102',
  name: 'regularizer-never-collected',
  defaultSeverity: 'warning',
  summary: 'A TF1 regularizer is set, but the regularization losses never reach the loss',
  check(facts) {
    if (facts.sinks.length === 0 || facts.uncertain) return [];
    const findings = facts.flows.flatMap((flow) => {
      if (flow.reachingSinks.length > 0 || flow.sums.length > 0) return [];
      return flow.sources
        .filter((source) => source.write.origin === 'regularizer')
        .map((source) => {
          const variable = source.term.variable;
          // `w = tf.get_variable(..., regularizer=R)` names the weight; `h = tf.layers.dense(...)` the layer's output.
          const on = variable?.name ? (variable.helper === 'regularizer' ? ` on \`${variable.name}\`` : ` on the layer giving \`${variable.name}\``) : '';
          return {
            ...source.write.site,
            message:
              `This regularizer (scale ${factorText(source.term)}${on}) only adds its term to tf.GraphKeys.REGULARIZATION_LOSSES, ` +
              `and nothing adds those to the loss the optimizer minimizes. Add tf.losses.get_regularization_loss() to the loss.`,
            related: facts.sinks.map((sink) => ({ ...sink.site, message: `${sinkDescription(sink)}, without the regularization losses` })),
            data: { collectionKey: flow.key, minimizedLoss: facts.sinks[0].lossName, sink: facts.sinks[0].site },
          };
        });
    });
    return dedupe(findings, (finding) => siteKey(finding));
  },
};
