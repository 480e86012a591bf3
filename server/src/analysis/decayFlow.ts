// Workspace-wide facts the rules and hovers read: for each collection that receives decay terms,
// where the terms come from, where the collection is summed, and which optimizers see the sum.
import type { ChoiceArm } from './branchArms';
import type { DiscardedTerm, Effect, HelperCall } from './effects';
import { rangeWithin } from './ir';
import { ModelLosses } from './modelLosses';
import { isZeroDecay, KERAS_LOSSES, REGULARIZATION_LOSSES, type DecayTerm, type Factor, type OptimizerTag, type Site, type Tag } from './values';

export type WriteEffect = Effect & { k: 'write' };
export type SumEffect = Effect & { k: 'sum' };
export type SinkEffect = Effect & { k: 'sink' };
export type { OptimizerTag } from './values';

export interface DecaySource {
  term: DecayTerm;
  write: WriteEffect;
  /** A Keras term's models, one chain per write (its `owners`; empty: not known): held by the `losses` of any of them. */
  models?: (readonly string[])[];
}

export interface CollectionFlow {
  key: string;
  /** Something besides decay goes into the collection too (the data loss, as in CIFAR-10). */
  collectsDataLoss: boolean;
  sources: DecaySource[];
  sums: SumEffect[];
  /** Optimizer calls whose loss includes the summed collection. */
  reachingSinks: SinkEffect[];
  /** Keras terms that the losses of the models a loss adds leave out: the model they belong to, as trained and named in the code. */
  model?: string;
  /** Such terms whose model no training call is known to differentiate (frozen, or trained elsewhere): nothing to report. */
  untrained?: true;
}

export interface DecayFacts {
  flows: CollectionFlow[];
  sinks: SinkEffect[];
  /** Optimizers constructed in the program (PyTorch ones carry their own weight_decay). */
  optimizers: OptimizerTag[];
  /** The model's layers in the order its code builds them, with the sizes the code gives (sweep proxies). */
  layers: (Effect & { k: 'layer' })[];
  /** Some optimizer's loss comes from code the analysis cannot see: stay silent about reachability. */
  uncertain: boolean;
  /** Every live decay term, whatever collection it went to. */
  sources: DecaySource[];
  /**
   * Live decay terms on a module's parameters added to a loss directly (`loss = xent + wd *
   * sum(p.pow(2).sum() for p in model.parameters())`), each once, with the first sink that trains
   * on them (WD302). Squares of activations, latents or data (a VAE's KL term) are no weight decay.
   */
  lossTerms: { term: DecayTerm; sink: SinkEffect }[];
  helperCalls: HelperCall[];
  discarded: DiscardedTerm[];
  /** Regularizers assigned to layers of built Keras models, and where models are rebuilt (WD106). */
  layerRegularizers: (Effect & { k: 'layerRegularizer' })[];
  modelRebuilds: (Effect & { k: 'modelRebuild' })[];
  /** Per module, the code that runs only for some values of a name (`if args.optim == 'sgd':`): see onExclusiveBranches. */
  choiceArms: ReadonlyMap<string, readonly ChoiceArm[]>;
}

/**
 * A program's facts from its effects, and its helper calls and discarded terms each once (by
 * helperCallKey and discardedKey, as Evaluator.facts gives them).
 */
export function computeDecayFacts(effects: Effect[], helperCalls: HelperCall[], discarded: DiscardedTerm[], choiceArms: ReadonlyMap<string, readonly ChoiceArm[]>): DecayFacts {
  const sinks = mergeSinks(effects.filter((e): e is SinkEffect => e.k === 'sink'));
  // A term only logged or unused in one place (`validation_step`) may be the one another trains on (`training_step`, same helper).
  const trainedTerms = new Set(sinks.flatMap((sink) => sink.loss.flatMap((tag) => (tag.k === 'decay' ? [decayTermKey(tag.term)] : []))));
  const sumKey = (sum: SumEffect) => `${siteKey(sum.site)}|${sum.key.k === 'lit' ? sum.key.value : '*'}`;
  // One helper summing `model.losses` for each model it is given: one sum, read for several models.
  const modelSums = dedupe(effects.filter((e): e is SumEffect => e.k === 'sum'), (sum) => `${sumKey(sum)}|${sum.owner ?? ''}`);
  const sums = dedupe(modelSums, sumKey);
  const sources: DecaySource[] = [];
  const sourceById = new Map<string, DecaySource>();
  for (const effect of effects) {
    if (effect.k !== 'write') continue;
    for (const tag of effect.value) {
      // A term written to a collection and also added to a trained loss by itself reaches it.
      if (tag.k !== 'decay' || isZeroDecay(tag.term) || trainedTerms.has(decayTermKey(tag.term))) continue;
      const id = `${siteKey(effect.site)}|${siteKey(tag.term.l2Site)}|${tag.term.variable ? siteKey(tag.term.variable.call) : ''}`;
      const chain = effect.origin === 'keras' ? (effect.owners ?? []) : undefined;
      const known = sourceById.get(id);
      if (known) {
        if (chain && !known.models?.some((models) => chainKey(models) === chainKey(chain))) known.models?.push(chain);
        continue;
      }
      const source = { term: tag.term, write: effect, models: chain ? [chain] : undefined };
      sourceById.set(id, source);
      sources.push(source);
    }
  }
  const keys = new Set(sources.flatMap((source) => (source.write.key.k === 'lit' ? [source.write.key.value] : [])));
  // A sum of model.losses or of the regularization losses holds decay even when the regularizers
  // are written where the workspace cannot see (a model from a package): it must reach the loss too.
  for (const sum of sums) if (sum.key.k === 'lit' && regularizationOnlyKeys.has(sum.key.value)) keys.add(sum.key.value);
  const modelLosses = new ModelLosses(effects);
  const flows = [...keys].flatMap((key) => {
    const collectsDataLoss = effects.some(
      (effect) => effect.k === 'write' && effect.key.k === 'lit' && effect.key.value === key && effect.value.length > 0 && !effect.value.some((tag) => tag.k === 'decay'),
    );
    const keySources = sources.filter((source) => source.write.key.k === 'lit' && source.write.key.value === key);
    // Keras terms of different models reach the loss through different `model.losses`: one flow per model.
    const groups = key === KERAS_LOSSES && keySources.length > 0 ? groupBy(keySources, (source) => (source.models ?? []).map(chainKey).sort().join('\n')) : [keySources];
    const readingSinks = sinks.filter((sink) => sink.loss.some((tag) => readsCollection(tag, key)));
    return groups.map((group): CollectionFlow => {
      const reads = (owner: string | undefined) => group.length === 0 || modelLosses.holds(owner, group[0]);
      const reachingSinks = readingSinks.filter((sink) => sink.loss.some((tag) => readsCollection(tag, key) && reads(tag.k === 'sum' || tag.k === 'list' ? tag.owner : undefined)));
      // Left out by every model's `losses` a loss adds: a bug only where a training call differentiates its model.
      const leftOut = reachingSinks.length === 0 && readingSinks.length > 0 && group.length > 0;
      const model = leftOut ? sinks.map((sink) => modelLosses.trainedBy(sink, group[0])).find((name) => name !== undefined) : undefined;
      // Terms no model is known to own, left out by a closed model's `fit`: a loop that adds no
      // model's losses (and trains what the code does not say) is where they would be trained.
      const ownerless = group.every((source) => (source.models ?? []).every((chain) => chain.length === 0));
      const untrained = leftOut && !model && !(ownerless && sinks.some((sink) => !sink.loss.some((tag) => readsCollection(tag, key)) && !sink.trainedObjects));
      return {
        key,
        collectsDataLoss,
        sources: group,
        sums: dedupe(modelSums.filter((sum) => (sum.key.k !== 'lit' || sum.key.value === key) && reads(sum.owner)), sumKey),
        reachingSinks,
        ...(leftOut ? (model ? { model } : untrained ? { untrained: true as const } : {}) : {}),
      };
    });
  });
  const uncertain = sinks.some((sink) => sink.loss.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived)));
  // One per construction site and values: `make_optimizer(model, wd)` called with two decays is two.
  const exclusions = effects.flatMap((effect) => (effect.k === 'decayExclusion' ? [effect] : []));
  const constructed = dedupe(
    effects.flatMap((effect) => (effect.k === 'optimizer' ? [withExclusions(effect.tag, exclusions)] : [])),
    // The class, whether it takes every parameter and the norms its split misses are per call too (`getattr(torch.optim, cfg.name)`, a helper's `params`).
    (tag) =>
      `${siteKey(tag.site)}|${tag.kind}:${tag.name}|${factorKey(tag.learningRate)}|${tag.weightDecay ? `${factorKey(tag.weightDecay.factor)}@${siteKey(tag.weightDecay.site)}${tag.weightDecay.allParameters ? `+all@${siteKey(tag.weightDecay.allParameters)}` : ''}${tag.weightDecay.missedNorms ? `+missed:${tag.weightDecay.missedNorms.names.join(',')}` : ''}` : ''}`,
  );
  // An optax transformation chained into a larger one carries the same decay: keep the outermost
  // one, the chain with the most steps (the order effects were recorded in does not tell).
  const outermost = new Map<string, OptimizerTag>();
  for (const tag of constructed) {
    if (!tag.weightDecay?.optax) continue;
    const key = optaxDecayKey(tag);
    const kept = outermost.get(key);
    if (!kept || (tag.optaxSteps?.length ?? 0) >= (kept.optaxSteps?.length ?? 0)) outermost.set(key, tag);
  }
  const optimizers = constructed.filter((tag) => !tag.weightDecay?.optax || outermost.get(optaxDecayKey(tag)) === tag);
  // In the order the model's code builds them: by where each is built, then where it is written.
  const layers = dedupe(
    effects.flatMap((effect) => (effect.k === 'layer' ? [effect] : [])),
    (layer) => `${siteKey(layer.site)}|${siteKey(layer.origin)}`,
  ).sort((a, b) => comparePlaces(a.site, b.site) || comparePlaces(a.origin, b.origin));
  // A penalty one loss minimizes and another's objective negates (a GAN's `g_loss = -d_loss`) is a
  // game, not a sign slip; gradients taken for other ends (`tf.gradients` for an ascent) train nothing.
  // A coefficient of unknown value subtracted is matched by the same term with no sign of its own.
  const minimizedBy = (positive: (factor: Factor) => boolean) => new Set(sinks.flatMap((sink) => sink.loss.flatMap((tag) => (tag.k === 'decay' && positive(tag.term.factor) ? [siteKey(tag.term.l2Site)] : []))));
  const minimized = minimizedBy((factor) => factor.k === 'num' && factor.value > 0);
  const minimizedUnsigned = minimizedBy((factor) => (factor.k === 'num' ? factor.value > 0 : !factor.negatedAt));
  const negatedElsewhere = (term: DecayTerm) =>
    term.factor.k === 'num' ? term.factor.value < 0 && minimized.has(siteKey(term.l2Site)) : term.factor.negatedAt !== undefined && minimizedUnsigned.has(siteKey(term.l2Site));
  const lossTerms = dedupe(
    sinks
      .filter((sink) => !takenForOtherEnds(sink))
      .flatMap((sink) => sink.loss.flatMap((tag) => (tag.k === 'decay' && !isZeroDecay(tag.term) && tag.term.parametersOf !== undefined && !negatedElsewhere(tag.term) ? [{ term: tag.term, sink }] : []))),
    ({ term }) => `${siteKey(term.l2Site)}|${factorKey(term.factor)}`,
  );
  return {
    flows,
    sinks,
    optimizers,
    layers,
    uncertain,
    sources,
    lossTerms,
    helperCalls,
    layerRegularizers: dedupe(
      effects.flatMap((effect) => (effect.k === 'layerRegularizer' ? [effect] : [])),
      (effect) => siteKey(effect.site),
    ),
    modelRebuilds: effects.flatMap((effect) => (effect.k === 'modelRebuild' ? [effect] : [])),
    discarded: discarded.filter((term) => !(term.termKeys && term.termKeys.length > 0 && term.termKeys.every((key) => trainedTerms.has(key)))),
    choiceArms,
  };
}

/** Helper calls with the same write and call sites are one (the analysis keeps the first). */
export function helperCallKey(call: HelperCall): string {
  return `${siteKey(call.writeSite)}|${siteKey(call.call)}`;
}

/** A decay term by where its L2 form is computed and whose parameters it penalizes: two calls of a helper on two modules are two. */
export function decayTermKey(term: DecayTerm): string {
  return `${siteKey(term.l2Site)}|${term.parametersOf ?? ''}`;
}

export function discardedKey(term: DiscardedTerm): string {
  return siteKey(term.site);
}

/** A Keras optimizer with the `exclude_from_weight_decay` calls made on it (each call site once). */
function withExclusions(tag: OptimizerTag, exclusions: readonly (Effect & { k: 'decayExclusion' })[]): OptimizerTag {
  const decay = tag.weightDecay;
  if (!decay?.keras) return tag;
  const key = siteKey(tag.site);
  // Calls on one receiver in one body replace each other; on another (`make_opt()` called twice), they do not.
  const byReceiver = new Map<string, Site[]>();
  for (const exclusion of exclusions) {
    const ownConstructor = exclusion.onSelfIn && exclusion.onSelfIn.uri === tag.site.uri && rangeWithin(tag.site.range, exclusion.onSelfIn.range);
    if (!ownConstructor && !exclusion.optimizer.some((held) => held.k === 'optimizer' && siteKey(held.site) === key)) continue;
    byReceiver.set(exclusion.calledOn, dedupe([...(byReceiver.get(exclusion.calledOn) ?? []), exclusion.site], siteKey));
  }
  const own = [...byReceiver.values()].reduce<Site[]>((most, sites) => (sites.length > most.length ? sites : most), []);
  return own.length === 0 ? tag : { ...tag, weightDecay: { ...decay, keras: { ...decay.keras, exclusions: own } } };
}

/** Gradient calls that need not train (an ascent on an input, a saliency map): `tf.gradients`, `torch.autograd.grad`. */
const generalGradients = new Set(['tf.gradients', 'torch.autograd.grad']);

/** Such a call whose gradients no optimizer is seen to apply. */
function takenForOtherEnds(sink: SinkEffect): boolean {
  return generalGradients.has(sink.method) && sink.optimizer.length === 0;
}

/** Collections that hold regularization terms only. */
const regularizationOnlyKeys = new Set([KERAS_LOSSES, REGULARIZATION_LOSSES]);

/**
 * Sums of one variable scope's part of a collection that reach no optimizer's loss while another
 * part does (a GAN's discriminator regularization summed but only logged), when that is certain.
 */
export function unreachedScopedSums(facts: DecayFacts): { flow: CollectionFlow; sum: SumEffect }[] {
  if (facts.sinks.length === 0 || facts.uncertain) return [];
  const reached = new Set(facts.sinks.flatMap((sink) => sink.loss.flatMap((tag) => (tag.k === 'sum' ? [siteKey(tag.site)] : []))));
  return facts.flows
    .filter((flow) => flow.reachingSinks.length > 0)
    .flatMap((flow) => {
      // Only when every sum that is trained on is a scope's part too: an unscoped one holds them all.
      const trained = flow.sums.filter((sum) => reached.has(siteKey(sum.site)));
      if (trained.length === 0 || trained.some((sum) => !sum.scoped)) return [];
      return flow.sums.filter((sum) => sum.scoped && !reached.has(siteKey(sum.site))).map((sum) => ({ flow, sum }));
    });
}

/**
 * Sums added to a loss only after the training call on it ran (`cost += sum(model.losses)` after
 * `tape.gradient`), reaching no loss, even where the collection reaches another training call.
 */
export function lateSums(facts: DecayFacts): { flow: CollectionFlow; sum: SumEffect }[] {
  if (facts.sinks.length === 0 || facts.uncertain) return [];
  const reached = new Set(facts.sinks.flatMap((sink) => sink.loss.flatMap((tag) => (tag.k === 'sum' ? [siteKey(tag.site)] : []))));
  return facts.flows
    .filter((flow) => flow.reachingSinks.length > 0)
    .flatMap((flow) => flow.sums.filter((sum) => sum.afterTraining && !reached.has(siteKey(sum.site))).map((sum) => ({ flow, sum })));
}

/** Flows whose collection reaches no optimizer's loss, when that is certain (some loss is known, none unseen). */
export function unreachedFlows(facts: DecayFacts): CollectionFlow[] {
  if (facts.sinks.length === 0 || facts.uncertain) return [];
  return facts.flows.filter((flow) => flow.reachingSinks.length === 0 && !flow.untrained);
}

function readsCollection(tag: Tag, key: string): boolean {
  return (tag.k === 'sum' || tag.k === 'list') && (tag.key.k !== 'lit' || tag.key.value === key);
}

export function optimizersOf(sink: SinkEffect): OptimizerTag[] {
  return sink.optimizer.filter((tag): tag is OptimizerTag => tag.k === 'optimizer');
}

/** The learning rate of a sink's optimizer, when one statically known value reaches it. */
export function learningRateOf(sink: SinkEffect): number | undefined {
  const rates = optimizersOf(sink).flatMap((optimizer) => (optimizer.learningRate.k === 'num' ? [optimizer.learningRate.value] : []));
  return rates.length > 0 && rates.every((rate) => rate === rates[0]) ? rates[0] : undefined;
}

/** The decay an optax transformation carries, wherever it is chained: its site and value. */
function optaxDecayKey(tag: OptimizerTag): string {
  return `${tag.weightDecay ? siteKey(tag.weightDecay.site) : ''}|${tag.weightDecay ? factorKey(tag.weightDecay.factor) : ''}`;
}

function factorKey(factor: Factor): string {
  return factor.k === 'num' ? String(factor.value) : factor.k === 'param' ? `param ${factor.name}${factor.times === undefined ? '' : ` * ${factor.times}`}` : factor.negatedAt ? '-?' : '?';
}

function comparePlaces(a: Site, b: Site): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn;
}

export function siteKey(site: Site): string {
  const r = site.range;
  return `${site.uri}:${r.startLine}:${r.startColumn}:${r.endLine}:${r.endColumn}`;
}

/** One sink per call site; a helper like `train(total_loss)` called twice sees both losses. */
function mergeSinks(sinks: SinkEffect[]): SinkEffect[] {
  const bySite = new Map<string, SinkEffect>();
  for (const sink of sinks) {
    const key = siteKey(sink.site);
    const seen = bySite.get(key);
    bySite.set(key, seen ? { ...seen, loss: [...seen.loss, ...sink.loss], optimizer: [...seen.optimizer, ...sink.optimizer] } : sink);
  }
  return [...bySite.values()];
}

/** One owner chain as a key (objectKeys hold no tab). */
function chainKey(chain: readonly string[]): string {
  return chain.join('\t');
}

/** The items in groups of equal keys, in the order each key first appears. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

export function dedupe<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}
