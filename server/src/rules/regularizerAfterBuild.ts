// WD106: a regularizer assigned to a layer of a Keras model that is already built adds no loss.
import { formatNumber } from './describe';
import type { Rule } from './rule';

export const regularizerAfterBuild: Rule = {
  code: 'WD106',
  name: 'regularizer-after-build',
  defaultSeverity: 'warning',
  summary: 'A Keras regularizer is assigned to a layer of an already-built model: it adds no loss',
  finds: 'a Keras regularizer assigned to a layer of an already-built model (`layer.kernel_regularizer = l2(...)`): it adds no loss',
  check(facts) {
    return facts.layerRegularizers.flatMap((assigned) => {
      // Rebuilding the model from its config afterwards creates the layers again, with the regularizer.
      const rebuilt = facts.modelRebuilds.some(
        (rebuild) => rebuild.model === assigned.model && rebuild.site.uri === assigned.site.uri && rebuild.site.range.startLine > assigned.site.range.startLine,
      );
      if (rebuilt) return [];
      const l2 = assigned.factor.k === 'num' ? ` (l2 ${formatNumber(assigned.factor.value)})` : '';
      return [
        {
          ...assigned.site,
          message:
            `Setting ${assigned.attribute}${l2} on a layer of \`${assigned.model}\`, which is already built, adds no loss: Keras creates a layer's ` +
            `regularization loss only when it creates the layer's weights, so model.losses stays as it was. Pass the regularizer when the layer is created, ` +
            `or rebuild the model afterwards (${assigned.model} = tf.keras.models.model_from_json(${assigned.model}.to_json()), then set_weights).`,
          related: [],
          data: { weightDecay: assigned.factor.k === 'num' ? assigned.factor.value : undefined },
        },
      ];
    });
  },
};
