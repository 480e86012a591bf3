// Abstract values: what the evaluator knows a Python expression can hold, as a set of tags.
import type { ParamChoice } from './effects';
import type { Location } from './findings';
import type { FunctionRef } from './summaryCache';

/** Where Keras (and TF.js) keep their layers' regularization terms: `model.losses`, a collection of sorts. */
export const KERAS_LOSSES = 'model.losses';
/** TF1's collection of regularizer terms (`tf.GraphKeys.REGULARIZATION_LOSSES`). */
export const REGULARIZATION_LOSSES = 'regularization_losses';

/** One transformation of a chain, as far as decay is concerned. */
export type OptaxStep =
  /**
   * `scale_by_adam`, `scale_by_rms`, ...: the update is divided by a running gradient scale;
   * `scale_by_lion` (`sign`): the update is the sign of a momentum, whatever its size.
   */
  | { k: 'precondition'; kind: Preconditioning }
  | { k: 'momentum'; value?: number; given?: Factor }
  /** The learning-rate step: multiplies by `-lr` (the sign flip of gradient descent). */
  | { k: 'step'; rate: Factor; site: Site }
  /** `call`: the transformation that decays (`add_decayed_weights(...)`, `adamw(...)`), where a mask goes. */
  | { k: 'decay'; factor: Factor; site: Site; masked: boolean; call: Site };

export type Preconditioning = 'adam' | 'adaptive' | 'sign';


export type Site = Location;

/**
 * A statically known number, a function parameter (inside a summary; `path`: a field of it, as in
 * `args.weight_decay` or `cfg['wd']`) or nothing known.
 */
/** An object of a workspace class. */
export interface InstanceTag {
  k: 'instance';
  uri: string;
  className: string;
}

export type Factor =
  /** `configurable`: a default the run may replace (a command-line option's, a config field set elsewhere). */
  | { k: 'num'; value: number; site: Site; configurable?: true }
  /**
   * `negatedAt`: the caller's value is subtracted there (`loss - lamb * l2`), so the decay is its negative.
   * `times`: the caller's value scaled by a number (`l2 * weight_decay / 2`).
   */
  | { k: 'param'; name: string; path?: readonly string[]; orElse?: Value; negatedAt?: Site; times?: number }
  /** `negatedAt`: a coefficient of unknown value subtracted there (`loss - self.l2_coef * l2`): a decay of the opposite sign. */
  | { k: 'unknown'; negatedAt?: Site };

export type CollectionKey = { k: 'lit'; value: string } | { k: 'param'; name: string } | { k: 'unknown' };

/** `adam` and `adaptive` with a decay in the loss or `weight_decay` are coupled L2; `adamw` decouples. */
export type OptimizerKind = 'sgd' | 'momentum' | 'adam' | 'adamw' | 'adaptive' | 'unknown';

/** `getattr(torch.optim, cfg.name)(...)` in a helper: the class's name is a parameter's field. */
export interface OptimizerKindByName {
  name: Value;
  /** The library's optimizers by their names (`Adam`), and the kind each is. */
  kinds: Readonly<Record<string, OptimizerKind>>;
  /** Momentum is given (plain SGD is then SGD with momentum). */
  withMomentum?: true;
}

/** What a PyTorch optimizer's constructor says about its own decay. */
export interface OptimizerDecay {
  factor: Factor;
  /** The `weight_decay=` argument. */
  site: Site;
  /** The params argument when it is every parameter of a module in one group (`model.parameters()`). */
  allParameters?: Site;
  /** The decay is the `weight_decay` entry of a `**mapping` parameter (or a field of one): only where the caller's mapping has one. */
  ifMappingHas?: { name: string; path?: readonly string[] };
  /**
   * The params argument is a helper's parameter as it is (`SGD(params, ...)`), or that parameter's
   * `.parameters()` (`ofModule`: `SGD(model.parameters(), ...)`): each call's argument decides
   * `allParameters` (a bias-free model handed in decays no bias).
   */
  allParametersFrom?: { param: string; ofModule?: true };
  /** The module whose parameters the optimizer trains (`model` in `model.parameters()`), when named. */
  parametersOf?: string;
  /** A decayed group split off by parameter names whose strings miss these normalization weights. */
  missedNorms?: { site: Site; names: string[]; strings: string[] };
  /** The same split in a helper given the model (`ofModule`) or its named parameters: each call's argument gives the names. */
  missedNormsFrom?: { param: string; ofModule: boolean; site: Site; strings: string[] };
  /** `[p for n, p in named if n not in no_decay]`: whole names tested against short ones (`'bias'`), which none equals: the group holds every parameter. */
  wholeNameTest?: { site: Site; strings: string[] };
  /** A framework's optimizer that trains only what this method returns (the Hugging Face Trainer's, `compute_loss`). */
  trainsLossOf?: string;
  /** The constructor's dotted name (`torch.optim.Adam`) and the statement around the call, for quick fixes. */
  callee?: Site;
  statement?: Site;
  /**
   * An optax transformation's decay: `call`, the call that takes its `mask=`; `afterStep`, the
   * learning-rate step before it in the chain (the weights grow).
   */
  optax?: { call: Site; afterStep?: Site };
  /**
   * A Keras optimizer's own decay (Keras 2.11+, decoupled for every optimizer): it decays every
   * trainable variable except those `exclude_from_weight_decay` names; `exclusions`, its calls.
   */
  keras?: { exclusions: Site[]; addons?: boolean };
}

/** A variable created with weight decay: a call of a decay helper, named by its assignment. */
export interface DecayedVariable {
  name?: string;
  nameSite?: Site;
  call: Site;
  helper: string;
  shape?: string;
}

export interface DecayTerm {
  factor: Factor;
  /** The term's gradient is `gradScale * factor * w`: 1 for l2_loss (sum/2), 2 for a sum of squares. */
  gradScale: number;
  /** Where the l2 form is computed (`tf.nn.l2_loss(var)`). */
  l2Site: Site;
  variable?: DecayedVariable;
  /** A penalty summed over a module's parameters (`sum(p.pow(2).sum() for p in model.parameters())`): the module's name. */
  parametersOf?: string;
  /** Built in a helper: the call through which it joins an expression (`loss + l2_penalty(net)`). */
  through?: Site;
  /**
   * `wd * sum(torch.norm(p) for p in model.parameters())`: an L2 penalty as people write it, but on
   * unsquared norms, whose gradient `wd * w/|w|` is no multiplicative decay (no step arithmetic).
   */
  unsquared?: true;
  /** `torch.norm(w, p=p)` with `p` a parameter: each call decides whether it is the 2-norm (else no penalty). */
  normOrder?: string;
}

export type Tag =
  | { k: 'num'; value: number; site: Site }
  | { k: 'str'; value: string }
  | { k: 'none' }
  /**
   * A function parameter (inside a summary). `derived`: only something computed from it by a call
   * that gives data (a model's output, a loss function, a library op): whatever arguments a
   * framework passes an entry point, such a value never carries the user's collections.
   * `called`: what calling the parameter gives (`regularizer(w)` with a regularizer passed in).
   * `path`: the field read from it (`args.weight_decay`, `cfg['optim']['wd']`), taken from the argument.
   * `scaled`: combined with a number (`total_loss / 2`, `weight_decay / 2`): what the argument holds,
   * but no longer its numbers. `orElse`: what `cfg.get('weight_decay', 0)` gives when the caller's
   * record lacks the field.
   */
  | { k: 'param'; name: string; derived?: boolean; called?: boolean; path?: readonly string[]; scaled?: boolean; orElse?: Value }
  /**
   * A record whose fields are known: parsed command-line options with their defaults, a dict
   * literal, a config class. Reading a field gives its value; what a call computes from a record is not one.
   */
  | { k: 'fields'; fields: ReadonlyMap<string, Value>; sites?: ReadonlyMap<string, Site> }
  /** A command-line option's default of None or 0: the run may give another value, so it switches nothing off for sure. */
  | { k: 'configurable' }
  /** A value produced by workspace code the analysis cannot see: it may hold anything. */
  | { k: 'opaque' }
  /** An object of a workspace class (`Net(...)`): its methods and `self.x` attributes are the class's. */
  | InstanceTag
  /**
   * A nested function as a value (`return training, train_loss` in a factory): calling it runs the
   * function. `enclosing`: what the call of the function that defines it passed for that function's
   * parameters (the closure's free variables), once the value has left it.
   */
  | { k: 'closure'; ref: FunctionRef; enclosing?: ReadonlyMap<string, Value> }
  /**
   * A library's function or class as a value (`getattr(torch.optim, 'Adam')`): calling it calls the
   * member. `byName`: looked up by a name a caller gives (`getattr(torch.optim, cfg.name)` in a
   * helper): `member` ends in `*` until a call binds the name. `chosenBy`: picked from a dict of
   * classes by a parameter (`OPTIMIZERS[name]`): built only for the calls that pass its key.
   */
  | { k: 'member'; framework: string; member: string; byName?: Value; chosenBy?: ParamChoice }
  /** `parametersOf`: squared entries of that module's parameters (`p.pow(2)` for `p` in `model.parameters()`). */
  | { k: 'square'; site: Site; parametersOf?: string }
  /** `model.parameters()`, `model.named_parameters()`: the parameters of the module so named. */
  | { k: 'weights'; of: string }
  | { k: 'l2'; gradScale: number; site: Site; parametersOf?: string; through?: Site }
  | { k: 'decay'; term: DecayTerm }
  /**
   * `scoped`: the part of the collection under one variable scope (`get_regularization_loss(scope='discriminator')`).
   * `owner`: the model whose `losses` these are (`head.losses`), by its objectKey, when named so.
   */
  | { k: 'list'; key: CollectionKey; site: Site; scoped?: boolean; owner?: string }
  | { k: 'sum'; key: CollectionKey; site: Site; owner?: string; ofParameter?: true }
  | {
      k: 'optimizer';
      name: string;
      kind: OptimizerKind;
      learningRate: Factor;
      site: Site;
      weightDecay?: OptimizerDecay;
      /**
       * An optax decay the code gives as 0 (`add_decayed_weights(WEIGHT_DECAY)` with the constant 0):
       * machinery a guard on that constant switches off (WD303). `at`: the argument; `value`: where the 0 is written.
       */
      zeroDecay?: { at: Site; value: Site };
      optaxSteps?: readonly OptaxStep[];
      /** The momentum the code states, when it is a number (and its Nesterov switch and dampening are known). */
      momentum?: number;
      /** A momentum a caller gives (a helper's parameter): decided per call. */
      momentumGiven?: Factor;
      /** Nesterov momentum (`nesterov=True`, TF's `use_nesterov=True`). */
      nesterov?: true;
      /** PyTorch SGD's `dampening`, when not 0. */
      dampening?: number;
      /** A class looked up by a name a caller gives: the kinds its names stand for, decided when a call binds the name. */
      kindByName?: OptimizerKindByName;
    }
  /** `p.norm()`: its square is a sum of squares. */
  /** `euclidean`: the 2-norm (`torch.norm(w)`, `w.norm(p=2)`), not an L1 or max norm; `order`: a parameter gives `p`. */
  | { k: 'norm'; site: Site; parametersOf?: string; euclidean?: true; order?: string }
  /**
   * A Keras loss object (`tf.keras.losses.CategoricalCrossentropy()`): calling it gives a loss
   * computed from labels and predictions alone, never the model's regularization terms.
   */
  | { k: 'dataLoss' }
  /** `tf.contrib.layers.l2_regularizer(scale)`: a decay term once given to a variable. */
  | { k: 'regularizer'; factor: Factor; gradScale: number; site: Site };

export type Value = readonly Tag[];

export type OptimizerTag = Tag & { k: 'optimizer' };

/** An optimizer class known only as a name or class a caller gives, which names none or several (`getattr(torch.optim, cfg.name)`). */
export const UNNAMED_OPTIMIZER = 'the optimizer';

export const EMPTY: Value = [];

export function union(...values: Value[]): Value {
  return unionOf(values);
}

/** `union` of a list of any length (a spread of 100,000 items overflows the stack). */
export function unionOf(values: readonly Value[]): Value {
  // Most values are empty: avoid building arrays for them (this runs for every expression).
  let only: Value | undefined;
  let count = 0;
  for (const value of values) {
    if (value.length === 0) continue;
    only = value;
    count++;
  }
  if (count <= 1) return only ?? EMPTY;
  const out: Tag[] = [];
  for (const value of values) for (const tag of value) out.push(tag);
  if (out.length <= LARGE_VALUE) return out;
  // Values that share their parts (`d2 = {'a': d1, 'b': d1}`, nested) would double at each level.
  const distinct = [...new Set(out)];
  if (distinct.length <= MAX_VALUE) return distinct;
  // A value this large comes from huge literals: the numbers and strings in it are not one factor
  // anyway; the rest (records, decay terms, collection reads) is kept.
  const kept = distinct.filter((tag) => tag.k !== 'num' && tag.k !== 'str');
  return kept.length <= MAX_VALUE ? kept : [...kept.slice(0, MAX_VALUE), { k: 'opaque' }];
}

const LARGE_VALUE = 64;
const MAX_VALUE = 4096;

/**
 * What a call that computes data gives from its inputs (a loss function, a layer, a model applied
 * to a batch): never a collection read of its own, parameters only as data, and no record (a
 * result computed from a config is not the config). Collection reads, decay terms and the rest
 * pass, so a value that reached a loss still reaches it.
 */
/**
 * The objects of workspace classes a value holds (`model = Net()`), when it holds nothing that may
 * be something else (a parameter, an opaque value); undefined when it holds none or that.
 */
export function knownObjects(value: Value): InstanceTag[] | undefined {
  if (value.some((tag) => tag.k === 'param' || tag.k === 'opaque')) return undefined;
  const objects = value.filter((tag): tag is InstanceTag => tag.k === 'instance');
  return objects.length > 0 ? objects : undefined;
}

export function asData(value: Value): Value {
  // A regularizer handed to a layer (`Embedding(..., embeddings_regularizer=l2(wd))`) is not what the
  // layer computes: calling the layer applies no regularizer to its input.
  const isObject = (tag: Tag) => tag.k === 'opaque' || tag.k === 'fields' || tag.k === 'instance' || tag.k === 'member' || tag.k === 'regularizer';
  return deriveParams(value.some(isObject) ? value.filter((tag) => !isObject(tag)) : value);
}

/** Where a record of the value was given the field (its dict entry, `kwargs['weight_decay'] = ...`), when one record says so. */
export function fieldSite(value: Value, name: string): Site | undefined {
  for (const tag of value) if (tag.k === 'fields' && tag.sites?.has(name)) return tag.sites.get(name);
  return undefined;
}

/** What a value passes on once it is known to be data otherwise: decay terms, collection reads, parameters (as data). */
export function decayParts(value: Value): Value {
  return asData(value).filter((tag) => decayPartKinds.has(tag.k));
}

const decayPartKinds: ReadonlySet<Tag['k']> = new Set(['l2', 'decay', 'square', 'norm', 'list', 'sum', 'param']);

/** The value's parameters as things computed from them (`params['wd']` is not the parameter `params`). */
export function deriveParams(value: Value): Value {
  if (!value.some((tag) => tag.k === 'param' && !tag.derived)) return value;
  return value.map((tag) => (tag.k === 'param' && !tag.derived ? { k: 'param', name: tag.name, derived: true, path: tag.path } : tag));
}

/**
 * `record.field` or `record['field']`: the field's value where the value is a known record, the
 * field of a parameter (resolved when the parameter is bound). Values that are no record pass
 * unchanged (an attribute of a tensor is the tensor for this analysis), unless a record is among
 * them: then the field is what is read.
 */
export function selectField(value: Value, field: string): Value {
  const records = value.filter((tag): tag is Tag & { k: 'fields' } => tag.k === 'fields');
  const params = (tag: Tag): Tag => (tag.k === 'param' ? { ...tag, path: [...(tag.path ?? []), field] } : tag);
  if (records.length === 0) return value.some((tag) => tag.k === 'param') ? value.map(params) : value;
  return union(...records.map((record) => record.fields.get(field) ?? EMPTY), value.filter((tag) => tag.k === 'param' || tag.k === 'opaque').map(params));
}

/** The value holds records and none of them has the field (a dict and the fields set on it later are one record). */
export function lacksField(value: Value, field: string): boolean {
  const records = value.filter((tag) => tag.k === 'fields');
  return records.length > 0 && records.every((record) => record.k === 'fields' && !record.fields.has(field));
}

export function selectPath(value: Value, path: readonly string[] | undefined): Value {
  let selected = value;
  for (const field of path ?? []) selected = selectField(selected, field);
  return selected;
}

/** `regularizer(w)`: a regularizer applied to a variable is its decay term. */
export function applyRegularizer(tag: Tag & { k: 'regularizer' }): Tag {
  return { k: 'decay', term: { factor: tag.factor, gradScale: tag.gradScale, l2Site: tag.site } };
}

/** What calling a value gives: regularizers apply, parameters give what a call of them will, the rest is data. */
export function callOf(callee: Value): Value {
  return asData(callee.map((tag) => (tag.k === 'regularizer' ? applyRegularizer(tag) : tag.k === 'param' && !tag.derived ? { k: 'param', name: tag.name, derived: true, called: true } : tag)));
}

/** The single number a value holds, a parameter it stands for, or unknown. */
export function factorOf(value: Value): Factor {
  let found: Factor | undefined;
  // A zero beside other candidates switches decay off on one path (`if filter: wd = 0.`): the others say what it is when on.
  const zeroOnOnePath = value.some((tag) => tag.k === 'num' && tag.value === 0) && value.some((tag) => (tag.k === 'num' && tag.value !== 0) || (tag.k === 'param' && (!tag.derived || tag.path) && !tag.scaled));
  for (const tag of value) {
    if (zeroOnOnePath && tag.k === 'num' && tag.value === 0) continue;
    // A derived parameter is something computed from it, unless it is one of its fields (`params['wd']`).
    if (tag.k === 'num' || (tag.k === 'param' && (!tag.derived || tag.path) && !tag.scaled)) {
      const factor: Factor = tag.k === 'num' ? { k: 'num', value: tag.value, site: tag.site } : { k: 'param', name: tag.name, path: tag.path, orElse: tag.orElse };
      if (found && !sameFactor(found, factor)) return { k: 'unknown' };
      found = factor;
    }
  }
  if (found?.k === 'num' && value.some((tag) => tag.k === 'configurable')) return { ...found, configurable: true };
  return found ?? { k: 'unknown' };
}

/** A layer width: the statically known positive integer a value holds, if any. */
function sameFactor(a: Factor, b: Factor): boolean {
  if (a.k === 'num' && b.k === 'num') return a.value === b.value;
  if (a.k === 'param' && b.k === 'param') return a.name === b.name && (a.path ?? []).join('.') === (b.path ?? []).join('.') && !a.negatedAt === !b.negatedAt && (a.times ?? 1) === (b.times ?? 1);
  return false;
}

export function keyOf(value: Value): CollectionKey {
  for (const tag of value) {
    if (tag.k === 'str') return { k: 'lit', value: tag.value };
    if (tag.k === 'param') return { k: 'param', name: tag.name };
  }
  return { k: 'unknown' };
}

/** The normalization weights (by name) none of a no-decay split's strings matches. */
export function normsMissed(norms: readonly string[], strings: readonly string[]): string[] {
  return norms.filter((name) => !strings.some((text) => name.includes(text)));
}

/** A value that certainly is `None`. */
export function isNone(value: Value): boolean {
  return value.length > 0 && value.every((tag) => tag.k === 'none');
}

/** A value that certainly is `None` or zero (a decay switched off). */
export function isDisabled(value: Value): boolean {
  return value.length > 0 && value.every((tag) => tag.k === 'none' || (tag.k === 'num' && tag.value === 0));
}

/** True when a decay term certainly adds nothing (its factor is a known zero). */
export function isZeroDecay(term: DecayTerm): boolean {
  return term.factor.k === 'num' && term.factor.value === 0 && !term.factor.configurable;
}

/** A factor's value when it is a known number. */
export function knownValue(factor: Factor): number | undefined {
  return factor.k === 'num' ? factor.value : undefined;
}

/** The factor of the value's decay term, when it is a number. */
export function knownDecay(value: Value): number | undefined {
  for (const tag of value) if (tag.k === 'decay' && tag.term.factor.k === 'num') return tag.term.factor.value;
  return undefined;
}
