// WD103: a Keras (or TF.js) layer regularizer whose model.losses a custom training loop never adds.
import { isScriptPath } from '../analysis/sourceLanguage';
import { factorText, sinkDescription } from './describe';
import type { Rule } from './rule';
import { uncollectedRegularizers } from './uncollectedRegularizers';

export const kerasLossesLeftOut: Rule = {
  code: 'WD103',
  name: 'keras-losses-left-out',
  defaultSeverity: 'warning',
  summary: 'A Keras model has regularizers, but its custom training loop leaves out model.losses',
  check(facts) {
    // The quick fix adds model.losses to the value of the loss the tape differentiates: only when
    // there is one such loop, since which model a regularizer belongs to is not known here.
    const tapes = facts.sinks.filter((sink) => sink.method === 'gradient' && sink.lossDefinition && sink.trainedModel);
    const tape = tapes.length === 1 ? tapes[0] : undefined;
    const findings = uncollectedRegularizers(facts, 'keras', (source) => {
      const layer = source.term.variable?.name;
      if (isScriptPath(source.write.site.uri)) {
        return {
          message:
            `This TF.js regularizer (l2 ${factorText(source.term)}${layer ? `, layer \`${layer}\`` : ''}) only adds a term to the model's regularization losses, and the training loop's loss ` +
            `leaves them out (model.fit would add them; a custom loop must, and TF.js model.losses does not hold them). Add tf.addN(model.calculateLosses()) to the loss.`,
          related: (sink) => `${sinkDescription(sink)}, without model.calculateLosses()`,
        };
      }
      // Regularizers carry the keyword they were given by; `self.add_loss(term)` has none.
      const what = source.term.variable ? `This Keras regularizer (l2 ${factorText(source.term)}${layer ? `, layer \`${layer}\`` : ''})` : `This add_loss term${source.term.factor.k === 'num' ? ` (factor ${factorText(source.term)})` : ''}`;
      return {
        message:
          `${what} only adds to model.losses, and the training loop's loss ` +
          `leaves model.losses out (model.fit would add them; a custom loop must). Add tf.add_n(model.losses) to the loss.`,
        related: (sink) => `${sinkDescription(sink)}, without model.losses`,
      };
    });
    return tape ? findings.map((finding) => ({ ...finding, data: { ...finding.data, lossDefinition: tape.lossDefinition, trainedModel: tape.trainedModel } })) : findings;
  },
};
