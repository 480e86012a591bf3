// Instantiating a function summary at a call: parameters replaced by the argument values.
import { siteKey } from './decayFlow';
import type { Effect, HelperCall, ParamChoice } from './effects';
import type { Range } from './findings';
import { choiceMatches, walkExpressions, rangeWithin, dottedName, readExpressions, walkStatements, type BranchChoice, type Expr, type Param, type ParamGuard, type Stmt } from './ir';
import { collectNamesRead, objectParameter, type Scope } from './scope';
import { asData, callOf, EMPTY, UNNAMED_OPTIMIZER, factorOf, fieldSite, isDisabled, isNone, isZeroDecay, keyOf, normsMissed, lacksField, selectPath, union, type CollectionKey, type DecayTerm, type Factor, type OptimizerDecay, type OptimizerKindByName, type OptimizerTag, type Site, type Tag, type Value } from './values';
import { negatedFactor } from './valueArithmetic';

export interface Instantiation {
  bindings: Map<string, Value>;
  variable?: DecayTerm['variable'];
  /** A function nobody calls: parameters are unknown. */
  root: boolean;
  /**
   * The caller's name for what a parameter holds (`l2_penalty(net)`: `model` is `net`), so a
   * penalty's or an optimizer's module (`model.fc1`) is named as the caller names it (`net.fc1`).
   */
  owners?: ReadonlyMap<string, string | undefined>;
  /** The object the call's result is assigned to (`head = make_head()`), by objectKey: the Keras model it builds. */
  model?: string;
  /** The objectKey of the argument a parameter holds. */
  objectOf?: (param: string) => string | undefined;
  /**
   * Whether the argument a parameter holds is every parameter of a module (`build_optimizer(
   * model.parameters(), ...)`): where it is written, or the caller's own parameter it passes on.
   */
  allParametersAt?: (param: string, ofModule: boolean) => { site: Site } | { param: string } | false | undefined;
  /** The normalization weight names of the module a parameter is given (`ofModule`) or whose named parameters it is given; the caller's own parameter it passes on. */
  normNamesAt?: (param: string, ofModule: boolean) => string[] | { param: string } | undefined;
}

/** An objectKey as the caller names the object: a parameter's becomes its argument's (unknown at a root). */
function substituteObject(key: string | undefined, instance: Instantiation): string | undefined {
  const param = key === undefined ? undefined : objectParameter(key);
  return param === undefined ? key : instance.objectOf?.(param);
}

/** A module name (`model.fc1`) as the caller names it; unknown when the caller's argument has no name. */
function renamedOwner(owner: string | undefined, instance: Instantiation): string | undefined {
  if (!owner || !instance.owners) return owner;
  const dot = owner.indexOf('.');
  const head = dot < 0 ? owner : owner.slice(0, dot);
  if (!instance.owners.has(head)) return owner;
  const caller = instance.owners.get(head);
  return caller === undefined ? undefined : dot < 0 ? caller : caller + owner.slice(dot);
}

function ownedByParameter(owner: string | undefined, instance: Instantiation): boolean {
  return owner !== undefined && instance.owners !== undefined && renamedOwner(owner, instance) !== owner;
}

/** `self.opt = opt` read back in another method: the argument `opt`, named so no call binds it. */
export function storedArgument(name: string): string {
  return `@${name}`;
}

export function isStoredArgument(name: string): boolean {
  return name.startsWith('@');
}

/** The object a method is called on, whose fields its class (or a base class) sets. */
export function isReceiver(name: string): boolean {
  return name === 'self' || name === 'this';
}

export function disablesGuard(guard: ParamGuard, value: Value): boolean {
  if (guard.test === 'notNone') return isNone(value);
  return isDisabled(value);
}

export function substitute(value: Value, instance: Instantiation): Value {
  if (!value.some((tag) => needsSubstitution(tag) || ownedByParameter(ownerOf(tag), instance))) return value;
  const out: Tag[] = [];
  for (const tag of value) {
    switch (tag.k) {
      case 'param': {
        const argument = instance.bindings.get(tag.name);
        const bound = argument && selectPathOrElse(argument, tag.path, tag.orElse);
        // An entry point's arguments come from a framework: only a parameter used as it is (a
        // loss handed in) may hold a collection read; data computed from one holds none.
        // A scaled argument keeps what it holds but not its numbers (`weight_decay / 2` is not weight_decay).
        if (bound) out.push(...(tag.called ? callOf(bound) : tag.derived ? asData(bound) : tag.scaled ? bound.filter((held) => held.k !== 'num') : bound));
        else if (isStoredArgument(tag.name)) {
          // An argument an object was built with, read back as it is: anything its caller passed.
          if (!tag.derived && !tag.path) out.push({ k: 'opaque' });
        } else if (instance.root && !tag.derived && !(tag.path && !isReceiver(tag.name))) {
          // An entry point's argument used as it is may be anything; a field of one (`args.wd`) is configuration.
          out.push({ k: 'opaque' });
        }
        break;
      }
      case 'decay': {
        let term = tag.term;
        const order = term.normOrder === undefined ? undefined : normOrderAt(term.normOrder, instance);
        // `torch.norm(w, p=p)` given `p=1`: an L1 norm, no decay term.
        if (order === 'other') break;
        if (order !== undefined) {
          const { normOrder: _given, ...decided } = term;
          term = order === 2 ? decided : { ...decided, normOrder: order };
        }
        const parametersOf = renamedOwner(term.parametersOf, instance);
        if (term.factor.k !== 'param') {
          out.push(parametersOf === term.parametersOf && term === tag.term ? tag : { k: 'decay', term: { ...term, parametersOf } });
          break;
        }
        // A factor the caller gives: the variable is the one this call creates, once the factor is known.
        const factor = substituteFactor(term.factor, instance);
        const variable = factor.k === 'param' ? undefined : term.variable ?? instance.variable;
        out.push({ k: 'decay', term: { ...term, factor, variable, parametersOf } });
        break;
      }
      case 'l2':
      case 'square':
        out.push({ ...tag, parametersOf: renamedOwner(tag.parametersOf, instance) });
        break;
      case 'norm': {
        const order = tag.order === undefined ? undefined : normOrderAt(tag.order, instance);
        const { order: _given, ...norm } = tag;
        const decided = order === undefined ? tag : order === 2 ? { ...norm, euclidean: true as const } : order === 'other' ? norm : { ...norm, order };
        out.push({ ...decided, parametersOf: renamedOwner(tag.parametersOf, instance) });
        break;
      }
      case 'weights':
        out.push({ ...tag, of: renamedOwner(tag.of, instance) ?? tag.of });
        break;
      case 'closure': {
        // Leaving the function that defines it: its free variables are what that call passed. The same
        // tag where nothing changes (summaries compare values by identity to settle).
        if (!tag.enclosing) {
          out.push(instance.root || instance.bindings.size === 0 ? tag : { ...tag, enclosing: instance.bindings });
          break;
        }
        const enclosing = [...tag.enclosing].map(([name, bound]) => [name, substitute(bound, instance)] as const);
        out.push(enclosing.every(([name, bound]) => bound === tag.enclosing!.get(name)) ? tag : { ...tag, enclosing: new Map(enclosing) });
        break;
      }
      case 'list':
        out.push({ ...tag, key: substituteKey(tag.key, instance), owner: substituteObject(tag.owner, instance) });
        break;
      case 'sum':
        if (tag.ofParameter) out.push(...parameterSums(tag.key, instance).map(({ key, owner }) => ({ k: 'sum' as const, key, site: tag.site, owner, ...(key.k === 'param' ? { ofParameter: true as const } : {}) })));
        else out.push({ ...tag, key: substituteKey(tag.key, instance), owner: substituteObject(tag.owner, instance) });
        break;
      case 'optimizer':
        out.push(substituteOptimizer(tag, instance));
        break;
      case 'member':
        out.push(...substituteMember(tag, instance));
        break;
      default:
        out.push(tag);
    }
  }
  return out;
}

/** The module a penalty part or a parameter list belongs to. */
function ownerOf(tag: Tag): string | undefined {
  switch (tag.k) {
    case 'decay':
      return tag.term.parametersOf;
    case 'l2':
    case 'square':
    case 'norm':
      return tag.parametersOf;
    case 'weights':
      return tag.of;
    case 'optimizer':
      return tag.weightDecay?.parametersOf;
    default:
      return undefined;
  }
}

function needsSubstitution(tag: Tag): boolean {
  switch (tag.k) {
    case 'param':
      return true;
    case 'decay':
      return tag.term.factor.k === 'param' || tag.term.normOrder !== undefined;
    case 'norm':
      return tag.order !== undefined;
    case 'list':
    case 'sum':
      return tag.key.k === 'param' || (tag.owner !== undefined && objectParameter(tag.owner) !== undefined);
    case 'optimizer':
      return tag.learningRate.k === 'param' || tag.weightDecay?.factor.k === 'param' || tag.weightDecay?.allParametersFrom !== undefined || tag.weightDecay?.missedNormsFrom !== undefined || tag.kindByName !== undefined;
    case 'member':
      return tag.byName !== undefined;
    case 'closure':
      return true;
    default:
      return false;
  }
}

/** What a sum over a helper's list parameter sums at a call: the collection reads the caller's list holds, or the caller's own parameter. */
function parameterSums(key: CollectionKey, instance: Instantiation): { key: CollectionKey; owner?: string; readSite?: Site }[] {
  if (key.k !== 'param') return [];
  const bound = instance.bindings.get(key.name) ?? [];
  const passed = bound.length === 1 && bound[0].k === 'param' && !bound[0].derived && !bound[0].path ? bound[0] : undefined;
  if (passed) return [{ key: { k: 'param', name: passed.name } }];
  return bound.flatMap((tag) => (tag.k === 'list' ? [{ key: tag.key, owner: tag.owner, readSite: tag.site }] : []));
}

export function substituteKey(key: CollectionKey, instance: Instantiation): CollectionKey {
  if (key.k !== 'param') return key;
  const bound = instance.bindings.get(key.name);
  return bound ? keyOf(bound) : { k: 'unknown' };
}

/** `make_optimizer(model, lr, wd)`: the learning rate and weight decay the call passes. */
export function substituteOptimizer(tag: OptimizerTag, instance: Instantiation): OptimizerTag {
  const learningRate = substituteFactor(tag.learningRate, instance);
  const decay = tag.weightDecay;
  const factor = decay ? substituteFactor(decay.factor, instance) : undefined;
  const parametersOf = renamedOwner(decay?.parametersOf, instance);
  const named = tag.kindByName ? optimizerNamed(tag.kindByName, instance) : undefined;
  if (named === 'elsewhere') return { ...tag, name: UNNAMED_OPTIMIZER, kind: 'unknown', kindByName: undefined, weightDecay: undefined };
  if (learningRate === tag.learningRate && factor === decay?.factor && parametersOf === decay?.parametersOf && !named && !decay?.allParametersFrom && !decay?.missedNormsFrom && !tag.momentumGiven) return tag;
  const substituted = decay && factor ? { ...decay, factor, parametersOf, ...allParametersGiven(decay, instance), ...missedNormsGiven(decay, instance) } : decay;
  return { ...tag, ...named, ...momentumAt(tag, instance), learningRate, weightDecay: substituted?.ifMappingHas ? mappingDecay(substituted, substituted.ifMappingHas, instance) : substituted };
}

/** `SGD(params, lr, momentum=momentum)` in a helper: the momentum this call gives (none: plain SGD). */
function momentumAt(tag: OptimizerTag, instance: Instantiation): Pick<OptimizerTag, 'momentum' | 'momentumGiven'> & { kind?: OptimizerTag['kind'] } {
  if (!tag.momentumGiven) return {};
  const given = substituteFactor(tag.momentumGiven, instance);
  if (given.k === 'param') return { momentumGiven: given };
  if (given.k !== 'num') return { momentumGiven: undefined };
  if (given.value > 0 || tag.kind !== 'momentum') return { momentum: given.value, momentumGiven: undefined };
  return { momentum: undefined, momentumGiven: undefined, kind: 'sgd' };
}

/**
 * `Adam(params, **options)` in a helper: the decay the caller's mapping gives, at its
 * `weight_decay` entry; none when the mapping has no such entry or is not known.
 */
function mappingDecay(decay: OptimizerDecay, mapping: { name: string; path?: readonly string[] }, instance: Instantiation): OptimizerDecay | undefined {
  const bound = instance.bindings.get(mapping.name);
  const given = bound ? selectPath(bound, mapping.path) : EMPTY;
  // Passed on from the caller's own parameter: its callers decide.
  // A field of it (`cfg['optim_params']`, read so: derived, with its path) as well.
  const passed = given.length === 1 && given[0].k === 'param' && (!given[0].derived || given[0].path) ? given[0] : undefined;
  if (passed) return { ...decay, ifMappingHas: { name: passed.name, path: passed.path } };
  if (!given.some((tag) => tag.k === 'fields' && tag.fields.has('weight_decay'))) return undefined;
  return { ...decay, site: fieldSite(given, 'weight_decay') ?? decay.site, ifMappingHas: undefined };
}

/** A helper's optimizer over its `params` parameter: every parameter of a module when the call's argument is. */
function allParametersGiven(decay: OptimizerDecay, instance: Instantiation): Pick<OptimizerDecay, 'allParameters' | 'allParametersFrom'> {
  const from = decay.allParametersFrom;
  if (!from) return {};
  const given = instance.allParametersAt?.(from.param, from.ofModule === true);
  // Not known (a function nobody calls): as the helper's own code says.
  if (given === undefined) return { allParameters: decay.allParameters, allParametersFrom: undefined };
  if (given === false) return { allParameters: undefined, allParametersFrom: undefined };
  if ('param' in given) return { allParameters: decay.allParameters, allParametersFrom: { ...from, param: given.param } };
  // A model's parameters are reported where the helper takes them; a list handed in, where the caller builds it.
  return { allParameters: from.ofModule ? decay.allParameters : given.site, allParametersFrom: undefined };
}

/** A helper's no-decay split by names: the normalization weights of the model this call gives that its strings miss. */
function missedNormsGiven(decay: OptimizerDecay, instance: Instantiation): Pick<OptimizerDecay, 'missedNorms' | 'missedNormsFrom'> {
  const from = decay.missedNormsFrom;
  if (!from) return {};
  const given = instance.normNamesAt?.(from.param, from.ofModule);
  if (given === undefined) return { missedNormsFrom: undefined };
  if (!Array.isArray(given)) return { missedNormsFrom: { ...from, param: given.param } };
  const names = normsMissed(given, from.strings);
  return { missedNorms: names.length > 0 ? { site: from.site, names, strings: from.strings } : undefined, missedNormsFrom: undefined };
}

/**
 * `getattr(torch.optim, cfg.name)(...)` in a helper: the optimizer the call's name gives, when its
 * strings name one kind; still looked up by name while the name is a parameter of this caller;
 * `elsewhere` when every name it can be is no optimizer of the library.
 */
function optimizerNamed(byName: OptimizerKindByName, instance: Instantiation): Pick<OptimizerTag, 'name' | 'kind' | 'kindByName'> | 'elsewhere' {
  const name = substitute(byName.name, instance);
  const given = name.filter((tag) => tag.k === 'param');
  // A name (`'Adam'`) or the class itself (`torch.optim.Adam` handed in as `opt_cls`).
  const named = (tag: Tag) => (tag.k === 'str' ? tag.value : tag.k === 'member' ? tag.member.slice(tag.member.lastIndexOf('.') + 1) : undefined);
  const kinds = new Map(name.flatMap((tag) => { const held = named(tag); return held && byName.kinds[held] ? [[held, byName.kinds[held]] as const] : []; }));
  const [only, ...others] = new Set(kinds.values());
  if (only && others.length === 0) return { name: [...kinds.keys()].join(' or '), kind: only === 'sgd' && byName.withMomentum ? 'momentum' : only, kindByName: undefined };
  // Only names that are no optimizer of the library (`'AdamWnanoGPT'`, found elsewhere after
  // `hasattr(optim, name)`): this lookup is not what builds it.
  if (kinds.size === 0 && given.length === 0 && name.length > 0 && name.every((tag) => named(tag) !== undefined)) return 'elsewhere';
  return { name: UNNAMED_OPTIMIZER, kind: 'unknown', kindByName: given.length > 0 ? { ...byName, name: given } : undefined };
}

/** `getattr(torch.optim, name)` returned by a helper: the member the caller's name gives. */
function substituteMember(tag: Tag & { k: 'member' }, instance: Instantiation): Tag[] {
  if (!tag.byName) return [tag];
  const name = substitute(tag.byName, instance);
  const names = name.flatMap((held) => (held.k === 'str' ? [held.value] : []));
  if (names.length > 0) return names.map((member) => ({ k: 'member', framework: tag.framework, member: tag.member.replace(/\*$/, member) }));
  const given = name.filter((held) => held.k === 'param');
  return [{ k: 'member', framework: tag.framework, member: tag.member, ...(given.length > 0 ? { byName: given } : {}) }];
}

/** The order a call gives a norm's `p` parameter: 2, the caller's own parameter (its name), or another order (`'other'`). */
function normOrderAt(param: string, instance: Instantiation): 2 | string | 'other' | undefined {
  const bound = instance.bindings.get(param);
  if (!bound) return undefined;
  if (bound.length > 0 && bound.every((tag) => tag.k === 'num' && tag.value === 2)) return 2;
  const passed = bound.length === 1 && bound[0].k === 'param' && !bound[0].derived && !bound[0].path ? bound[0].name : undefined;
  return passed ?? 'other';
}

function substituteFactor(factor: Factor, instance: Instantiation): Factor {
  if (factor.k !== 'param') return factor;
  const bound = instance.bindings.get(factor.name);
  const passed: Factor = bound ? factorOf(selectPathOrElse(bound, factor.path, factor.orElse)) : { k: 'unknown' };
  const given = factor.times === undefined ? passed : scaledFactor(passed, factor.times);
  // Subtracted where the callee wrote it (`loss - lamb * l2`): the caller's value, negated there.
  return factor.negatedAt ? negatedFactor(given, factor.negatedAt) : given;
}

/** The caller's value times the number the callee scaled it by. */
function scaledFactor(factor: Factor, times: number): Factor {
  if (factor.k === 'num') return { ...factor, value: factor.value * times };
  return factor.k === 'param' ? { ...factor, times: (factor.times ?? 1) * times } : factor;
}

/**
 * `cfg.get('weight_decay', 0)` given a record: its field, or the default where the record lacks it;
 * given the caller's own parameter, a field of that, with the same default.
 */
function selectPathOrElse(value: Value, path: readonly string[] | undefined, orElse: Value | undefined): Value {
  const selected = selectPath(value, path);
  if (!orElse) return selected;
  return union(
    selected.map((tag) => (tag.k === 'param' && tag.path ? { ...tag, orElse } : tag)),
    lacksPath(value, path) ? orElse : EMPTY,
  );
}


/**
 * A guard's argument that is the caller's own parameter as it is (`add_weight_decay(w, wd)`), or a
 * field read from one (`adam(lr, weight_decay=opt_cfg['weight_decay'])`): its dotted name.
 */
function forwardedParam(guardValue: Value | undefined): string | undefined {
  const only = guardValue?.length === 1 ? guardValue[0] : undefined;
  if (only?.k !== 'param') return undefined;
  return [only.name, ...(only.path ?? [])].join('.');
}

/** What the call gives for a guard's parameter (`wd`), or for a field of one a caller forwarded (`cfg.optimizer.weight_decay`). */
function guardValueAt(param: string, instance: Instantiation): Value | undefined {
  const [head, ...path] = param.split('.');
  const bound = instance.bindings.get(path.length > 0 && isReceiver(head) ? param : head);
  return bound && path.length > 0 && !isReceiver(head) ? selectPath(bound, path) : bound;
}

/** A decay term whose factor is not known to be zero. */
export function hasLiveDecay(value: Value): boolean {
  return value.some((tag) => tag.k === 'decay' && !isZeroDecay(tag.term));
}

/**
 * A callee's effect as it happens at this call. Guards and decay factors given by the caller are
 * decided here: `helperCall` learns of each helper call that switches decay (for WD303).
 */
export function instantiateEffect(effect: Effect, instance: Instantiation, helperCall: (call: HelperCall) => void): Effect | undefined {
  const recordHelperCall = (write: Effect & { k: 'write' }, enabled: boolean) => {
    if (!instance.variable) return;
    const machinery = write.guard ? { uri: write.site.uri, range: write.guard.range } : write.site;
    const factor = write.value.find((tag) => tag.k === 'decay' && tag.term.factor.k === 'param');
    const param = write.guard?.param ?? (factor?.k === 'decay' && factor.term.factor.k === 'param' ? factor.term.factor.name : undefined);
    const collection = write.key.k === 'lit' ? write.key.value : undefined;
    helperCall({ writeSite: write.site, machinery, call: instance.variable.call, helper: instance.variable.helper, param, enabled, ...(write.guard ? { guard: true as const } : {}), ...(collection ? { collection } : {}) });
  };
  switch (effect.k) {
    case 'write': {
      let guard = effect.guard;
      if (guard) {
        const guardValue = guardValueAt(guard.param, instance);
        if (instance.root) return undefined;
        const enabled = !guardValue || !disablesGuard(guard, guardValue);
        const value = enabled ? substitute(effect.value, instance) : EMPTY;
        const forwarded = forwardedParam(guardValue);
        // A guard forwarded to the caller's parameter (`add_weight_decay(w, weight_decay)` in a
        // layer's __init__) is decided by the caller's calls, recorded where they instantiate it.
        // A guard around a decay term written by hand (`if wd:`, `if use_decay:`) switches decay; around
        // a regularized layer (`if downsample:` before a conv) it is just a branch, unless it tests the factor.
        const switchesDecay = !effect.origin || effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param' && tag.term.factor.name === guard!.param);
        if (!forwarded && switchesDecay) recordHelperCall(effect, enabled && !value.some((tag) => tag.k === 'decay' && isZeroDecay(tag.term)));
        if (!enabled) return undefined;
        guard = forwarded ? { ...guard, param: forwarded } : undefined;
        return { ...effect, key: substituteKey(effect.key, instance), value, guard, owners: ownersAt(effect, instance) };
      }
      // A helper's decay given by its caller: off where nobody calls it. A field of a parameter
      // (`params['weight_decay']` in an Estimator's model_fn) is configuration: on, by an unknown amount.
      if (instance.root && effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param' && !tag.term.factor.path && !isStoredArgument(tag.term.factor.name))) return undefined;
      const value = substitute(effect.value, instance);
      // A regularizer argument the caller left out (None) or gave as something else adds nothing.
      if (effect.origin && !value.some((tag) => tag.k === 'decay' || tag.k === 'param')) return undefined;
      // Likewise a decay factor that is still a parameter: the caller's calls give it.
      if (effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param') && !value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param')) {
        recordHelperCall(effect, hasLiveDecay(value));
      }
      return { ...effect, key: substituteKey(effect.key, instance), value, owners: ownersAt(effect, instance), ...forwardedAt(effect, value) };
    }
    case 'sum': {
      if (!effect.ofParameter) return { ...effect, key: substituteKey(effect.key, instance), owner: substituteObject(effect.owner, instance) };
      // The caller's list as it reads a collection (one sum of it), or its own parameter (its callers decide); else no collection is summed.
      const [sum] = parameterSums(effect.key, instance);
      return sum ? { ...effect, key: sum.key, owner: sum.owner, readSite: sum.readSite ?? effect.readSite, ofParameter: sum.key.k === 'param' ? true : undefined } : undefined;
    }
    case 'sink': {
      const trainedObjects = effect.trainedObjects?.map((model) => substituteObject(model, instance));
      return {
        ...effect,
        loss: substitute(effect.loss, instance),
        optimizer: substitute(effect.optimizer, instance),
        trainedObjects: trainedObjects?.every((model) => model !== undefined) ? (trainedObjects as string[]) : undefined,
      };
    }
    case 'optimizer': {
      const chosen = effect.when && !instance.root ? builtAt(effect.when, instance) : { built: true as const };
      if (!chosen.built) return undefined;
      return { k: 'optimizer', site: effect.site, tag: substituteOptimizer(effect.tag, instance), ...(chosen.when ? { when: chosen.when } : {}) };
    }
    case 'decayExclusion':
      return { ...effect, optimizer: substitute(effect.optimizer, instance) };
    case 'decaySwitch': {
      if (instance.root) return undefined;
      const guardValue = guardValueAt(effect.guard.param, instance);
      // Forwarded to the caller's own parameter: its callers decide.
      const forwarded = forwardedParam(guardValue);
      if (forwarded) return { ...effect, guard: { ...effect.guard, param: forwarded } };
      if (instance.variable) {
        const enabled = !guardValue || !disablesGuard(effect.guard, guardValue);
        helperCall({ writeSite: effect.site, machinery: effect.site, call: instance.variable.call, helper: instance.variable.helper, param: effect.guard.param, enabled, guard: true });
      }
      return undefined;
    }
    case 'modelParts':
      return { ...effect, parts: effect.parts.flatMap((part) => substituteObject(part, instance) ?? []) };
    case 'layer':
      // A layer a helper builds (`x = conv_block(x, 64)`) sits where the helper is called, each call its own.
      return effect.placed || !instance.variable ? effect : { ...effect, site: instance.variable.call, placed: true };
    case 'layerRegularizer':
    case 'modelRebuild':
      return effect;
  }
}

/** A regularizer passed through `**kwargs` once the caller gives it: the layer's term, where the caller makes it. */
function forwardedAt(write: Effect & { k: 'write' }, value: Value): Partial<Pick<Effect & { k: 'write' }, 'site' | 'value' | 'forwarded'>> {
  const decay = write.forwarded && value.find((tag) => tag.k === 'decay');
  if (!write.forwarded || decay?.k !== 'decay') return {};
  const variable = { call: write.forwarded.call, helper: write.forwarded.keyword };
  return { site: decay.term.l2Site, value: value.map((tag) => (tag.k === 'decay' ? { k: 'decay', term: { ...tag.term, variable } } : tag)), forwarded: undefined };
}

/** A Keras term's models, with the one this call builds (`head = make_head()`) outermost. */
function ownersAt(write: Effect & { k: 'write' }, instance: Instantiation): readonly string[] | undefined {
  return write.origin === 'keras' && instance.model ? [...(write.owners ?? []), instance.model] : write.owners;
}

/** The decay terms and l2 forms a call returns, as an expression around the call gets them: they come through it. */
export function returnedThrough(value: Value, call: Site): Value {
  if (!value.some((tag) => tag.k === 'decay' || tag.k === 'l2')) return value;
  return value.map((tag) => (tag.k === 'decay' ? { k: 'decay', term: { ...tag.term, through: call } } : tag.k === 'l2' ? { ...tag, through: call } : tag));
}

/**
 * A callback's effects (a nested function handed on, not called): its own parameters unknown, so
 * a decay or a guard its caller would give is off, as for any function nobody calls.
 */
export function callbackEffects(params: readonly Param[], summary: { effects: readonly Effect[] }, instantiate: (effect: Effect, instance: Instantiation) => Effect | undefined): Effect[] {
  const own = new Set(params.map((param) => param.name));
  const instance: Instantiation = { bindings: new Map([...own].map((name) => [name, [{ k: 'opaque' }]])), root: false };
  const givenByCaller = (factor: Factor) => factor.k === 'param' && own.has(factor.name) && !factor.path;
  const effects: Effect[] = [];
  for (const effect of summary.effects) {
    if (effect.k === 'write' && (effect.value.some((tag) => tag.k === 'decay' && givenByCaller(tag.term.factor)) || (effect.guard && own.has(effect.guard.param)))) continue;
    const concrete = instantiate(effect, instance);
    if (concrete) effects.push(concrete);
  }
  return effects;
}

/**
 * Whether a block run `if param ...:` makes decay the guard switches: a decay term or a regularizer
 * made in the block, from the parameter or in a block that reads it, or an optimizer built there
 * whose decay is the parameter. Decay made elsewhere and passed through the block (a loss scaled,
 * a regularized layer applied, a loss trained) is not switched by it; collection writes carry
 * their guard themselves.
 */
export function switchesDecay(block: readonly Stmt[], param: string, uri: string, effects: readonly Effect[], values: readonly Value[], constant?: Value): boolean {
  // A constant's guard (`constant`: its value): collection writes too, and terms whose factor is the constant's zero.
  const byConstant = constant !== undefined;
  if (block.length === 0 || (!byConstant && effects.some((effect) => effect.k === 'write'))) return false;
  const span: Range = { ...block[0].range, endLine: block[block.length - 1].range.endLine, endColumn: block[block.length - 1].range.endColumn };
  const madeHere = (at: Site) => at.uri === uri && rangeWithin(at.range, span);
  let readsParam: boolean | undefined;
  const reads = () => (readsParam ??= readsName(block, param));
  // The guard's parameter, or the field of one it tests (`if adam.weight_decay:`).
  const named = (held: { name: string; path?: readonly string[] }) => [held.name, ...(held.path ?? [])].join('.') === param;
  const isParam = (factor: Factor) => factor.k === 'param' && named(factor);
  // A helper's term scaled by the constant itself (`loss += weight_decay_penalty()` reading WEIGHT_DECAY).
  const constantSites = new Set((constant ?? []).flatMap((tag) => (tag.k === 'num' ? [siteKey(tag.site)] : [])));
  const fromParam = (factor: Factor) => isParam(factor) || (factor.k === 'num' && constantSites.has(siteKey(factor.site))) || reads();
  // Made in the block, or by a helper the block calls (`loss += _weight_decay_regularizer()`).
  const builtHere = (term: DecayTerm) => madeHere(term.l2Site) || (term.through !== undefined && madeHere(term.through));
  const switched = (tag: Tag) =>
    (tag.k === 'decay' && (byConstant || !isZeroDecay(tag.term)) && builtHere(tag.term) && fromParam(tag.term.factor)) ||
    (tag.k === 'regularizer' && madeHere(tag.site) && fromParam(tag.factor)) ||
    (tag.k === 'optimizer' && tag.weightDecay !== undefined && madeHere(tag.weightDecay.site) && (byConstant ? reads() : isParam(tag.weightDecay.factor))) ||
    (byConstant && tag.k === 'optimizer' && tag.zeroDecay !== undefined && madeHere(tag.zeroDecay.at) && constantSites.has(siteKey(tag.zeroDecay.value))) ||
    // Parameter groups whose decay is the parameter (timm's `if weight_decay: parameters = param_groups_weight_decay(model, weight_decay)`).
    (!byConstant && tag.k === 'fields' && (tag.fields.get('weight_decay') ?? []).some((field) => field.k === 'param' && named(field)));
  const written = byConstant && effects.some((effect) => effect.k === 'write' && effect.value.some(switched));
  return written || effects.some((effect) => effect.k === 'optimizer' && switched(effect.tag)) || values.some((value) => value.some(switched));
}

/** Whether the statements read the (dotted) name. */
function readsName(block: readonly Stmt[], dotted: string): boolean {
  if (!dotted.includes('.')) return collectNamesRead(block).has(dotted);
  for (const expr of walkExpressions([...walkStatements(block)].flatMap(readExpressions))) if (dottedName(expr) === dotted) return true;
  return false;
}

/**
 * `if self.weight_decay:` / `if L2_WEIGHT_DECAY > 0:` on a value that is a known constant and
 * switches the block off (0 or None, not a command-line default): the decay code in it never runs (WD303).
 */
export function offByConstant(guard: ParamGuard, value: Value, at: Site): HelperCall | undefined {
  if (value.some((tag) => tag.k === 'configurable') || !disablesGuard(guard, value)) return undefined;
  const set = value.find((tag) => tag.k === 'num');
  return { writeSite: at, machinery: at, call: set?.k === 'num' ? set.site : at, helper: guard.param, param: guard.param, enabled: false, constant: set?.k === 'num' ? String(set.value) : 'None' };
}

/** `if optim == 'adam':` in a function taking `optim` (or `args` for `args.optim`): the choice on that parameter. */
export function paramChoice(choice: BranchChoice, scope: Scope): ParamChoice | undefined {
  const [head, ...rest] = choice.name.split('.');
  const source = choiceSource(head, scope);
  if (!source) return undefined;
  const path = [...source.path, ...rest];
  const caseless = choice.caseless || source.caseless;
  // Compared to what `.lower()` made of the caller's string: the branch's own strings, lower-cased.
  const values = source.caseless ? choice.values.map((value) => value.toLowerCase()) : choice.values;
  return { param: source.param, ...(path.length > 0 ? { path } : {}), values, ...(caseless ? { caseless: true as const } : {}), ...(choice.negated ? { negated: true as const } : {}), ...(choice.substring ? { substring: true as const } : {}) };
}

/**
 * The parameter a name compared in a branch holds: the parameter itself, never rebound but to its
 * own `.lower()` (`name = name.lower()`), or a local set once from it (timm's `opt_lower =
 * opt.lower()`, `opt_name = cfg['optimizer']`).
 */
function choiceSource(name: string, scope: Scope, depth = 0): { param: string; path: string[]; caseless: boolean } | undefined {
  if (isReceiver(name) || depth > 2) return undefined;
  const assigned = scope.assigns.get(name) ?? [];
  const lowered = (expr: Expr) => expr.kind === 'call' && expr.args.length === 0 && expr.callee.kind === 'attr' && (expr.callee.attr === 'lower' || expr.callee.attr === 'upper') ? expr.callee.object : undefined;
  if (scope.params.has(name)) {
    if (assigned.length === 0) return { param: name, path: [], caseless: false };
    return assigned.every((expr) => { const object = lowered(expr); return object?.kind === 'name' && object.id === name; }) ? { param: name, path: [], caseless: true } : undefined;
  }
  if (assigned.length !== 1) return undefined;
  const object = lowered(assigned[0]) ?? assigned[0];
  const dotted = object.kind === 'group' && object.subscript && object.items.length === 2 && object.items[1].kind === 'str' ? [dottedName(object.items[0]), object.items[1].value] : [dottedName(object)];
  const [base, field] = dotted;
  if (!base) return undefined;
  const [root, ...path] = base.split('.');
  const source = choiceSource(root, scope, depth + 1);
  if (!source) return undefined;
  return { param: source.param, path: [...source.path, ...path, ...(field !== undefined ? [field] : [])], caseless: source.caseless || object !== assigned[0] };
}

/** The values an `else` runs for: all but its branch's. */
export function oppositeChoice(choice: ParamChoice): ParamChoice {
  const { negated, ...positive } = choice;
  return negated ? positive : { ...choice, negated: true };
}

/** The optimizers built in a branch (effects from `from` on) are built only for the values it runs for. */
export function chooseOptimizers(effects: Effect[], from: number, choice: ParamChoice): void {
  for (let index = from; index < effects.length; index++) {
    const effect = effects[index];
    if (effect.k === 'optimizer' && !effect.when) effects[index] = { ...effect, when: choice };
  }
}

/**
 * An optimizer built in a branch chosen by a parameter, at a call: not built when the call's strings
 * all miss the branch's values; still chosen by the caller's own parameter when it passes one on.
 */
function builtAt(when: ParamChoice, instance: Instantiation): { built: false } | { built: true; when?: ParamChoice } {
  const bound = instance.bindings.get(when.param);
  if (!bound) return { built: true, when };
  const given = when.path ? selectPath(bound, when.path) : bound;
  // Passed on as it is or as a field of it (`cfg['optimizer']`): its callers decide.
  const passed = given.length === 1 && given[0].k === 'param' && (!given[0].derived || given[0].path) ? given[0] : undefined;
  if (passed) return { built: true, when: { ...when, param: passed.name, path: passed.path } };
  // Anything but strings (a command-line default, which the run may change; a value not known): any branch.
  if (given.some((tag) => tag.k !== 'str')) return { built: true };
  const strings = given.flatMap((tag) => (tag.k === 'str' ? [when.caseless ? tag.value.toLowerCase() : tag.value] : []));
  return { built: strings.length === 0 || strings.some((value) => choiceMatches(when, value) !== (when.negated === true)) };
}

/** A body that trains itself: the sums it computes itself (not its callees') are meant for training (WD105 prefers them). */
export function markSumsOfTrainingBody(effects: Effect[], scope: Scope): void {
  if (!effects.some((effect) => effect.k === 'sink')) return;
  const functions = scope.fn ? [] : [...scope.module.functions.values(), ...scope.module.methods];
  // A module body's own statements are those outside every function of the module.
  const own = (site: Site) => site.uri === scope.module.uri && (scope.fn ? rangeWithin(site.range, scope.fn.range) : !functions.some((fn) => rangeWithin(site.range, fn.range)));
  effects.forEach((effect, index) => {
    if (effect.k === 'sum' && own(effect.site)) effects[index] = { ...effect, inTrainingBody: true };
  });
}

/**
 * The value's records have no field at the end of `path` (`{'learning_rate': 2e-4}` for
 * `weight_decay`): none of them, since the records of one dict and of its fields set later are one.
 */
function lacksPath(value: Value, path: readonly string[] | undefined): boolean {
  if (!path || path.length === 0) return false;
  return lacksField(selectPath(value, path.slice(0, -1)), path[path.length - 1]);
}
