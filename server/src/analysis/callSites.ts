// What a call of a user function passes and creates, as the callee's summary is instantiated with
// it: the caller's names for its arguments, and the variable a helper call builds.
import { assignedName, site, type CallExpr, type EvalContext } from './evalContext';
import { dottedName, indexedName, SPLAT, walkStatements, type Expr, type FunctionDef } from './ir';
import type { Effect } from './effects';
import { parametersOwner } from './parameterGroups';
import { objectKey, type Scope } from './scope';
import type { FunctionRef } from './summaryCache';
import { EMPTY, union, unionOf, type DecayTerm, type Value } from './values';

/**
 * The expression a call gives parameter `index` of `fn`: by position (counting `receivers`, the
 * receiver of a method call, first; none after a `*args`) or by keyword. Undefined when the call
 * leaves it out, or gives it through `*args`/`**options` only.
 */
export function argumentExpr(fn: FunctionDef, call: CallExpr, index: number, receivers: number): Expr | undefined {
  const param = fn.params[index];
  if (!param || param.rest) return undefined;
  if (index < receivers) return call.callee.kind === 'attr' ? call.callee.object : undefined;
  const byPosition = !fn.params.slice(0, index).some((earlier) => earlier.rest === 'positional');
  // After a `*data` argument positions are not counted here (bindArguments counts them where it can).
  const starred = call.args.findIndex(isStarred);
  const position = index - receivers;
  const given = byPosition && (starred < 0 || position < starred) ? call.args[position] : undefined;
  return given ?? call.keywords.find((keyword) => keyword.name === (param.keyword ?? param.name))?.value;
}

function isStarred(arg: Expr): boolean {
  return arg.kind === 'group' && arg.starred === true;
}

/**
 * The call's positional values, one per position: a `*data` argument fills as many as `data` has
 * items (`starLength`), all with its value; one of unknown length ends what is known.
 */
function positionalValues(call: CallExpr, args: readonly Value[], receivers: number, starLength: (expr: Expr) => number | undefined): Value[] {
  const positions = args.slice(0, receivers);
  for (const [index, arg] of call.args.entries()) {
    const value = args[receivers + index] ?? EMPTY;
    if (!(arg.kind === 'group' && arg.starred)) {
      positions.push(value);
      continue;
    }
    const length = starLength(arg.items[0]);
    if (length === undefined) break;
    for (let i = 0; i < length; i++) positions.push(value);
  }
  return positions;
}

/**
 * What each parameter of `fn` holds at this call: the arguments by position (a `*data` argument
 * filling `starLength(data)` positions) and keyword, the rest in `*args` / `**kwargs`, else its
 * default (evaluated by `defaultOf`). `scope`: the caller's.
 */
export function bindArguments(
  fn: FunctionDef,
  call: CallExpr,
  given: readonly Value[],
  keywords: ReadonlyMap<string, Value>,
  defaultOf: (expr: Expr) => Value,
  starLength: (expr: Expr) => number | undefined,
  scope: Scope,
): Map<string, Value> {
  const args = call.args.some(isStarred) ? positionalValues(call, given, given.length - call.args.length, starLength) : given;
  const bindings = new Map<string, Value>();
  const params = fn.params;
  const positional = params.findIndex((param) => param.rest === 'positional');
  // `f(**options)` with a mapping not known: any parameter no argument fills may come from it.
  const unknownSplat = call.keywords.some((keyword) => keyword.name === SPLAT);
  params.forEach((param, index) => {
    if (param.rest === 'positional') bindings.set(param.name, unionOf(args.slice(index)));
    else if (param.rest === 'keywords') {
      const rest = new Map([...keywords].filter(([name]) => !params.some((other) => (other.keyword ?? other.name) === name)));
      // Where the caller writes each keyword (`Optimizer(name, params, weight_decay=wd)`): a finding on one is the caller's.
      const sites = new Map(call.keywords.flatMap((keyword) => (rest.has(keyword.name) ? [[keyword.name, site(scope, keyword.range)] as const] : [])));
      bindings.set(param.name, unionOf([...rest.values(), [{ k: 'fields', fields: rest, ...(sites.size > 0 ? { sites } : {}) }]]));
    } else {
      const value = (positional < 0 || index < positional ? args[index] : undefined) ?? keywords.get(param.keyword ?? param.name);
      const defaultValue = param.defaultValue && defaultOf(param.defaultValue);
      if (value) bindings.set(param.name, value);
      else if (unknownSplat) bindings.set(param.name, union(defaultValue ?? EMPTY, [{ k: 'opaque' }]));
      else if (defaultValue) bindings.set(param.name, defaultValue);
    }
  });
  return bindings;
}

/**
 * The caller's names for what the parameters hold (`l2_penalty(net)`: `model` -> `net`; the receiver
 * of a method call for `self`); undefined for a parameter given something that is no dotted name
 * (`l2_penalty(heads[0])`: which module is not known). `receivers` as for argumentExpr; `selfName`:
 * the name of `self` where the call does not write it (the object called, `model(x)`; a
 * construction's one object, `trainer = Trainer(...)`).
 */
export function argumentNames(fn: FunctionDef, call: CallExpr, receivers: number, selfName?: string): Map<string, string | undefined> | undefined {
  let names: Map<string, string | undefined> | undefined;
  fn.params.forEach((param, index) => {
    if (param.rest === 'positional') {
      // `*embeddings` given `self.users.weight, self.items.weight`: what their names share (`self`).
      (names ??= new Map()).set(param.name, commonOwner(call.args.slice(Math.max(0, index - receivers)).map((arg) => (arg.kind === 'group' && arg.starred ? undefined : indexedName(arg)))));
      return;
    }
    const expr = argumentExpr(fn, call, index, receivers);
    // `build_optimizer(model.parameters())`: the parameter holds that module's parameters.
    const dotted = expr ? (dottedName(expr) ?? parametersOwner(expr)) : index === 0 ? selfName : undefined;
    if ((expr || dotted) && dotted !== param.name) (names ??= new Map()).set(param.name, dotted);
  });
  return names;
}

/** The prefix all the names share (`self` for `self.a.weight`, `self.b.weight`; `net` for `net[0].weight`, `net[2].weight`); undefined if any is no name. */
function commonOwner(names: readonly (string | undefined)[]): string | undefined {
  if (names.length === 0 || names.some((name) => name === undefined)) return undefined;
  const partsOf = (name: string) => name.split(/\.|(?=\[)/);
  let parts = partsOf(names[0]!);
  for (const name of names.slice(1)) {
    const other = partsOf(name!);
    let same = 0;
    while (same < parts.length && same < other.length && parts[same] === other[same]) same++;
    parts = parts.slice(0, same);
  }
  return parts.length > 0 ? parts.join('.').replace(/\.\[/g, '[') : undefined;
}

/** `trainer = Trainer(model)` running `Trainer.__init__`: the name the new object is assigned to, its `self`. */
export function constructedInto(fn: FunctionDef, call: CallExpr, context?: EvalContext): string | undefined {
  if (!fn.name.endsWith('.__init__') || fn.params[0]?.name !== 'self' || (call.callee.kind === 'attr' && call.callee.attr === '__init__')) return undefined;
  const targets = context?.assigned?.call === call ? context.assigned.targets : [];
  return targets.length === 1 ? dottedName(targets[0]) : undefined;
}

/** The objectKey of each argument the call gives `fn`'s parameters (`regularization_loss(self.generator)`). */
export function argumentObjects(fn: FunctionDef, call: CallExpr, receivers: number, scope: Scope): (param: string) => string | undefined {
  return (param) => {
    const expr = argumentExpr(fn, call, fn.params.findIndex((candidate) => candidate.name === param), receivers);
    return expr && objectKey(expr, scope);
  };
}

/** The variable a helper call creates: `kernel = _variable_with_weight_decay('weights', shape=[5, 5, 3, 64], ...)`. */
export function variableOfCall(call: CallExpr, ref: FunctionRef, scope: Scope, context?: EvalContext): NonNullable<DecayTerm['variable']> {
  const shapeIndex = ref.fn.params.findIndex((param) => param.name === 'shape');
  const shapeExpr = call.keywords.find((keyword) => keyword.name === 'shape')?.value ?? (shapeIndex >= 0 ? call.args[shapeIndex] : undefined);
  return { ...assignedName(call, scope, context), call: site(scope, call.range), helper: ref.fn.name, shape: shapeExpr ? describeShape(shapeExpr) : undefined };
}

function describeShape(expr: Expr): string | undefined {
  if (expr.kind !== 'group') return undefined;
  return `[${expr.items.map((item) => (item.kind === 'num' ? String(item.value) : item.kind === 'name' ? item.id : '?')).join(', ')}]`;
}

/**
 * `head = make_head()`, `self.generator = Generator(...)` where the callee makes Keras terms: the
 * model the call builds, by objectKey, with the named objects it is given (`Classifier(encoder)`),
 * whose terms its `losses` hold too.
 */
export function builtModel(call: CallExpr, effects: readonly Effect[], scope: Scope, context?: EvalContext): (Effect & { k: 'modelParts' }) | undefined {
  const model = assignedObject(call, scope, context);
  if (!model || !effects.some((effect) => effect.k === 'write' && effect.origin === 'keras')) return undefined;
  const given = [...call.args, ...call.keywords.map((keyword) => keyword.value)];
  return { k: 'modelParts', model, parts: given.flatMap((arg) => objectKey(arg, scope) ?? []) };
}

/** The object a call's value is assigned to by its statement (`head = make_head()`), by objectKey. */
export function assignedObject(call: CallExpr, scope: Scope, context?: EvalContext): string | undefined {
  const targets = context?.assigned?.call === call ? context.assigned.targets : [];
  return targets.length === 1 ? objectKey(targets[0], scope) : undefined;
}

/**
 * `_variable_with_weight_decay('weights', shape=[5, 5, 3, 64], ...)`: a helper taking a `shape`
 * called with a literal one creates a model's weight: a 4-D one is a convolution's kernel
 * (height, width, in, out), a 2-D one a dense layer's.
 */
export function variableLayer(variable: NonNullable<DecayTerm['variable']>): (Effect & { k: 'layer' }) | undefined {
  const dims = parseShape(variable.shape);
  const at = { site: variable.call, origin: variable.call, placed: true as const };
  if (dims?.length === 4) return { k: 'layer', layer: { kind: 'conv', kernel: dims[0] === dims[1] ? dims[0] : undefined, filters: dims[3] }, ...at };
  if (dims?.length === 2) return { k: 'layer', layer: { kind: 'dense', inputs: dims[0], units: dims[1] }, ...at };
  return undefined;
}

const parsedShapes = new Map<string, (number | undefined)[] | undefined>();

/** `[384, 192]` -> [384, 192]; names and expressions (`[dim, 384]`) are unknown dimensions. */
export function parseShape(text: string | undefined): (number | undefined)[] | undefined {
  if (!text) return undefined;
  if (!parsedShapes.has(text)) parsedShapes.set(text, parseShapeText(text));
  return parsedShapes.get(text);
}

function parseShapeText(text: string): (number | undefined)[] | undefined {
  const inner = /^\[(.*)\]$/.exec(text.trim());
  if (!inner) return undefined;
  return inner[1].split(',').map((part) => {
    const value = Number(part.trim());
    return Number.isInteger(value) && value > 0 ? value : undefined;
  });
}

/**
 * `def dict2namespace(config): ns = argparse.Namespace(); for key, value in config.items():
 * setattr(ns, key, ...); return ns`: the position of the parameter whose record the function
 * returns again, field by field (nested values converted the same way), else undefined.
 */
export function recordCopied(fn: FunctionDef): number | undefined {
  if (!recordCopiedBy.has(fn)) recordCopiedBy.set(fn, findRecordCopied(fn));
  return recordCopiedBy.get(fn);
}

/** Asked at every call of a workspace function: answered once per function. */
const recordCopiedBy = new WeakMap<FunctionDef, number | undefined>();

function findRecordCopied(fn: FunctionDef): number | undefined {
  const statements = [...walkStatements(fn.body)];
  for (const stmt of statements) {
    if (stmt.kind !== 'block' || !stmt.loop) continue;
    const { target, iterable } = stmt.loop;
    const key = target.kind === 'group' && target.tuple ? target.items[0] : undefined;
    const source = iterable.kind === 'call' && iterable.callee.kind === 'attr' && iterable.callee.attr === 'items' && iterable.args.length === 0 ? iterable.callee.object : undefined;
    const index = source?.kind === 'name' ? fn.params.findIndex((param) => param.name === source.id) : -1;
    if (key?.kind !== 'name' || index < 0) continue;
    const filled = [...walkStatements(stmt.body)].flatMap((inner) => {
      const call = inner.kind === 'expr' ? inner.value : undefined;
      const [object, name] = call?.kind === 'call' && call.callee.kind === 'name' && call.callee.id === 'setattr' && call.args.length === 3 ? call.args : [];
      return object?.kind === 'name' && name?.kind === 'name' && name.id === key.id ? [object.id] : [];
    });
    if (statements.some((returned) => returned.kind === 'return' && returned.value?.kind === 'name' && filled.includes(returned.value.id))) return index;
  }
  return undefined;
}

