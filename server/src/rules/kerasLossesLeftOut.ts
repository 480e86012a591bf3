// WD103: a Keras (or TF.js) layer regularizer whose model.losses a custom training loop never adds.
import type { Location } from '../analysis/findings';
import { isScriptPath } from '../analysis/sourceLanguage';
import { factorText, modelLossesTrained, sinkDescription } from './describe';
import { linesOf, pointAt, tensorflowAlias, textIn } from './fixText';
import type { Rule } from './rule';
import { uncollectedRegularizers } from './uncollectedRegularizers';

/** The value of the loss the tape differentiates (its only assignment) and the trained model's name. */
type AddModelLosses = { lossDefinition: Location; trainedModel: string };

export const kerasLossesLeftOut: Rule<AddModelLosses> = {
  code: 'WD103',
  name: 'keras-losses-left-out',
  defaultSeverity: 'warning',
  summary: 'A Keras model has regularizers, but its custom training loop leaves out model.losses',
  finds: 'a Keras or TF.js model with regularizers, trained in a custom loop (`GradientTape`, `optimizer.minimize`) whose loss leaves out `model.losses` / `model.calculateLosses()`',
  check(facts) {
    // The quick fix adds model.losses to the value of the loss the tape differentiates: only when
    // there is one such loop, since which model a regularizer belongs to is not known here.
    // Not when the loss adds some models' losses already (`head.losses`): the whole model's would add those twice.
    const namedModels = modelLossesTrained(facts);
    const tapes = facts.sinks.flatMap(({ method, lossDefinition, trainedModel }) =>
      method === 'gradient' && lossDefinition && trainedModel && namedModels.length === 0 ? [{ lossDefinition, trainedModel }] : [],
    );
    const findings = uncollectedRegularizers(facts, 'keras', (source, flow) => {
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
      const model = flow.model;
      if (model && namedModels.length > 0) {
        const added = namedModels.map((name) => `${name}.losses`).join(', ');
        return {
          message: `${what} adds to ${model}.losses, and the training loop's loss adds ${added} only: ${model}'s regularization never reaches it. Add tf.add_n(${model}.losses) to the loss.`,
          related: (sink) => `${sinkDescription(sink)}, with ${added} only`,
        };
      }
      return {
        message:
          `${what} only adds to model.losses, and the training loop's loss ` +
          `leaves model.losses out (model.fit would add them; a custom loop must). Add tf.add_n(model.losses) to the loss.`,
        related: (sink) => `${sinkDescription(sink)}, without model.losses`,
      };
    });
    return tapes.length === 1 ? findings.map((finding) => ({ ...finding, fixes: tapes })) : findings;
  },
  fix: {
    does: 'adds `tf.add_n(model.losses)` to the value of the loss the `GradientTape` differentiates (parenthesized unless a name or a single call)',
    edits({ lossDefinition: definition, trainedModel: model }, textOf) {
      const text = textOf(definition.uri);
      if (text === undefined) return undefined;
      const value = textIn(linesOf(text), definition);
      if (value === undefined) return undefined;
      const addition = `${tensorflowAlias(text)}.add_n(${model}.losses)`;
      const { startLine, startColumn, endLine, endColumn } = definition.range;
      const end = pointAt(endLine, endColumn);
      // `a + b` or `a if c else b` needs parentheses before `+ ...`; a name or a single call does not.
      return {
        title: `Add ${addition} to the loss`,
        edits: isPrimary(value)
          ? [{ uri: definition.uri, range: end, newText: ` + ${addition}` }]
          : [
              { uri: definition.uri, range: pointAt(startLine, startColumn), newText: '(' },
              { uri: definition.uri, range: end, newText: `) + ${addition}` },
            ],
      };
    },
  },
};

/** A dotted name, or one call whose argument list closes at the very end. */
function isPrimary(expression: string): boolean {
  const open = expression.indexOf('(');
  if (open < 0) return /^[\w.]+$/.test(expression);
  if (!/^[\w.]+\s*$/.test(expression.slice(0, open))) return false;
  let depth = 0;
  for (let index = open; index < expression.length; index++) {
    const char = expression[index];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index === expression.length - 1;
  }
  return false;
}
