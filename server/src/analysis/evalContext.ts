// The vocabulary the evaluator and the frameworks share: the statement being evaluated (its
// effects, guard, enclosing loops and arg scopes), and the small helpers both sides use to build facts.
import type { Effect } from './effects';
import type { Range } from './findings';
import { dottedName, keywordIs, SPLAT, type Expr, type Keyword, type ParamGuard } from './ir';
import { targetNames } from './moduleInfo';
import type { Scope } from './scope';
import { EMPTY, factorOf, selectField, type CollectionKey, type Site, type Tag, type Value } from './values';
import type { ReturnedLoss } from './frameworks/framework';

export type CallExpr = Expr & { kind: 'call' };

/** Tensor methods whose result is the tensor itself, reduced or moved (`loss.mean()`, `loss.to(device)`). */
export const passThroughMethods = new Set(['mean', 'sum', 'float', 'double', 'half', 'to', 'cuda', 'cpu', 'squeeze', 'reshape', 'view', 'clone', 'contiguous', 'get', 'item', 'detach', 'copy']);

/** Methods whose result no gradient flows back through (a Python number, a detached tensor, TF.js's values read out): what only reports a term. */
export const detachingMethods = new Set(['item', 'detach', 'tolist', 'numpy', 'dataSync', 'arraySync']);

/**
 * A function's parameter that holds what the caller passed: never assigned, or only rebound to
 * itself moved (`model = model.to(device)`).
 */
export function isPassedParameter(name: string, scope: Scope): boolean {
  if (!scope.params.has(name)) return false;
  return (scope.assigns.get(name) ?? []).every((value) => {
    let expr = value;
    while (expr.kind === 'call' && expr.callee.kind === 'attr' && passThroughMethods.has(expr.callee.attr)) expr = expr.callee.object;
    return expr.kind === 'name' && expr.id === name;
  });
}

/** A `for` loop around the statement being evaluated: `for layer in model.layers:`. */
export interface LoopBinding {
  target: Expr;
  iterable: Expr;
}

/** `slim.arg_scope([slim.conv2d, slim.fully_connected], weights_regularizer=R)`: defaults for those layer functions. */
export interface ArgScope {
  /** The library members the defaults apply to (`contrib.slim.conv2d`). */
  functions: Set<string>;
  keywords: Keyword[];
}

/** The `for` loops and `arg_scope`s around a statement, innermost last. */
export interface Enclosing {
  loops: readonly LoopBinding[];
  argScopes: readonly ArgScope[];
  /** Inside `with torch.no_grad():`: nothing computed here is trained on (a penalty is for a log). */
  noGradient?: true;
}

/** The statement being evaluated: where its effects go, its guard, what it assigns to. */
export interface EvalContext {
  effects: Effect[];
  guard?: ParamGuard;
  assigned?: { call: Expr; targets: Expr[] };
  /** The statement being evaluated (quick fixes insert before it). */
  statement?: Range;
  enclosing?: Enclosing;
}

/** Item `index` of a tuple of `count` items; an index alone (`f()[0]`) fits a tuple of any length. */
export interface TupleItem {
  index: number;
  count?: number;
}

export function site(scope: Scope, range: Range): Site {
  return { uri: scope.module.uri, range };
}

export function statementSite(scope: Scope, context: EvalContext | undefined): Site | undefined {
  return context?.statement ? site(scope, context.statement) : undefined;
}

/** The name a call's value is assigned to by its statement (`net = slim.conv2d(...)`), and where. */
export function assignedName(call: Expr, scope: Scope, context: EvalContext | undefined): { name?: string; nameSite?: Site } {
  const target = context?.assigned?.call === call ? context.assigned.targets.find((t) => t.kind === 'name') : undefined;
  return target?.kind === 'name' ? { name: target.id, nameSite: site(scope, target.range) } : {};
}

/** The keyword argument that gives `name`: written out, or the `**mapping` it came from. */
export function keywordGiving(name: string, call: CallExpr, keywords: ReadonlyMap<string, Value>): Keyword | undefined {
  return call.keywords.find((keyword) => keyword.name === name) ?? (keywords.has(name) ? call.keywords.find((keyword) => keyword.name === SPLAT) : undefined);
}

/**
 * How an SGD applies its momentum, from its keywords: Nesterov (`nesterov=True`), a dampening;
 * undefined when either is given but not known, since the momentum's effect is not known then.
 */
export function momentumVariant(call: CallExpr, keywords: ReadonlyMap<string, Value>, nesterovKeyword: string): { nesterov?: true; dampening?: number } | undefined {
  const variant: { nesterov?: true; dampening?: number } = {};
  // A Nesterov switch the code does not fix (`nesterov=args.nesterov`) is taken as off: heavy-ball's
  // stability limit is the higher one, so what breaks it breaks Nesterov's too.
  if (keywordIs(call, nesterovKeyword, 'True')) variant.nesterov = true;
  const dampening = keywords.get('dampening');
  if (dampening) {
    const factor = factorOf(dampening);
    if (factor.k !== 'num') return undefined;
    if (factor.value !== 0) variant.dampening = factor.value;
  }
  return variant;
}

/** Collection reads in the value become sums of them (`tf.add_n(tf.get_collection('losses'))`), recorded as effects. */
export function toSum(value: Value, at: Site, context?: EvalContext): Value {
  let targets: string[] | undefined;
  return value.flatMap((tag): Tag[] => {
    // `tf.add_n(model_losses)` with `model_losses` the helper's parameter: what the caller's list reads, summed (kept as given too).
    if (tag.k === 'param' && !tag.derived && !tag.path && !tag.called) {
      targets ??= context?.assigned ? targetNames(context.assigned.targets) : [];
      const key: CollectionKey = { k: 'param', name: tag.name };
      context?.effects.push({ k: 'sum', key, site: at, readSite: at, target: targets[0], ofParameter: true });
      return [tag, { k: 'sum', key, site: at, ofParameter: true }];
    }
    if (tag.k !== 'list') return [tag];
    targets ??= context?.assigned ? targetNames(context.assigned.targets) : [];
    context?.effects.push({ k: 'sum', key: tag.key, site: at, readSite: tag.site, target: targets[0], scoped: tag.scoped, owner: tag.owner });
    return [{ k: 'sum', key: tag.key, site: at, owner: tag.owner }];
  });
}

/**
 * The sink of a `return` whose value a framework trains on: the loss, or a dict's 'loss' (of a dict
 * written here, that entry alone: the others' values do not leak into it), or the differentiated
 * item of a tuple (JAX's `has_aux=True`: the first).
 */
export function trainedReturnSink(trained: ReturnedLoss, value: Expr, returned: Value, at: Site, evaluate: (expr: Expr) => Value, siteOf: (range: Range) => Site): Effect {
  const trainedItem = trained.item !== undefined && value.kind === 'group' && value.tuple ? value.items[trained.item] : undefined;
  const lossEntry = value.kind === 'group' && value.keys ? value.items[value.keys.indexOf('loss')] : trainedItem;
  const loss = lossEntry ? evaluate(lossEntry) : returned.some((tag) => tag.k === 'fields') ? selectField(returned, 'loss') : returned;
  const { method } = trained;
  return { k: 'sink', loss, optimizer: EMPTY, site: at, method, lossName: dottedName(lossEntry ?? value) ?? method, lossSite: siteOf((lossEntry ?? value).range), statement: at };
}
