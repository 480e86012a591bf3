// What the analysis knows about optax and JAX. An optax optimizer is a chain of gradient
// transformations applied in order; where `add_decayed_weights` sits in that chain decides what
// the decay does: before an adaptive scaling it is coupled L2 (divided by sqrt(v) like the
// gradient), between the scaling and the learning-rate step it is AdamW's decoupled decay, and
// after the step (which already flipped the sign) it makes the weights grow.
import { site } from '../evalContext';
import type { Effect } from '../effects';
import { walkExpressions, dottedName, keywordIs, readExpressions, walkStatements, type Stmt } from '../ir';
import type { Expr } from '../ir';
import type { Range } from '../findings';
import { squareOf, sumOf } from '../valueArithmetic';
import type { Framework } from './framework';
import type { ModuleInfo } from '../moduleInfo';
import { asData, EMPTY, factorOf, knownValue, union, type Factor, type OptaxStep, type OptimizerKind, type OptimizerTag, type Preconditioning, type Site, type Value } from '../values';

/**
 * optax's own optimizers with decoupled decay and their defaults (optax/_src/alias.py): decay is
 * on without the keyword. `lion(learning_rate, b1, b2, mu_dtype, weight_decay=1e-3, mask)`: the
 * sign update, then `add_decayed_weights`, then the learning rate, as in adamw.
 */
const decoupledOptimizers: Record<string, { defaultDecay: number; decayIndex: number; scaling: Preconditioning }> = {
  adamw: { defaultDecay: 1e-4, decayIndex: 6, scaling: 'adam' },
  nadamw: { defaultDecay: 1e-4, decayIndex: 6, scaling: 'adam' },
  adamaxw: { defaultDecay: 1e-4, decayIndex: 4, scaling: 'adam' },
  lion: { defaultDecay: 1e-3, decayIndex: 4, scaling: 'sign' },
};

const adaptiveOptimizers: Record<string, 'adam' | 'adaptive'> = {
  adam: 'adam',
  nadam: 'adam',
  adamax: 'adam',
  amsgrad: 'adam',
  adabelief: 'adam',
  radam: 'adam',
  yogi: 'adam',
  rmsprop: 'adaptive',
  adagrad: 'adaptive',
  adadelta: 'adaptive',
};

const preconditioners: Record<string, Preconditioning> = {
  scale_by_adam: 'adam',
  scale_by_amsgrad: 'adam',
  scale_by_belief: 'adam',
  scale_by_radam: 'adam',
  scale_by_yogi: 'adam',
  scale_by_adamax: 'adam',
  scale_by_rms: 'adaptive',
  scale_by_rss: 'adaptive',
  scale_by_stddev: 'adaptive',
  scale_by_lion: 'sign',
};

/** `optax.adamw` -> `optax.adamw`, `jax.numpy.sum` -> `jax.numpy.sum`; undefined outside optax and JAX. */
function optaxMember(fullName: string): string | undefined {
  return /^(?:optax|jax)(?:\.|$)/.test(fullName) ? fullName : undefined;
}

/** `jax.tree_util.tree_leaves(params)`, `jax.tree.leaves(params)`: every leaf of a parameter tree. */
export function isTreeLeaves(dotted: string | undefined): boolean {
  return dotted !== undefined && /(?:^|\.)(?:tree_leaves|tree\.leaves)$/.test(dotted);
}

/** optax schedules whose largest value one argument gives, by position and keyword. */
const schedulePeaks: Record<string, [number, string][]> = {
  constant_schedule: [[0, 'value']],
  cosine_decay_schedule: [[0, 'init_value']],
  exponential_decay: [[0, 'init_value']],
  warmup_cosine_decay_schedule: [[1, 'peak_value']],
  warmup_exponential_decay_schedule: [[1, 'peak_value']],
  cosine_onecycle_schedule: [[1, 'peak_value']],
};

interface OptaxCall {
  member: string;
  call: Expr & { kind: 'call' };
  args: Value[];
  keywords: Map<string, Value>;
  siteOf(range: Range): Site;
  /** Where the call's effects go (an optimizer with decay, a `jax.grad` sink); none when only evaluated. */
  effects?: Effect[];
  /** Whether an expression names a function of the workspace (whose own returns then say what is trained). */
  namesFunction(expr: Expr): boolean;
}

/** The value of an optax or JAX call, recording the effects it has. */
function evaluateOptaxCall({ member, call, args, keywords, siteOf, effects, namesFunction }: OptaxCall): Value {
  const at = siteOf(call.range);
  const arg = (index: number, name: string): Value | undefined => args[index] ?? keywords.get(name);
  const [library, ...rest] = member.split('.');
  const name = rest.join('.');
  if (library === 'jax') {
    if (name === 'grad' || name === 'value_and_grad') {
      // `jax.grad(loss_fn)`: the loss function's value is what gets differentiated. With
      // `has_aux=True` only its first returned item is, and the function's own returns say so
      // (returnedLoss), when it is a function of this module named here (not a closure a factory made).
      const loss = call.args[0];
      if (keywordIs(call, 'has_aux', 'True') && loss && namesFunction(loss)) return EMPTY;
      effects?.push({ k: 'sink', loss: arg(0, 'fun') ?? EMPTY, optimizer: EMPTY, site: at, method: `jax.${name}`, lossName: loss ? dottedName(loss) : undefined });
      return EMPTY;
    }
    if (name === 'numpy.square') return squareOf(args[0] ?? EMPTY, at);
    if (name === 'numpy.sum') return sumOf(args[0] ?? EMPTY, at) ?? union(...args);
    if (name === 'numpy.linalg.norm') return [{ k: 'norm', site: at }];
    // `jnp.take_along_axis(logits, labels)`: data computed from the arguments (their decay terms kept).
    return asData(union(...args, ...keywords.values()));
  }
  // `optax.l2_loss(p)` without targets is 0.5*p**2: its gradient is p, as with tf.nn.l2_loss.
  if (name === 'l2_loss' && call.args.length + call.keywords.length === 1) return [{ k: 'l2', gradScale: 1, site: at }];
  // A decay given as 0 here or in a transformation this one wraps (`chain(add_decayed_weights(0.0), ...)`).
  let zeroDecay = args.flatMap((value) => value).flatMap((tag) => (tag.k === 'optimizer' && tag.zeroDecay ? [tag.zeroDecay] : []))[0];
  const steps = transformationSteps(name, call, args, arg, siteOf, at, (zero) => (zeroDecay ??= zero));
  if (steps) {
    const tag = { ...optimizerOf(name, steps, at), ...(zeroDecay ? { zeroDecay } : {}) };
    if (tag.weightDecay) effects?.push({ k: 'optimizer', tag, site: at });
    return [tag];
  }
  // A schedule's value changes over training; the decay arithmetic (WD301) is judged at its peak,
  // where a schedule that decays starts (`cosine_decay_schedule(init_value=0.1, ...)`). Others: no single rate.
  const peak = schedulePeaks[name];
  if (peak) return peak.flatMap(([index, keyword]) => arg(index, keyword) ?? []).filter((tag) => tag.k === 'num' || tag.k === 'param');
  if (/schedule|decay$/.test(name)) return EMPTY;
  // optax's losses and utilities compute data from their arguments.
  return asData(union(...args, ...keywords.values()));
}

/** The steps of an optax transformation, or undefined when it is none the analysis models. */
function transformationSteps(
  name: string,
  call: Expr & { kind: 'call' },
  args: Value[],
  arg: (index: number, name: string) => Value | undefined,
  siteOf: (range: Range) => Site,
  at: Site,
  noteZeroDecay: (zero: { at: Site; value: Site }) => void,
): OptaxStep[] | undefined {
  const step = (rate: Value | undefined): OptaxStep => ({ k: 'step', rate: factorOf(rate ?? EMPTY), site: at });
  const decay = (index: number, defaultDecay: number): OptaxStep | undefined => {
    const keyword = call.keywords.find((k) => k.name === 'weight_decay');
    const value = arg(index, 'weight_decay');
    const factor: Factor = value ? factorOf(value) : { k: 'num', value: defaultDecay, site: at };
    if (factor.k === 'num' && factor.value === 0) {
      if (value) noteZeroDecay({ at: keyword ? siteOf(keyword.range) : siteOf(call.args[index].range), value: factor.site });
      return undefined;
    }
    const masked = call.keywords.some((k) => k.name === 'mask' && k.value.kind !== 'none') || call.args.length > index + 1;
    return { k: 'decay', factor, site: keyword ? siteOf(keyword.range) : value ? siteOf(call.args[index].range) : at, masked, call: at };
  };
  if (name === 'chain') {
    // Each argument's steps, in order; an argument the analysis cannot read breaks nothing. A list
    // splatted in (`optax.chain(*parts)` after `parts.append(...)`): each transformation it holds, in the code's order.
    return args.length === 0 ? undefined : args.flatMap((value, index) => {
      const given = call.args[index];
      return given?.kind === 'group' && given.starred ? listedSteps(value) : stepsOf(value);
    });
  }
  if (name === 'multi_transform') {
    // `optax.multi_transform({'decay': adamw(...), 'no_decay': ...}, labels)`: each transformation only
    // touches the parameters labelled for it.
    return stepsOf(arg(0, 'transforms') ?? EMPTY).map((s) => (s.k === 'decay' ? { ...s, masked: true } : s));
  }
  if (name === 'masked') {
    // `optax.masked(inner, mask)`: the inner transformation only touches the masked parameters.
    return stepsOf(arg(0, 'inner') ?? EMPTY).map((s) => (s.k === 'decay' ? { ...s, masked: true } : s));
  }
  if (name === 'add_decayed_weights') {
    const decayed = decay(0, 0);
    return decayed ? [decayed] : [];
  }
  if (name in decoupledOptimizers) {
    const { defaultDecay, decayIndex, scaling } = decoupledOptimizers[name];
    const decayed = decay(decayIndex, defaultDecay);
    return [{ k: 'precondition', kind: scaling }, ...(decayed ? [decayed] : []), step(arg(0, 'learning_rate'))];
  }
  if (name in adaptiveOptimizers) return [{ k: 'precondition', kind: adaptiveOptimizers[name] }, step(arg(0, 'learning_rate'))];
  if (name === 'sgd') {
    const momentum = factorOf(arg(1, 'momentum') ?? EMPTY);
    const hasMomentum = momentum.k !== 'num' ? (arg(1, 'momentum') ?? EMPTY).some((tag) => tag.k !== 'none') : momentum.value > 0;
    return [...(hasMomentum ? [{ k: 'momentum', value: knownValue(momentum), ...(momentum.k === 'param' ? { given: momentum } : {}) } as const] : []), step(arg(0, 'learning_rate'))];
  }
  if (name in preconditioners) return [{ k: 'precondition', kind: preconditioners[name] }];
  if (name === 'trace') return [{ k: 'momentum', value: knownValue(factorOf(arg(0, 'decay') ?? EMPTY)) }];
  if (name === 'scale_by_learning_rate') return [step(arg(0, 'learning_rate'))];
  if (name === 'scale') {
    // `scale(-lr)` is the descent step; a positive scale is not.
    const factor = factorOf(arg(0, 'step_size') ?? EMPTY);
    return factor.k === 'num' && factor.value < 0 ? [{ k: 'step', rate: { ...factor, value: -factor.value }, site: at }] : [];
  }
  return undefined;
}

/** An optax chain with Lion's sign update: the sweep runtime cannot train it. */
export function hasSignUpdate(optimizer: OptimizerTag): boolean {
  return (optimizer.optaxSteps ?? []).some((step) => step.k === 'precondition' && step.kind === 'sign');
}

/** An optax chain whose decay comes before a sign update (`scale_by_lion`): the sign drops its size. */
export function decaysBeforeSignUpdate(optimizer: OptimizerTag): boolean {
  const steps = optimizer.optaxSteps ?? [];
  const decay = steps.findIndex((step) => step.k === 'decay');
  return decay >= 0 && steps.slice(decay + 1).some((step) => step.k === 'precondition' && step.kind === 'sign');
}

/** The steps of a transformation passed as a value (a chain's argument): none when it is not one. */
/** The steps of every transformation a list holds (`parts` built by appends), in order. */
function listedSteps(value: Value): readonly OptaxStep[] {
  return value.flatMap((tag) => (tag.k === 'optimizer' && tag.optaxSteps ? tag.optaxSteps : []));
}

function stepsOf(value: Value): readonly OptaxStep[] {
  const tag = value.find((t): t is OptimizerTag => t.k === 'optimizer' && t.optaxSteps !== undefined);
  return tag?.optaxSteps ?? [];
}

/** The optimizer a chain of steps amounts to: its kind, learning rate and decay. */
function optimizerOf(name: string, steps: OptaxStep[], at: Site): OptimizerTag {
  const preconditioner = steps.find((s): s is OptaxStep & { k: 'precondition' } => s.k === 'precondition');
  const firstStep = steps.find((s): s is OptaxStep & { k: 'step' } => s.k === 'step');
  const decayIndex = steps.findIndex((s) => s.k === 'decay');
  const decayStep = decayIndex >= 0 ? (steps[decayIndex] as OptaxStep & { k: 'decay' }) : undefined;
  const before = steps.slice(0, Math.max(decayIndex, 0));
  const stepBefore = before.find((s): s is OptaxStep & { k: 'step' } => s.k === 'step');
  const preconditionedBefore = before.some((s) => s.k === 'precondition');
  const momentumStep = steps.find((s): s is OptaxStep & { k: 'momentum' } => s.k === 'momentum');
  let kind: OptimizerKind = 'unknown';
  if (decayStep && preconditionedBefore) kind = 'adamw';
  // Decay before a sign update is neither plain L2 nor Adam's division by sqrt(v): not modelled.
  else if (preconditioner) kind = preconditioner.kind === 'sign' ? 'unknown' : preconditioner.kind;
  else if (steps.some((s) => s.k === 'momentum')) kind = 'momentum';
  else if (firstStep) kind = 'sgd';
  return {
    k: 'optimizer',
    name: `optax.${name}`,
    kind,
    learningRate: firstStep?.rate ?? { k: 'unknown' },
    site: at,
    optaxSteps: steps,
    momentum: momentumStep?.value,
    ...(momentumStep?.given ? { momentumGiven: momentumStep.given } : {}),
    weightDecay: decayStep
      ? {
          factor: decayStep.factor,
          site: decayStep.site,
          allParameters: decayStep.masked || stepBefore ? undefined : decayStep.site,
          optax: { call: decayStep.call, afterStep: stepBefore?.site },
        }
      : undefined,
  };
}

export const optax: Framework = {
  name: 'optax',
  // `jax.value_and_grad(loss_fn, has_aux=True)`: loss_fn's first returned item is differentiated, the rest are auxiliary.
  returnedLoss(scope, host) {
    const name = scope.fn?.name;
    if (name === undefined) return undefined;
    // Which functions a JAX module differentiates is read from all of its code.
    if (importsJax(scope.module)) host.dependOnModuleCode(scope.module);
    const key = `${scope.parent?.fn?.name ?? ''}/${name.slice(name.lastIndexOf('.') + 1)}`;
    return differentiatedWithAux(scope.module).has(key) ? { method: 'jax.value_and_grad', item: 0 } : undefined;
  },
  // Only through an import: a local name `optax` is not the library.
  memberOf: ({ qualified, imported }) => (imported ? optaxMember(qualified) : undefined),
  call: ({ host, member, call, args, keywords, scope, context }) =>
    evaluateOptaxCall({
      member,
      call,
      args,
      keywords,
      siteOf: (range) => site(scope, range),
      effects: context?.effects,
      namesFunction: (expr) => {
        const dotted = dottedName(expr);
        const callee = dotted === undefined ? undefined : host.resolveCallee(dotted, scope);
        return callee?.kind === 'function' && callee.ref.module === scope.module;
      },
    }),
  // `optax.inject_hyperparams(optax.adamw)(lr, weight_decay=wd)`: the transformation it wraps, called.
  unwrap(call, scope, host) {
    const wrapper = call.callee;
    if (wrapper.kind !== 'call' || !wrapper.args[0] || host.qualify(dottedName(wrapper.callee) ?? '', scope.module) !== 'optax.inject_hyperparams') return undefined;
    return { ...call, callee: wrapper.args[0] };
  },
};

const withAux = new WeakMap<ModuleInfo, Set<string>>();

function importsJax(module: ModuleInfo): boolean {
  return [...module.imports.values()].some((target) => target.dotted === 'jax' || target.dotted.startsWith('jax.'));
}

/**
 * The functions a module hands to `jax.grad` / `jax.value_and_grad` with `has_aux=True`, each as
 * `enclosing/name`: a function nested in the top-level function (or method) the call is made in, or
 * `/name` for one of the module (or a method, `self.loss_fn`).
 */
function differentiatedWithAux(module: ModuleInfo): Set<string> {
  let keys = withAux.get(module);
  if (keys) return keys;
  keys = new Set();
  if (importsJax(module)) {
    const bodies: { enclosing: string; body: readonly Stmt[] }[] = [{ enclosing: '', body: module.topLevel }];
    for (const fn of [...module.functions.values(), ...module.methods]) bodies.push({ enclosing: fn.name, body: fn.body });
    for (const { enclosing, body } of bodies) {
      const nested = new Set([...walkStatements(body)].flatMap((stmt) => (stmt.kind === 'def' ? [stmt.fn.name] : [])));
      for (const expr of walkExpressions([...walkStatements(body)].filter((stmt) => stmt.kind !== 'def' && stmt.kind !== 'class').flatMap(readExpressions))) {
        if (expr.kind !== 'call' || !/(?:^|\.)(?:value_and_grad|grad)$/.test(dottedName(expr.callee) ?? '') || !keywordIs(expr, 'has_aux', 'True')) continue;
        const differentiated = expr.args[0] && dottedName(expr.args[0]);
        const name = differentiated?.slice(differentiated.lastIndexOf('.') + 1);
        if (name) keys.add(`${enclosing && nested.has(name) ? enclosing : ''}/${name}`);
      }
    }
  }
  withAux.set(module, keys);
  return keys;
}
