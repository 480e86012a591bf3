// Where a decay sweep can run (a code lens each): every decay source and every optimizer of a
// collection's flow, with what the code says for the proxy model: shapes, optimizer, learning
// rate, decay values, and whether the decay reaches the loss at all.
import { parseShape } from '../analysis/callSites';
import { learningRateOf, optimizersOf, siteKey, type DecayFacts, type DecaySource, type SinkEffect } from '../analysis/decayFlow';
import type { ProxyLayer } from '../analysis/effects';
import { rangeWithin } from '../analysis/ir';
import { hasSignUpdate } from '../analysis/frameworks/optax';
import type { Range } from '../analysis/findings';
import type { OptimizerKind, Site } from '../analysis/values';

export interface DecayLine {
  uri: string;
  line: number;
  /** The decay value written there, when it is a number. */
  decay?: number;
}

export interface SweepPlace {
  uri: string;
  line: number;
  range: Range;
  kind: 'source' | 'optimizer';
  /** The code's decay value for this place (the source's own, or the flow's most common). */
  decay?: number;
  /** 2-D shapes of the decayed variables of the flow, in order: `[[dim?, 384], [384, 192]]`. */
  shapes: (number | undefined)[][];
  /** The shapes run to the model's output (every layer, not only the decayed ones). */
  shapesReachOutput?: boolean;
  /** A convolutional model: its layers in order, and which of them this place's decay applies to. */
  network?: { layers: ProxyLayer[]; decays: boolean[] };
  optimizer?: { kind: OptimizerKind; learningRate?: number };
  /** False when the decay is known to never reach the loss (WD101, WD105). */
  reachesLoss: boolean;
  /** The collection the decay goes to; empty for a term that goes nowhere (WD104). */
  collection: string;
  decayLines: DecayLine[];
}

export function buildSweepPlaces(facts: DecayFacts): SweepPlace[] {
  const places: SweepPlace[] = [];
  const dense = facts.layers.flatMap(({ layer }) => (layer.kind === 'dense' ? [[layer.inputs, layer.units]] : []));
  // A model with convolutions trains a convolutional proxy (sweepPlanner.ts proxyNetwork).
  const convolutional = facts.layers.some(({ layer }) => layer.kind === 'conv');
  for (const flow of facts.flows) {
    const sink = flow.reachingSinks[0] ?? facts.sinks[0];
    const decayLines = flow.sources.map((source) => {
      const site = source.term.variable?.call ?? source.term.l2Site;
      return { uri: site.uri, line: site.range.startLine, decay: source.term.factor.k === 'num' ? source.term.factor.value : undefined };
    });
    const variableShapes = flow.sources.flatMap((source) => {
      const shape = parseShape(source.term.variable?.shape);
      return shape?.length === 2 ? [shape] : [];
    });
    // Without shapes on the decayed variables (Keras, tf.layers), the program's layers give the widths.
    const fromLayers = variableShapes.length === 0 && dense.some((shape) => shape[1] !== undefined);
    const common: Omit<SweepPlace, 'uri' | 'line' | 'range' | 'kind' | 'decay'> = {
      shapes: fromLayers ? dense : variableShapes,
      shapesReachOutput: fromLayers,
      network: convolutional ? { layers: facts.layers.map(({ layer }) => layer), decays: facts.layers.map((layer) => flow.sources.some((source) => builtBy(layer, source))) } : undefined,
      optimizer: placeOptimizer(sink),
      reachesLoss: flow.reachingSinks.length > 0 || facts.sinks.length === 0 || facts.uncertain,
      collection: flow.key,
      decayLines,
    };
    // A plain literal, not a spread: this runs for every decay source on every edit.
    const at = (site: Site, kind: SweepPlace['kind'], decay: number | undefined) =>
      places.push({
        uri: site.uri,
        line: site.range.startLine,
        range: site.range,
        kind,
        decay,
        shapes: common.shapes,
        shapesReachOutput: common.shapesReachOutput,
        network: common.network,
        optimizer: common.optimizer,
        reachesLoss: common.reachesLoss,
        collection: common.collection,
        decayLines: common.decayLines,
      });
    for (const source of flow.sources) {
      at(source.term.variable?.call ?? source.write.site, 'source', source.term.factor.k === 'num' ? source.term.factor.value : undefined);
    }
    const typical = mostCommon(decayLines.flatMap((line) => (line.decay !== undefined && line.decay > 0 ? [line.decay] : [])));
    for (const reaching of flow.reachingSinks.length > 0 ? flow.reachingSinks : facts.sinks) at(reaching.site, 'optimizer', typical);
  }
  // A decay term computed and dropped (WD104) never reaches the loss either: what does that cost?
  const sink = facts.sinks[0];
  for (const term of facts.discarded) {
    places.push({
      uri: term.site.uri,
      line: term.site.range.startLine,
      range: term.site.range,
      kind: 'source',
      decay: term.decay,
      shapes: [],
      optimizer: placeOptimizer(sink),
      reachesLoss: false,
      collection: '',
      decayLines: [{ uri: term.site.uri, line: term.site.range.startLine, decay: term.decay }],
    });
  }
  // A PyTorch optimizer with its own weight_decay: sweep it, proxy layers from the nn.Linear widths.
  for (const optimizer of facts.optimizers) {
    const decay = optimizer.weightDecay;
    if (!decay || decay.factor.k !== 'num' || decay.factor.value <= 0) continue;
    // The runtime trains SGD, momentum, Adam and AdamW: a Lion sweep would show another optimizer.
    if (hasSignUpdate(optimizer)) continue;
    // Keras decouples every optimizer's decay (the runtime's Adam would couple it); Addons' decay is not lr-scaled.
    if (decay.keras && (decay.keras.addons || (optimizer.kind !== 'adamw' && optimizer.kind !== 'sgd'))) continue;
    places.push({
      uri: optimizer.site.uri,
      line: optimizer.site.range.startLine,
      range: optimizer.site.range,
      kind: 'optimizer',
      decay: decay.factor.value,
      shapes: dense,
      shapesReachOutput: true,
      // The optimizer decays every layer it trains.
      network: convolutional ? { layers: facts.layers.map(({ layer }) => layer), decays: facts.layers.map(() => true) } : undefined,
      optimizer: { kind: optimizer.kind, learningRate: optimizer.learningRate.k === 'num' ? optimizer.learningRate.value : undefined },
      reachesLoss: true,
      collection: '',
      decayLines: [{ uri: decay.site.uri, line: decay.site.range.startLine, decay: decay.factor.value }],
    });
  }
  // One place per line: the analyzer dedupes all programs' places by `${uri}#${line}` (first wins).
  return places;
}

/** The layer is the one the decay source is made for: the helper call creating its variable, or the layer call holding its regularizer keyword. */
function builtBy(layer: DecayFacts['layers'][number], source: DecaySource): boolean {
  const created = source.term.variable?.call;
  if (created && (siteKey(created) === siteKey(layer.site) || siteKey(created) === siteKey(layer.origin))) return true;
  return source.write.site.uri === layer.origin.uri && rangeWithin(source.write.site.range, layer.origin.range);
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** The optimizer a place's sweep mirrors: the kind and learning rate of the sink's optimizer. */
function placeOptimizer(sink: SinkEffect | undefined): SweepPlace['optimizer'] {
  const optimizer = sink ? optimizersOf(sink)[0] : undefined;
  return optimizer ? { kind: optimizer.kind, learningRate: learningRateOf(sink!) } : undefined;
}
