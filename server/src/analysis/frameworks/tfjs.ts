// What the analysis knows about TensorFlow.js, keyed by the name after `tf.`: an import of
// `@tensorflow/tfjs` (or `-node`, `-node-gpu`, `-core`, `-layers`), or the `tf` global a script
// tag defines. TF.js layers keep their regularizers like Keras does: they are recorded as
// writes to the pseudo-collection `model.losses` with origin `keras`, and `model.fit` is a sink that
// includes them. Unlike Keras, TF.js `model.losses` does not hold them (it lists the model's own
// loss functions, empty for Sequential and functional models); `model.calculateLosses()` returns
// the layers' regularization terms, so that is the read here.
import { assignedObject } from '../callSites';
import { toSum, type CallExpr } from '../evalContext';
import type { Expr } from '../ir';
import { sequentialModel } from './keras';
import { proxyLayerOf, tfjsLayers } from './proxyLayers';
import type { Effect } from '../effects';
import type { ImportTarget } from '../moduleInfo';
import { memberOf, type Framework } from './framework';
import { recordRegularizers } from './regularizers';
import { multiply, squareOf, sumOf } from '../valueArithmetic';
import { EMPTY, factorOf, KERAS_LOSSES, knownValue, union, type Factor, type OptimizerKind, type Site, type Tag, type Value } from '../values';

/** The layers `tf.sequential({layers: [...]})` lists ([] for none); undefined when given otherwise. */
function sequentialLayers(call: CallExpr): readonly Expr[] | undefined {
  const config = call.args[0];
  if (!config) return [];
  const index = config.kind === 'group' && config.keys ? config.keys.indexOf('layers') : -1;
  const layers = index >= 0 && config.kind === 'group' ? config.items[index] : undefined;
  if (config.kind === 'group' && config.keys && index < 0) return [];
  return layers?.kind === 'group' && !layers.keys ? layers.items : undefined;
}

/** Layer config keys that take a regularizer; TF.js adds each one's term to the model's losses. */
const tfjsRegularizerKeywords: ReadonlySet<string> = new Set([
  'kernelRegularizer', 'biasRegularizer', 'embeddingsRegularizer', 'activityRegularizer',
  'depthwiseRegularizer', 'pointwiseRegularizer', 'recurrentRegularizer', 'betaRegularizer', 'gammaRegularizer',
]);

/** `tf.regularizers.l2()` and `l1l2()` without an `l2` value use 0.01 (tfjs-layers' L1L2 default). */
export const TFJS_DEFAULT_L2 = 0.01;

type TfjsRole = 'l2Regularizer' | 'square' | 'sum' | 'multiply' | 'sumList' | 'norm' | 'variableGrads';

const roles: Record<string, TfjsRole> = {
  'regularizers.l2': 'l2Regularizer',
  'regularizers.l1l2': 'l2Regularizer',
  square: 'square',
  sum: 'sum',
  mul: 'multiply',
  addN: 'sumList',
  norm: 'norm',
  variableGrads: 'variableGrads',
};

const optimizers: Record<string, OptimizerKind> = {
  'train.sgd': 'sgd',
  'train.momentum': 'momentum',
  'train.adam': 'adam',
  'train.adamax': 'adam',
  'train.rmsprop': 'adaptive',
  'train.adagrad': 'adaptive',
  'train.adadelta': 'adaptive',
};

/** Methods of a layers model that train it with the compiled loss plus the regularization terms. */
const fitMethods = new Set(['fitDataset', 'trainOnBatch']);

/** `tf.layers.dense` -> `layers.dense`, through the module's imports; undefined when it is not TF.js. */
function tfjsMemberOf(dotted: string, imports: ReadonlyMap<string, ImportTarget>): string | undefined {
  const [head, ...rest] = dotted.split('.');
  const target = imports.get(head);
  if (target?.fromDir) return undefined;
  const qualified = target ? [target.dotted, ...rest].join('.') : dotted;
  // `tf` unimported is the global of `<script src=".../tfjs">`.
  const match = /^(?:@tensorflow\/tfjs(?:-node(?:-gpu)?|-core|-layers)?|tf)(?:\.(.*))?$/.exec(qualified);
  if (!match || (!target && head !== 'tf')) return undefined;
  return match[1] ?? '';
}

/** The call computes a decay term itself (`tf.mul(wd, ...)`, `tf.sum(tf.square(w))`), rather than passing one on. */
function tfjsBuildsDecayTerm(member: string): boolean {
  const role = roles[member];
  return role === 'multiply' || role === 'sum';
}

/** `l2.mul(wd)`: the method forms of the same. */
function tfjsMethodBuildsDecayTerm(method: string): boolean {
  return method === 'mul';
}

/** What a TF.js call needs from the evaluator. */
interface TfjsCall {
  member: string;
  call: CallExpr;
  args: Value[];
  keywords: ReadonlyMap<string, Value>;
  site: Site;
  /** Records an effect of the statement being evaluated (a no-op when only its value is asked for). */
  emit(effect: Effect): void;
  /** Collection reads in the value become sums of them (`tf.addN(model.calculateLosses())`). */
  sum(value: Value): Value;
}

function evaluateTfjsCall(call: TfjsCall): Value {
  const { member, args, keywords, site } = call;
  const kind = optimizers[member];
  if (kind) {
    // tf.train.momentum(learningRate, momentum)
    const momentum = kind === 'momentum' ? knownValue(factorOf(args[1] ?? keywords.get('momentum') ?? EMPTY)) : undefined;
    return [{ k: 'optimizer', name: member.slice('train.'.length), kind, learningRate: factorOf(args[0] ?? keywords.get('learningRate') ?? EMPTY), site, momentum }];
  }
  if (member.startsWith('layers.')) {
    // The layer's regularizers are recorded by the evaluator; its sizes are for sweep proxies.
    const layer = proxyLayerOf(tfjsLayers, member, call.call, args, keywords, site);
    if (layer) call.emit(layer);
    return EMPTY;
  }
  // `tf.losses.*` and `tf.metrics.*` of labels and predictions: a data loss, whatever the
  // arguments hold (a training function's unknown parameters included). It never holds decay.
  if (member.startsWith('losses.') || member.startsWith('metrics.')) return EMPTY;
  const first = args[0] ?? EMPTY;
  switch (roles[member]) {
    case 'l2Regularizer': {
      const given = keywords.get('l2');
      const factor: Factor = given ? factorOf(given) : { k: 'num', value: TFJS_DEFAULT_L2, site };
      // `l2 * sum(w^2)`, no 1/2 (like Keras): the gradient is `2 * l2 * w`.
      return [{ k: 'regularizer', factor, gradScale: 2, site }];
    }
    case 'square':
      return squareOf(first, site);
    case 'sum':
      return sumOf(first, site) ?? call.sum(union(...args));
    case 'multiply':
      return multiply(first, args[1] ?? EMPTY, site);
    case 'sumList': {
      // `tf.addN([a.square(), b.square()])`: a sum of squares (scalar variables), else the list's sum;
      // `tf.addN([mse, ...model.calculateLosses()])`: the regularization losses summed too.
      const squares = sumOf(first, site);
      if (!squares) return call.sum(union(...args));
      return first.some((tag) => tag.k === 'list') ? union(squares, call.sum(first.filter((tag) => tag.k === 'list'))) : squares;
    }
    case 'norm':
      return [{ k: 'norm', site }];
    case 'variableGrads':
      // `tf.variableGrads(() => loss)`: gradients of every trainable variable, a custom loop's sink.
      call.emit({ k: 'sink', loss: first, optimizer: EMPTY, site, method: 'tf.variableGrads' });
      return EMPTY;
    default:
      // `tf.add`, `tf.tidy(() => ...)`, `tf.scalar(x)`: computed from the arguments.
      return union(...args, ...keywords.values());
  }
}

/** What a method call on a TF.js value needs from the evaluator. */
interface TfjsMethodCall {
  method: string;
  receiver: Value;
  args: Value[];
  site: Site;
  emit(effect: Effect): void;
}

/** TF.js-specific methods; undefined leaves the call to the evaluator's general method handling. */
function evaluateTfjsMethod(call: TfjsMethodCall): Value | undefined {
  const { method, receiver, args, site } = call;
  const modelLosses: Tag = { k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site };
  switch (method) {
    case 'calculateLosses':
      return [{ k: 'list', key: { k: 'lit', value: KERAS_LOSSES }, site }];
    case 'mul':
      return multiply(receiver, args[0] ?? EMPTY, site);
    case 'square':
      return squareOf(receiver, site);
    case 'computeGradients':
      call.emit({ k: 'sink', loss: args[0] ?? EMPTY, optimizer: receiver.filter((tag) => tag.k === 'optimizer'), site, method: 'computeGradients' });
      return EMPTY;
    default:
      if (fitMethods.has(method)) {
        call.emit({ k: 'sink', loss: [modelLosses], optimizer: EMPTY, site, method });
        return EMPTY;
      }
      return undefined;
  }
}

export const tfjs: Framework = {
  name: 'tfjs',
  memberOf: ({ dotted, module, script }) => (script ? tfjsMemberOf(dotted, module.imports) : undefined),
  call({ host, member, call, args, keywords, scope, context, at, effectsFrom }) {
    // TF.js layers take their regularizers like Keras layers: into model.losses (origin keras).
    recordRegularizers(host, call, true, keywords, scope, context, tfjsRegularizerKeywords);
    // `tf.sequential({layers: [tf.layers.dense(...)]})`, `tf.sequential()` then `model.add(...)`.
    const model = member === 'sequential' ? assignedObject(call, scope, context) : undefined;
    if (model && context) context.effects.push(sequentialModel(model, sequentialLayers(call), scope, context, effectsFrom));
    return evaluateTfjsCall({ member, call, args, keywords, site: at, emit: (effect) => context?.effects.push(effect), sum: (value) => toSum(value, at, context) });
  },
  methodCall: ({ method, receiver, args, at, context, script }) => (script ? evaluateTfjsMethod({ method, receiver, args, site: at, emit: (effect) => context?.effects.push(effect) }) : undefined),
  buildsDecayTerm(callee, call, script) {
    if (callee?.kind === 'library') {
      const member = memberOf(callee, 'tfjs');
      return member !== undefined && tfjsBuildsDecayTerm(member);
    }
    return (!callee || callee.kind === 'value') && call.callee.kind === 'attr' && script && tfjsMethodBuildsDecayTerm(call.callee.attr);
  },
};
