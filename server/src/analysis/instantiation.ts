// Instantiating a function summary at a call: parameters replaced by the argument values.
import type { ParamGuard } from './ir';
import { asData, callOf, factorOf, isDisabled, isNone, keyOf, selectPath, type CollectionKey, type DecayTerm, type Factor, type OptimizerTag, type Tag, type Value } from './values';

export interface Instantiation {
  bindings: Map<string, Value>;
  variable?: DecayTerm['variable'];
  /** A function nobody calls: parameters are unknown. */
  root: boolean;
}

/** `self.opt = opt` read back in another method: the argument `opt`, named so no call binds it. */
export function storedArgument(name: string): string {
  return `@${name}`;
}

export function isStoredArgument(name: string): boolean {
  return name.startsWith('@');
}

/** The object a method is called on, whose fields its class (or a base class) sets. */
function isReceiver(name: string): boolean {
  return name === 'self' || name === 'this';
}

export function disablesGuard(guard: ParamGuard, value: Value): boolean {
  if (guard.test === 'notNone') return isNone(value);
  return isDisabled(value);
}

export function substitute(value: Value, instance: Instantiation): Value {
  if (!value.some(needsSubstitution)) return value;
  const out: Tag[] = [];
  for (const tag of value) {
    switch (tag.k) {
      case 'param': {
        const argument = instance.bindings.get(tag.name);
        const bound = argument && selectPath(argument, tag.path);
        // An entry point's arguments come from a framework: only a parameter used as it is (a
        // loss handed in) may hold a collection read; data computed from one holds none.
        if (bound) out.push(...(tag.called ? callOf(bound) : tag.derived ? asData(bound) : bound));
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
        if (tag.term.factor.k !== 'param') {
          out.push(tag);
          break;
        }
        const factor = substituteFactor(tag.term.factor, instance);
        const variable = factor.k === 'param' ? undefined : tag.term.variable ?? instance.variable;
        out.push({ k: 'decay', term: { ...tag.term, factor, variable } });
        break;
      }
      case 'list':
      case 'sum':
        out.push({ ...tag, key: substituteKey(tag.key, instance) });
        break;
      case 'optimizer':
        out.push(substituteOptimizer(tag, instance));
        break;
      default:
        out.push(tag);
    }
  }
  return out;
}

function needsSubstitution(tag: Tag): boolean {
  switch (tag.k) {
    case 'param':
      return true;
    case 'decay':
      return tag.term.factor.k === 'param';
    case 'list':
    case 'sum':
      return tag.key.k === 'param';
    case 'optimizer':
      return tag.learningRate.k === 'param' || tag.weightDecay?.factor.k === 'param';
    default:
      return false;
  }
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
  if (learningRate === tag.learningRate && factor === decay?.factor) return tag;
  return { ...tag, learningRate, weightDecay: decay && factor ? { ...decay, factor } : decay };
}

function substituteFactor(factor: Factor, instance: Instantiation): Factor {
  if (factor.k !== 'param') return factor;
  const bound = instance.bindings.get(factor.name);
  return bound ? factorOf(selectPath(bound, factor.path)) : { k: 'unknown' };
}

