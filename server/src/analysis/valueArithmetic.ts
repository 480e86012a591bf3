// Arithmetic on abstract values.
import { factorOf, union, type Factor, type Site, type Tag, type Value } from './values';

/** `a * b`: an l2 form times a factor is a decay term; numbers multiply; anything else passes through. */
export function multiply(left: Value, right: Value, at: Site): Value {
  const out: Tag[] = [];
  const leftFactor = factorOf(left);
  const rightFactor = factorOf(right);
  const scaleBy = (value: Value, factor: Factor) => {
    for (const tag of value) {
      if (tag.k === 'l2') out.push({ k: 'decay', term: { factor, gradScale: tag.gradScale, l2Site: tag.site, parametersOf: tag.parametersOf, through: tag.through } });
      // `wd * reg` with `reg` a sum of 2-norms of a module's parameters: a penalty on unsquared norms.
      else if (tag.k === 'norm' && (tag.euclidean || tag.order) && tag.parametersOf && factor.k !== 'unknown') {
        out.push({ k: 'decay', term: { factor, gradScale: 1, l2Site: tag.site, parametersOf: tag.parametersOf, unsquared: true, ...(tag.order ? { normOrder: tag.order } : {}) } });
      }
      // A term scaled again (`(weights * loss).mean()`): the product, where the term's own factor was written.
      else if (tag.k === 'decay') out.push({ k: 'decay', term: { ...tag.term, factor: productFactor(tag.term.factor, factor, (tag.term.factor.k === 'num' && tag.term.factor.site) || at) } });
      else if (tag.k !== 'num' && tag.k !== 'param') out.push(tag);
    }
  };
  scaleBy(left, rightFactor);
  scaleBy(right, leftFactor);
  if (leftFactor.k === 'num' && rightFactor.k === 'num') out.push({ k: 'num', value: leftFactor.value * rightFactor.value, site: at });
  return out;
}

/**
 * `a + b`, `a - b`, `a / b`, `a // b`: the union of what both sides carry (a loss plus a penalty),
 * except numbers: two known numbers give their result; a number with something unknown gives no
 * number (`NUM_IMAGES // batch_size` is not NUM_IMAGES), and a parameter it was combined with is
 * scaled: still what the argument holds, but not its value (`weight_decay / 2`).
 */
export function combine(op: string, left: Value, right: Value, at: Site): Value {
  // `'l2_' + str(group_id)`: another string than either side (`'a' + 'b'` is 'ab'), no collection name known.
  const leftText = left.length === 1 && left[0].k === 'str' ? left[0].value : undefined;
  const rightText = right.length === 1 && right[0].k === 'str' ? right[0].value : undefined;
  if (op === '+' && leftText !== undefined && rightText !== undefined) return [{ k: 'str', value: leftText + rightText }];
  if (op === '+' && (left.some((tag) => tag.k === 'str') || right.some((tag) => tag.k === 'str'))) {
    left = left.filter((tag) => tag.k !== 'str');
    right = right.filter((tag) => tag.k !== 'str');
  }
  // `loss / args.accumulation_steps`: a divisor a caller gives scales the loss, it holds none of it
  // (and `cfg.prior / cfg.n` is no longer the caller's prior).
  if ((op === '/' || op === '//') && right.some(isConfigField)) {
    right = right.filter((tag) => !isConfigField(tag));
    left = left.map((tag) => (tag.k === 'param' ? { ...tag, scaled: true } : tag));
  }
  // `wd * l2 / n_train`: the term's factor divided too (unknown when the divisor is).
  if (op === '/' && left.some((tag) => tag.k === 'decay')) {
    const divisor = factorOf(right);
    left = left.map((tag) => (tag.k === 'decay' ? { k: 'decay', term: { ...tag.term, factor: divisor.k === 'num' && divisor.value !== 0 ? productFactor(tag.term.factor, { k: 'num', value: 1 / divisor.value, site: at }, at) : { k: 'unknown' } } } : tag));
  }
  const leftFactor = factorOf(left);
  const rightFactor = factorOf(right);
  const hasNumber = left.some((tag) => tag.k === 'num') || right.some((tag) => tag.k === 'num');
  if (!hasNumber || !arithmetic.has(op)) return union(left, right);
  const known = leftFactor.k === 'num' && rightFactor.k === 'num' ? fold(op, leftFactor.value, rightFactor.value) : undefined;
  const rest = [...left, ...right].flatMap((tag): Tag[] => (tag.k === 'num' ? [] : tag.k === 'param' ? [{ ...tag, scaled: true }] : [tag]));
  return union(rest, known !== undefined && Number.isFinite(known) ? [{ k: 'num', value: known, site: at }] : []);
}

const arithmetic = new Set(['+', '-', '/', '//']);

/** A field read from a caller's argument (`args.accumulation_steps`): configuration. */
function isConfigField(tag: Tag): boolean {
  return tag.k === 'param' && tag.path !== undefined && !tag.called;
}

function fold(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '/':
      return a / b;
    case '//':
      return Math.floor(a / b);
    default:
      return undefined;
  }
}

/**
 * `loss - wd * l2`, `-(objective)`: the decay terms of a value subtracted or negated, their factors
 * negated (a term subtracted rewards large weights; a maximized objective's penalty turns back);
 * with `numbers`, its numbers too (`-x`). Without `unknownToo`, a factor of unknown value keeps no
 * sign (`loss - (-prec) * l2`: the sign of what is subtracted is not known).
 */
export function negatedTerms(value: Value, at: Site, numbers = false, unknownToo = true): Value {
  return value.map((tag): Tag => {
    if (tag.k === 'num' && numbers) return { ...tag, value: -tag.value, site: at };
    if (tag.k !== 'decay' || (tag.term.factor.k === 'unknown' && !unknownToo)) return tag;
    return { k: 'decay', term: { ...tag.term, factor: negatedFactor(tag.term.factor, at) } };
  });
}

/** A factor subtracted at `at`: a number's negative; another value marked negated there (twice: as it is). */
export function negatedFactor(factor: Factor, at: Site): Factor {
  if (factor.k === 'num') return { k: 'num', value: -factor.value, site: at };
  // Negated twice: the value as it is.
  const { negatedAt, ...asGiven } = factor;
  return negatedAt ? asGiven : { ...factor, negatedAt: at };
}

function productFactor(a: Factor, b: Factor, at: Site): Factor {
  if (a.k === 'num' && b.k === 'num') return { k: 'num', value: a.value * b.value, site: at };
  // A term whose factor the caller gives, scaled by a number (`l2 * weight_decay / 2`): decided per call.
  // Not a term with a number of its own scaled by a caller's value (`beta * kl`, a KL weight).
  return a.k === 'param' && b.k === 'num' ? { ...a, times: (a.times ?? 1) * b.value } : { k: 'unknown' };
}

/** Per-row values of weights, squares or norms (a reduction along an axis): data, no longer parts of a penalty. */
export function perRow(value: Value): Value {
  return value.filter((tag) => tag.k !== 'weights' && tag.k !== 'square' && tag.k !== 'norm' && tag.k !== 'l2');
}

/**
 * `w ** 2`, `torch.square(w)`, `w.pow(2)`: an element-wise square. A squared norm
 * (`w.norm() ** 2`, `tf.square(tf.norm(w))`) is already summed: a sum of squares.
 */
export function squareOf(value: Value, at: Site): Value {
  const parametersOf = ownerOf(value);
  return [value.some((tag) => tag.k === 'norm') ? { k: 'l2', gradScale: 2, site: at, parametersOf } : { k: 'square', site: at, parametersOf }];
}

/** `tf.reduce_sum(w ** 2) ** 0.5`: the root of a sum of squares is a norm, no penalty. */
export function rootOf(value: Value, at: Site): Value {
  return value.flatMap((tag): Tag[] => (tag.k === 'l2' ? [{ k: 'norm', site: at, parametersOf: tag.parametersOf }] : tag.k === 'decay' || tag.k === 'square' ? [] : [tag]));
}

/** The order of a norm when it may be the 2-norm: the 2-norm itself, or the order a parameter gives (`p=p`). */
export type NormOrder = { euclidean: true } | { order: string };

/** `torch.norm(p)`, `p.norm()`: a norm, of a module's parameters when `p` is one. */
export function normOf(value: Value, at: Site, order?: NormOrder): Value {
  return [{ k: 'norm', site: at, parametersOf: ownerOf(value), ...order }];
}

/** `sum(w ** 2)` in any library: the l2 form of a sum of squares; undefined when the value holds no square. */
export function sumOf(value: Value, at: Site): Value | undefined {
  const square = value.find((tag) => tag.k === 'square');
  return square?.k === 'square' ? [{ k: 'l2', gradScale: 2, site: at, parametersOf: square.parametersOf }] : undefined;
}

/**
 * The module whose parameters a value holds (`p` in `for p in model.parameters()`), or a penalty was
 * taken of; a helper's parameter as it is by its name, which a call renames to its argument.
 */
function ownerOf(value: Value): string | undefined {
  for (const tag of value) {
    if (tag.k === 'weights') return tag.of;
    if ((tag.k === 'norm' || tag.k === 'square') && tag.parametersOf) return tag.parametersOf;
  }
  // `for e in (a, b)`: the first parameter stands for them (a call names each after its argument).
  const plain = value.length > 0 && value.every((tag) => tag.k === 'param' && !tag.derived && !tag.path && !tag.called);
  return plain && value[0].k === 'param' ? value[0].name : undefined;
}
