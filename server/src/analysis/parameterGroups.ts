// PyTorch optimizers' params argument, read from the code: every parameter of a module in one
// group, the module whose parameters they are, and the parameter groups that carry their own decay.
import { appendAll, childExprs, dottedName, indexedName, readExpressions, walkExpressions, walkStatements, type Expr, type Keyword } from './ir';
import type { ModuleInfo } from './moduleInfo';
import { isTreeLeaves } from './frameworks/optax';
import type { Scope } from './scope';
import { classOfReceiver } from './calleeResolution';

/**
 * `model.parameters()`, or a comprehension over `model.named_parameters()` without a filter
 * (`[p for n, p in model.named_parameters()]`: a group of the body and the one `for` clause):
 * every parameter of a module, in one group.
 */
export function isAllParameters(expr: Expr, scope?: Scope, budget = { steps: 64, names: new Set<string>() }): boolean {
  if (--budget.steps < 0) return false;
  // `gen_params = itertools.chain(g_a.parameters(), g_b.parameters())`: every parameter of each;
  // `params = params + list(cond.parameters())` grows the list: its other assignments decide.
  if (expr.kind === 'name' && scope) {
    if (budget.names.has(expr.id)) return true;
    // `parameters = []` then `parameters += list(model.parameters())`: the empty start holds nothing.
    const assigned = scope.assignmentsOf(expr.id)?.filter((value) => !(value.kind === 'group' && value.items.length === 0 && !value.subscript));
    budget.names.add(expr.id);
    const all = assigned !== undefined && assigned.length > 0 && assigned.every((value) => isAllParameters(value, scope, budget));
    budget.names.delete(expr.id);
    return all;
  }
  if (expr.kind === 'call' && /^(?:itertools\.)?chain$/.test(dottedName(expr.callee) ?? '') && expr.args.length > 0) {
    return expr.args.every((arg) => isAllParameters(arg, scope, budget));
  }
  // `list(model.parameters()) + list(criterion.parameters())`, `params + [extra]`: every parameter of a module, and more.
  if (expr.kind === 'binop' && expr.op === '+') return isAllParameters(expr.left, scope, budget) || isAllParameters(expr.right, scope, budget);
  // `list(model.parameters())`: the same parameters, materialized.
  if (expr.kind === 'call' && expr.callee.kind === 'name' && (expr.callee.id === 'list' || expr.callee.id === 'tuple') && expr.args.length === 1) {
    return isAllParameters(expr.args[0], scope, budget);
  }
  // `[{'params': base_params, 'lr': 0.1 * lr}, {'params': net.classifier.parameters()}]` with `base_params =
  // filter(lambda p: id(p) not in ignored, net.parameters())`: the model less a part, and that part, all decaying alike.
  const listed = expr.kind === 'group' && !expr.keys && !expr.subscript ? expr.items : [];
  if (listed.length >= 2 && listed.every((group) => group.kind === 'group' && group.keys?.includes('params') && !group.keys.includes('weight_decay'))) {
    const params = listed.map((group) => (group.kind === 'group' ? group.items[group.keys!.indexOf('params')] : group));
    if (params.some((param) => excludesById(param, scope))) return true;
  }
  // `[{'params': net.parameters()}]`: one group of every parameter, decaying as the optimizer says.
  const only = listed.length === 1 ? listed[0] : undefined;
  if (only?.kind === 'group' && only.keys) {
    const params = only.items[only.keys.indexOf('params')];
    return !only.keys.includes('weight_decay') && params !== undefined && isAllParameters(params, scope, budget);
  }
  // `filter(lambda p: p.requires_grad, model.parameters())`: every parameter, where the module freezes none.
  const nothingFrozen = () => scope !== undefined && !moduleFreezesParameters(scope.module);
  if (expr.kind === 'call' && expr.callee.kind === 'name' && expr.callee.id === 'filter' && expr.args.length === 2 && expr.args[0].kind === 'lambda' && testsRequiresGrad(expr.args[0].body)) {
    return nothingFrozen() && isAllParameters(expr.args[1], scope, budget);
  }
  // `[p for n, p in model.named_parameters()]`, `[p for p in model.parameters() if p.requires_grad]`.
  const filtered = expr.kind === 'group' && expr.items.length === 3 && testsRequiresGrad(expr.items[2].kind === 'group' ? expr.items[2].items[0] : undefined);
  if (expr.kind === 'group' && !expr.keys && (expr.items.length === 2 || (filtered && nothingFrozen())) && expr.items[1].kind === 'group' && !expr.items[1].keys) {
    const iterated = expr.items[1].items[expr.items[1].items.length - 1];
    if (iterated?.kind === 'call' && iterated.callee.kind === 'attr' && (iterated.callee.attr === 'named_parameters' || iterated.callee.attr === 'parameters') && iterated.args.length === 0) return true;
    // `[p for p in gen_params if p.requires_grad]` over `gen_params = list(a.parameters()) + list(b.parameters())`.
    return filtered && iterated?.kind === 'name' && isAllParameters(iterated, scope, budget);
  }
  return expr.kind === 'call' && expr.callee.kind === 'attr' && expr.callee.attr === 'parameters' && expr.args.length === 0;
}

/** `filter(lambda p: id(p) not in ignored_params, net.parameters())` (by name, once): a model's parameters less some picked by identity. */
function excludesById(expr: Expr, scope?: Scope): boolean {
  const assigned = expr.kind === 'name' ? scope?.assignmentsOf(expr.id) : undefined;
  const value = assigned?.length === 1 ? assigned[0] : expr;
  if (value.kind !== 'call' || value.callee.kind !== 'name' || value.callee.id !== 'filter' || value.args.length !== 2 || value.args[0].kind !== 'lambda') return false;
  const testsIdentity = [...walkExpressions([value.args[0].body])].some((part) => part.kind === 'call' && part.callee.kind === 'name' && part.callee.id === 'id');
  return testsIdentity && isAllParameters(value.args[1], scope);
}

const frozenIn = new WeakMap<ModuleInfo, boolean>();

/** The module sets `requires_grad = False` or calls `requires_grad_(False)` somewhere: what a requires_grad filter keeps is not known. */
function moduleFreezesParameters(module: ModuleInfo): boolean {
  let frozen = frozenIn.get(module);
  if (frozen === undefined) {
    const bodies = [module.topLevel, ...[...module.functions.values(), ...module.methods].map((fn) => fn.body)];
    const statements = bodies.flatMap((body) => [...walkStatements(body)]);
    const isFalse = (expr: Expr | undefined) => expr?.kind === 'name' && expr.id === 'False';
    frozen =
      statements.some((stmt) => stmt.kind === 'assign' && isFalse(stmt.value) && stmt.targets.some((target) => target.kind === 'attr' && target.attr === 'requires_grad')) ||
      [...walkExpressions(statements.flatMap(readExpressions))].some((expr) => expr.kind === 'call' && expr.callee.kind === 'attr' && expr.callee.attr === 'requires_grad_' && isFalse(expr.args[0]));
    frozenIn.set(module, frozen);
  }
  return frozen;
}

/** `p.requires_grad`: a filter that keeps what the optimizer would train anyway. */
function testsRequiresGrad(test: Expr | undefined): boolean {
  return test?.kind === 'attr' && test.attr === 'requires_grad' && test.object.kind === 'name';
}

/**
 * The module whose `.parameters()` (or `.named_parameters()`) an expression iterates, by name;
 * names are followed to their assignment (`groups = [{'params': decay}]`, `decay = [p for p in
 * model.parameters() if ...]`). The first of `parametersOwners`.
 */
export function parametersOwner(expr: Expr, scope?: Scope): string | undefined {
  return parametersOwners(expr, scope, 1)[0];
}

/** Every module whose parameters an expression iterates (`params + list(cond.parameters())`: both), at most `most`. */
export function parametersOwners(expr: Expr, scope?: Scope, most = 16): string[] {
  const owners: string[] = [];
  const stack = [expr];
  const followed = new Set<string>();
  while (stack.length > 0 && owners.length < most) {
    const current = stack.pop()!;
    const named = ownerNamed(current);
    if (named !== NOT_PARAMETERS) {
      if (named !== undefined && !owners.includes(named)) owners.push(named);
      continue;
    }
    if (current.kind === 'name' && scope && !followed.has(current.id) && followed.size < 16) {
      followed.add(current.id);
      stack.push(...(scope.assignmentsOf(current.id) ?? []));
    }
    // `self.ae_params = tf.get_collection(...)` in another method: what the class assigns the attribute.
    const className = current.kind === 'attr' && scope ? classOfReceiver(current.object, scope) : undefined;
    if (className && current.kind === 'attr' && !followed.has(`self.${current.attr}`) && followed.size < 16) {
      followed.add(`self.${current.attr}`);
      stack.push(...(scope!.module.instanceAttributes.get(className)?.get(current.attr)?.map((assigned) => assigned.value) ?? []));
    }
    appendAll(stack, childExprs(current));
  }
  return owners;
}

/** What `ownerNamed` gives for an expression that names no parameters. */
const NOT_PARAMETERS = null;

/**
 * The module an expression names the parameters of (undefined when it does but the module has no
 * name), or NOT_PARAMETERS.
 */
function ownerNamed(expr: Expr): string | undefined | typeof NOT_PARAMETERS {
  if (expr.kind === 'call' && expr.callee.kind === 'attr') {
    const { attr } = expr.callee;
    if (attr === 'parameters' || attr === 'named_parameters') return dottedName(expr.callee.object);
    // TensorFlow 1: every trainable variable of the graph.
    if (attr === 'trainable_variables') return dottedName(expr.callee);
    // `tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='actor')` (or GLOBAL_VARIABLES, as DDPG code lists a scope's): a scope's variables.
    if (attr === 'get_collection' && expr.args[0] && /(?:TRAINABLE|GLOBAL|MODEL)_VARIABLES$/.test(dottedName(expr.args[0]) ?? '')) return dottedName(expr.callee);
  }
  if (expr.kind === 'attr') {
    // `{'params': net[0].weight, 'weight_decay': wd}`: one of the module's parameters (as penalties name it, torch.ts withWeightOwner).
    const owner = expr.attr === 'weight' ? indexedName(expr.object) : undefined;
    if (owner) return owner;
    // Keras: a model's (`model.trainable_variables`).
    if (expr.attr === 'trainable_variables' || expr.attr === 'trainable_weights') return dottedName(expr.object);
  }
  // JAX: every leaf of a parameter tree.
  const leavesOf = expr.kind === 'call' && isTreeLeaves(dottedName(expr.callee)) && expr.args[0] ? dottedName(expr.args[0]) : undefined;
  return leavesOf ?? NOT_PARAMETERS;
}

/**
 * The `'weight_decay'` entries of the parameter-group dicts an optimizer's params argument lists
 * (`[{'params': decay, 'weight_decay': wd}, {'params': no_decay, 'weight_decay': 0.0}]`), names
 * followed to their assignments, as keywords at the entry's value.
 */
export function groupDecays(expr: Expr, scope: Scope): { decay: Keyword; params?: Expr; chosenPerParameter?: true }[] {
  const found: { decay: Keyword; params?: Expr; chosenPerParameter?: true }[] = [];
  // `for p in model.parameters(): ... {'params': p, 'weight_decay': wd}` with `wd` set by the
  // parameter's shape or name: one group per parameter, each decayed as its branch says.
  const chosenPerParameter = (decay: Expr, params: Expr | undefined) =>
    params?.kind === 'name' && decay.kind === 'name' && (scope.assignmentsOf(decay.id)?.length ?? 0) > 1 && (scope.assignmentsOf(params.id) ?? []).some((bound) => parametersOwner(bound, scope) !== undefined || (bound.kind === 'element' && parametersOwner(bound.of, scope) !== undefined));
  const stack = [expr];
  const followed = new Set<string>();
  while (stack.length > 0 && found.length < 16) {
    const current = stack.pop()!;
    if (current.kind === 'name' && !followed.has(current.id) && followed.size < 16) {
      followed.add(current.id);
      // `paras.append(dict(params=layer.parameters(), weight_decay=wd))`: the groups a list is given.
      stack.push(...(scope.assignmentsOf(current.id) ?? []), ...scope.appendedTo(current.id));
    } else if (current.kind === 'group' && current.keys) {
      const index = current.keys.indexOf('weight_decay');
      const params = current.keys.indexOf('params');
      if (index >= 0) found.push({ decay: { name: 'weight_decay', value: current.items[index], range: current.items[index].range }, params: current.items[params], ...(chosenPerParameter(current.items[index], current.items[params]) ? { chosenPerParameter: true as const } : {}) });
    } else if (current.kind === 'call' && current.callee.kind === 'name' && current.callee.id === 'dict') {
      // `dict(params=..., weight_decay=...)`
      const decay = current.keywords.find((keyword) => keyword.name === 'weight_decay');
      const params = current.keywords.find((keyword) => keyword.name === 'params')?.value;
      if (decay) found.push({ decay, params, ...(chosenPerParameter(decay.value, params) ? { chosenPerParameter: true as const } : {}) });
    } else if (current.kind === 'group' && !current.subscript) {
      for (let i = current.items.length - 1; i >= 0; i--) stack.push(current.items[i]);
    }
  }
  return found;
}
