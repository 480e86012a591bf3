// Hover texts: the decay flow (source -> collection -> sum -> optimizer, each a link) and the
// arithmetic with the code's own numbers. Built once per analysis, looked up by position.
import { frameworkEquivalents, halvingSteps, sgdShrinkFactor } from '@decay-lens/runtime/decayMath';
import { decayPerStep, formatFactor, momentumOf, momentumText } from './decayArithmetic';
import { formatNumber, placeOf, termName } from '../rules/describe';
import { learningRateOf, optimizersOf, type CollectionFlow, type DecayFacts, type DecaySource, type OptimizerTag, type SinkEffect } from '../analysis/decayFlow';
import type { HoverFact } from '../analysis/findings';
import { decaysBeforeSignUpdate } from '../analysis/frameworks/optax';
import { isScriptPath } from '../analysis/sourceLanguage';
import type { DecayTerm, Site } from '../analysis/values';

export function buildHoverFacts(facts: DecayFacts): HoverFact[] {
  const hovers: HoverFact[] = [];
  const add = (site: Site | undefined, markdown: () => string) => {
    if (site && site.uri) hovers.push({ uri: site.uri, range: site.range, markdown });
  };
  for (const flow of facts.flows) {
    let flowMarkdownCache: string | undefined;
    const flowText = () => (flowMarkdownCache ??= flowMarkdown(flow, facts));
    const sink = flow.reachingSinks[0] ?? facts.sinks[0];
    for (const source of flow.sources) {
      const text = () => `${flowText()}\n\n${arithmeticMarkdown(source, sink)}`;
      add(source.term.variable?.nameSite, text);
      add(source.term.variable?.call, text);
      add(source.term.factor.k === 'num' ? source.term.factor.site : undefined, text);
      add(source.term.l2Site, text);
      add(source.write.site, text);
    }
    for (const sum of flow.sums) {
      add(sum.site, flowText);
      add(sum.readSite, flowText);
    }
    for (const reaching of flow.reachingSinks) {
      const text = () => `${flowText()}\n\n${arithmeticMarkdown(flow.sources[0], reaching)}`;
      add(reaching.site, text);
      for (const optimizer of optimizersOf(reaching)) add(optimizer.site, text);
    }
  }
  for (const optimizer of facts.optimizers) {
    if (optimizer.weightDecay) add(optimizer.weightDecay.site, () => optimizerDecayMarkdown(optimizer));
  }
  return hovers;
}

/** A PyTorch optimizer's own weight_decay: what it does per step, in this optimizer. */
function optimizerDecayMarkdown(optimizer: OptimizerTag): string {
  const decay = optimizer.weightDecay!;
  const wd = decay.factor.k === 'num' ? decay.factor.value : undefined;
  const lr = optimizer.learningRate.k === 'num' ? optimizer.learningRate.value : undefined;
  const known = wd !== undefined && lr !== undefined;
  const lines = [`**Weight decay of ${optimizer.name}**${wd !== undefined ? ` · wd=${formatNumber(wd)}` : ''}${lr !== undefined ? ` · lr=${formatNumber(lr)}` : ''}`, ''];
  if (decay.optax) {
    // optax applies transformations in chain order: where the decay sits decides what it does.
    lines.push('optax: `add_decayed_weights` adds `wd*w` to the update at its place in the chain (`optax.adamw` puts it after the Adam scaling, before the learning-rate step).', '');
    if (decay.optax.afterStep) {
      const effect = wd === undefined || wd > 0 ? ', so they grow (WD302)' : wd < 0 ? ': with a negative wd that shrinks them, a decay of `-wd` per step that ignores the learning rate' : '';
      lines.push(`Here it comes after the learning-rate step, which already scaled the update by \`-lr\`: each step multiplies the weights by \`1 + wd\`${wd !== undefined ? ` = \`${formatNumber(1 + wd)}\`` : ''}${effect}.`);
      return lines.join('\n');
    }
  }
  if (optimizer.kind === 'adamw') {
    lines.push(`Decoupled: each step \`w -= lr*wd*w\`${known ? ` (\`w*${formatFactor(sgdShrinkFactor(lr, wd))}\`)` : ''}, apart from the gradient step.`);
  } else if (optimizer.kind === 'adam' || optimizer.kind === 'adaptive') {
    lines.push('Coupled L2: `wd*w` joins the gradient and is divided by `sqrt(v)+eps` with it, so weights with large gradients barely decay (WD202). `AdamW` decouples it.');
  } else if (optimizer.kind === 'momentum') {
    const momentum = momentumOf(optimizer);
    const perStep = known ? ` = \`${formatFactor(decayPerStep('momentum', lr, wd, momentum.value))}\`` : '';
    lines.push(`Adds \`wd*w\` to the gradient; with ${momentumText(momentum)}, decay alone settles at \`1 - lr*wd/(1-m)\`${perStep} per step.`);
    if (wd !== undefined) lines.push('', equivalences({ factor: decay.factor, gradScale: 1, l2Site: decay.site }));
  } else if (decaysBeforeSignUpdate(optimizer)) {
    lines.push('Before a sign update (Lion): `wd*w` joins the momentum whose sign is the step, so its size is lost and every weight moves by `lr` per step, whichever term wins. `optax.lion` adds its own decay after the sign (decoupled: `w -= lr*wd*w`).');
  } else {
    lines.push(`Adds \`wd*w\` to the gradient: plain SGD decays \`w := w*(1 - lr*wd)\`${known ? ` = \`w*${formatFactor(sgdShrinkFactor(lr, wd))}\`` : ''} per step.`);
    if (wd !== undefined) lines.push('', equivalences({ factor: decay.factor, gradScale: 1, l2Site: decay.site }));
  }
  return lines.join('\n');
}

function link(site: Site): string {
  return `[${placeOf(site)}](${site.uri}#L${site.range.startLine + 1})`;
}

function flowMarkdown(flow: CollectionFlow, facts: DecayFacts): string {
  const sources = flow.sources.slice(0, 6).map((source) => `${termName(source.term)} ${link(source.term.variable?.call ?? source.term.l2Site)}`);
  if (flow.sources.length > 6) sources.push(`and ${flow.sources.length - 6} more`);
  const writes = [...new Map(flow.sources.map((source) => [placeOf(source.write.site), source.write.site])).values()];
  const sums = flow.sums.map((sum) => `${sum.target ? `\`${sum.target}\` ` : ''}${link(sum.site)}`);
  const sinks = flow.reachingSinks.length > 0 ? flow.reachingSinks : [];
  const tfjs = isTfjs(flow.sources[0]);
  const noSum = tfjs ? 'none: nothing adds `model.calculateLosses()` to a loss' : `none: nothing sums \`tf.get_collection('${flow.key}')\``;
  const lines = [
    tfjs ? '**Weight decay flow** · TF.js layer regularizers' : `**Weight decay flow** · collection \`'${flow.key}'\``,
    '',
    `1. source: ${sources.join(', ')}`,
    `2. collection: ${collectedHow(flow)} ${writes.map(link).join(', ')}`,
    `3. sum: ${sums.length > 0 ? sums.join(', ') : noSum}`,
    `4. optimizer: ${sinks.length > 0 ? sinks.map(sinkText).join(', ') : 'none of the optimizers sees this sum'}`,
    '',
    status(flow, facts),
  ];
  return lines.join('\n');
}

/** How the terms got into the collection: an explicit write, a TF1 regularizer, a Keras layer. */
function collectedHow(flow: CollectionFlow): string {
  const origin = flow.sources[0]?.write.origin;
  if (isTfjs(flow.sources[0])) return 'the model\'s regularization losses, `model.calculateLosses()` (TF.js layer regularizers)';
  if (origin === 'keras') return '`model.losses` (Keras layer regularizers)';
  if (origin === 'regularizer') return '`tf.GraphKeys.REGULARIZATION_LOSSES` (TF1 regularizer arguments)';
  return `\`tf.add_to_collection('${flow.key}', …)\``;
}

function sinkText(sink: SinkEffect): string {
  const learningRate = learningRateOf(sink);
  const names = optimizersOf(sink).map((optimizer) => optimizer.name);
  return `\`${names[0] ? `${names[0]}.` : ''}${sink.method}\`${learningRate !== undefined ? ` (lr=${formatNumber(learningRate)})` : ''} ${link(sink.site)}`;
}

function status(flow: CollectionFlow, facts: DecayFacts): string {
  if (flow.reachingSinks.length > 0) return 'The decay reaches the loss the optimizer minimizes.';
  if (facts.sinks.length === 0) return 'No optimizer call found in the workspace: where the loss is built cannot be checked.';
  if (facts.uncertain) return 'An optimizer minimizes a loss built by code outside the workspace: reachability unknown.';
  const origin = flow.sources[0]?.write.origin;
  const code = flow.sums.length > 0 ? 'WD105' : origin === 'keras' ? 'WD103' : origin === 'regularizer' ? 'WD102' : 'WD101';
  return `**The decay never reaches the loss the optimizer minimizes** (${code}): it has no effect on training.`;
}

function arithmeticMarkdown(source: DecaySource | undefined, sink: SinkEffect | undefined): string {
  if (!source) return '';
  const term = source.term;
  const learningRate = sink ? learningRateOf(sink) : undefined;
  const optimizer = sink ? optimizersOf(sink)[0] : undefined;
  const kind = optimizer?.kind;
  const wdSymbol = term.gradScale === 1 ? 'lr*wd' : `${formatNumber(term.gradScale)}*lr*wd`;
  const lines: string[] = [];
  if (term.factor.k === 'num' && learningRate !== undefined) {
    const coefficient = term.factor.value * term.gradScale;
    const shrink = sgdShrinkFactor(learningRate, coefficient);
    const halving = halvingSteps(shrink);
    lines.push(
      `**Per step** (plain SGD, lr=${formatNumber(learningRate)}, wd=${formatNumber(term.factor.value)}): ` +
        `\`w := w*(1 - ${wdSymbol}) = w*${formatNumber(shrink)}\`` +
        (halving !== undefined ? `; decay alone halves \`w\` in ≈${Math.round(halving)} steps.` : '; this does not shrink the weights smoothly (see WD301).'),
    );
  } else {
    lines.push(
      `**Per step** (plain SGD): \`w := w*(1 - ${wdSymbol})\`` +
        (term.factor.k !== 'num' ? ' (wd not known statically)' : ' (learning rate not known statically)') + '.',
    );
  }
  if (kind === 'momentum') {
    const momentum = momentumOf(optimizer);
    const example =
      term.factor.k === 'num' && learningRate !== undefined
        ? ` (${momentumText(momentum)}: \`w*${formatFactor(decayPerStep('momentum', learningRate, term.factor.value * term.gradScale, momentum.value))}\`)`
        : '';
    lines.push(`With momentum \`m\`, decay alone settles at \`1 - ${wdSymbol}/(1-m)\` per step${example}.`);
  }
  if (kind === 'adam' || kind === 'adaptive') {
    lines.push('Under Adam this is coupled L2: its gradient is divided by `sqrt(v)+eps`; decoupled AdamW decays `w -= lr*wd*w` directly.');
  }
  if (term.factor.k === 'num' && isTfjs(source)) {
    const wd = formatNumber(term.factor.value);
    lines.push(`TF.js \`tf.regularizers.l2({l2: ${wd}})\` adds \`${wd}*sum(w^2)\` to the loss, with no 1/2 (like Keras \`l2\`), so its gradient is \`${formatNumber(2 * term.factor.value)}*w\`.`);
  }
  if (term.factor.k === 'num') lines.push(equivalences(term));
  return lines.join('\n\n');
}

/** A TF.js layer regularizer (a Keras-style one in a TypeScript or JavaScript file). */
function isTfjs(source: DecaySource | undefined): boolean {
  return source?.write.origin === 'keras' && isScriptPath(source.write.site.uri);
}

function equivalences(term: DecayTerm): string {
  if (term.factor.k !== 'num') return '';
  const coefficient = term.factor.value * term.gradScale;
  const { pytorchWeightDecay, kerasL2 } = frameworkEquivalents(coefficient);
  const written = term.gradScale === 1 ? `${formatNumber(term.factor.value)}*tf.nn.l2_loss(w)` : `${formatNumber(term.factor.value)}*tf.reduce_sum(tf.square(w))`;
  return `**Same decay elsewhere:** \`${written}\` = PyTorch \`SGD(weight_decay=${formatNumber(pytorchWeightDecay)})\` = Keras \`l2(${formatNumber(kerasL2)})\` (\`l2_loss\` halves the sum of squares; Keras \`l2\` does not).`;
}

