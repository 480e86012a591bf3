// Flow-insensitive abstract evaluation of Python and TS/JS over the IR. Each function gets a
// summary (its return value and effects, in terms of its parameters); a call instantiates the
// callee's summary with the argument values. Recursion and cycles resolve to "nothing known".
// Libraries are the frameworks' business (frameworks/): this file knows none by name.
import { CalleeResolution, classOfReceiver, type ModuleResolver } from './calleeResolution';
import type { Effect } from './effects';
import type { Range } from './findings';
import { detachingMethods, isPassedParameter, passThroughMethods, site, toSum, trainedReturnSink, type CallExpr, type Enclosing, type EvalContext, type TupleItem } from './evalContext';
import type { Callee, Framework, FrameworkHost, MethodCall, NamedCall, ReturnedLoss } from './frameworks/framework';
import { attributeSetBy, choiceMatches, dottedExpr, dottedName, integerIndex, readExpressions, SPLAT, walkExpressions, walkStatements, type BranchChoice, type Expr, type FunctionDef, type ParamGuard, type Stmt } from './ir';
import { argumentExpr, argumentNames, argumentObjects, bindArguments, builtModel, constructedInto, recordCopied, variableLayer, variableOfCall } from './callSites';
import { chooseOptimizers, oppositeChoice, paramChoice, callbackEffects, hasLiveDecay, instantiateEffect, isReceiver, markSumsOfTrainingBody, offByConstant, returnedThrough, switchesDecay, substitute, type Instantiation } from './instantiation';
import { classOfMethod, importsTensorflow, methodNames, type ImportTarget, type ModuleInfo } from './moduleInfo';
import { parametersOwner } from './parameterGroups';
import { BodyPenalties, penaltyOutcomes } from './penalties';
import { StatementOrder, type Assignment, type BlockOrder, type LateTerms } from './statementOrder';
import { NameValues } from './nameValues';
import { Scope } from './scope';
import { isScriptPath } from './sourceLanguage';
import { rewrittenNames } from './rewrittenNames';
import { SummaryCache, type FunctionRef, type LayerCall, type Summary } from './summaryCache';
import { combine, multiply, negatedTerms, rootOf, squareOf } from './valueArithmetic';
import { asData, callOf, decayParts, deriveParams, EMPTY, knownDecay, lacksField, selectField, union, unionOf, type InstanceTag, type Site, type Tag, type Value } from './values';
import { moduleOptions } from './commandLineOptions';

export type { FunctionRef, Summary } from './summaryCache';
export type { ModuleResolver } from './calleeResolution';
/** A local every assignment of which unpacks one of the function's parameters (`w1, b1 = params`): that parameter. */
function partOfParameter(name: string, scope: Scope): string | undefined {
  const assigned = scope.params.has(name) ? undefined : scope.assigns.get(name);
  const wholes = new Set(assigned?.map((expr) => (expr.kind === 'element' && expr.of.kind === 'name' && scope.params.has(expr.of.id) ? expr.of.id : '')));
  const [whole] = wholes;
  return wholes.size === 1 && whole ? whole : undefined;
}

/** `if wd:` on a parameter, or `if adam.weight_decay:` on a field of one (not `self`'s): decided per call. */
function guardsParameter(guard: ParamGuard, scope: Scope): boolean {
  const [root, ...path] = guard.param.split('.');
  return scope.params.has(root) && !(path.length > 0 && isReceiver(root));
}

/** The methods that apply a model to data (Keras and TF.js `apply`/`predict`, PyTorch `forward`). */
const MODEL_APPLICATIONS: ReadonlySet<string> = new Set(['apply', 'predict', 'predict_on_batch', 'predictOnBatch', 'forward', 'call']);
/** The tags of a penalty and its parts. */
const penaltyParts: ReadonlySet<Tag['k']> = new Set(['decay', 'l2', 'square', 'norm']);

/** `(f(t) for t in tensors)` with `tensors` a parameter of the function it is written in: that parameter. */
function iteratedParameter(expr: Expr, scope: Scope): string | undefined {
  const clause = expr.kind === 'group' && expr.items.length >= 2 && expr.items[1].kind === 'group' ? expr.items[1] : undefined;
  const iterable = clause?.items[clause.items.length - 1];
  return iterable?.kind === 'name' && scope.fn?.params.some((param) => param.name === iterable.id) ? iterable.id : undefined;
}

/** The cache key's ending for a module's top-level statements. */
const MODULE_BODY = '#<module>';

type Visit = (stmts: readonly Stmt[], guard: ParamGuard | undefined, enclosing: Enclosing | undefined, order: BlockOrder) => Assignment[];

/**
 * `def weight_l2(model): return sum(p.pow(2).sum() for p in model.parameters())`: every return of
 * the function is a sum over a module's parameters, scaled by a number or not.
 */
function returnsOnlyPenalty(ref: FunctionRef, scope: Scope): boolean {
  const returned = [...walkStatements(ref.fn.body)].flatMap((stmt) => (stmt.kind === 'return' ? [stmt.value] : []));
  return (
    returned.length > 0 &&
    returned.every((value) => {
      let penalty = value;
      while (penalty?.kind === 'binop' && (penalty.op === '*' || penalty.op === '/') && (penalty.right.kind === 'num' || penalty.left.kind === 'num')) penalty = penalty.right.kind === 'num' ? penalty.left : penalty.right;
      return penalty?.kind === 'call' && penalty.callee.kind === 'name' && penalty.callee.id === 'sum' && penalty.args[0] !== undefined && parametersOwner(penalty.args[0], scope) !== undefined;
    })
  );
}

/** The assignment written last before a line, of those given. */
function lastAssignmentBefore(assigned: readonly Expr[] | undefined, line: number): Expr | undefined {
  const before = (assigned ?? []).filter((expr) => expr.range.startLine < line);
  return before.reduce<Expr | undefined>((last, expr) => (!last || expr.range.startLine > last.range.startLine ? expr : last), undefined);
}

/** String methods that keep a name, recased or trimmed. */
const stringCasing = new Map<string, (text: string) => string>([
  ['lower', (text) => text.toLowerCase()],
  ['upper', (text) => text.toUpperCase()],
  ['strip', (text) => text.trim()],
]);

/** Builtins whose result holds what their one argument does (`vars(args)`, `list(losses.values())`). */
const sameItems = new Set(['vars', 'list', 'tuple', 'sorted', 'reversed']);

/** Copies of a value: a config dict copied before a builder pops from it is still that config. */
const copyFunctions = new Set(['copy.copy', 'copy.deepcopy']);

export class Evaluator implements FrameworkHost {
  private readonly cache = new SummaryCache(
    (key) => this.summarizeKey(key),
    (key) => this.functionOfKey(key)?.fn.body,
  );
  private readonly names: CalleeResolution;
  private readonly nameValues: NameValues;
  /** Partials (by name) being expanded: guards against self-reference. */
  private readonly partialsExpanding = new Set<string>();
  /** The penalty lists of the bodies being summarized, innermost last. */
  private bodyPenalties: BodyPenalties[] = [];
  /** The modules that define absl/TF flags, this run. */
  private flags: ModuleInfo[] | undefined;

  /** `frameworks`: the libraries it knows, asked in order (frameworks/index.ts has the registry). */
  constructor(private readonly frameworks: readonly Framework[]) {
    this.names = new CalleeResolution(this.cache, frameworks);
    this.nameValues = new NameValues(this, this.names, this.cache);
  }

  /**
   * Starts an analysis of these modules. Summaries from earlier analyses are reused when their
   * IR, the modules they consulted and the callee summaries they used are unchanged.
   * `methodCounts`: how many classes define each method name, when the modules are one group of a
   * larger workspace (independentGroups.ts); else counted in these modules.
   */
  beginRun(modules: ModuleInfo[], resolver: ModuleResolver, methodCounts?: ReadonlyMap<string, number>): void {
    this.cache.beginRun(modules, methodCounts);
    this.names.beginRun(resolver);
    this.flags = undefined;
    this.nameValues.beginRun();
  }

  moduleScope(module: ModuleInfo): Scope {
    return this.names.moduleScope(module);
  }

  summarizeModule(module: ModuleInfo): Summary {
    return this.cache.cached(module.uri + MODULE_BODY, this.cache.topLevelOf(module), () => this.summarizeBody(module.topLevel, this.moduleScope(module)));
  }

  /** Summary of a top-level function or method (`parent` undefined) or of a nested function. */
  summarize(ref: FunctionRef): Summary {
    const compute = () => this.summarizeBody(ref.fn.body, this.scopeOf(ref));
    // Nested functions belong to their parent's IR: their findings count as the parent's.
    return ref.parent ? this.cache.memoized(ref.key, compute) : this.cache.cached(ref.key, ref.fn.body, compute);
  }

  static facts = SummaryCache.facts;

  /** A function's own scope, inside its parent's or its module's. */
  private scopeOf(ref: FunctionRef): Scope {
    return new Scope(ref.module, ref.fn, ref.parent ?? this.moduleScope(ref.module), ref.key);
  }

  /** The current summary of the function (or module body) behind a cache key. */
  private summarizeKey(key: string): Summary | undefined {
    const module = key.endsWith(MODULE_BODY) ? this.cache.runModules.get(key.slice(0, -MODULE_BODY.length)) : undefined;
    if (module) return this.summarizeModule(module);
    const ref = this.functionOfKey(key);
    return ref ? this.summarize(ref) : undefined;
  }

  /** The top-level function or method behind a cache key, in this run's modules. */
  private functionOfKey(key: string): FunctionRef | undefined {
    const split = key.lastIndexOf('#');
    const module = this.cache.runModules.get(key.slice(0, split));
    const name = key.slice(split + 1);
    const fn = module && (module.functions.get(name) ?? module.methods.find((method) => method.name === name));
    return module && fn ? { key, module, fn } : undefined;
  }

  private summarizeBody(body: readonly Stmt[], scope: Scope): Summary {
    const effects: Effect[] = [];
    const returns: Value[] = [];
    const returnTuples: (Value[] | undefined)[] = [];
    const penalties = new BodyPenalties();
    const frame = this.cache.frame;
    const discardedBefore = frame.discarded.length;
    // Penalties a callee returns join this body's (instantiateCall adds them).
    this.bodyPenalties.push(penalties);
    const addedAfterTraining: LateTerms[] = [];
    const visit: Visit = (stmts, guard, enclosing, blockOrder) => {
      const order = new StatementOrder(stmts, blockOrder);
      stmts.forEach((stmt, index) => {
        const before = effects.length;
        try {
          for (const assignment of this.summarizeStatement(stmt, scope, { effects, guard, statement: stmt.range, enclosing }, returns, returnTuples, penalties, visit)) order.assigned(index, assignment, stmt.kind === 'assign');
        } catch (error) {
          // A pathological statement (nesting deeper than the stack) is skipped, not fatal.
          if (!(error instanceof RangeError)) throw error;
        }
        for (let i = before; i < effects.length; i++) {
          const effect = effects[i];
          if (effect.k === 'sink') order.trained(index, effect);
        }
      });
      const assignedBefore = (name: string, line: number) => (scope.assignmentsOf(name) ?? []).filter((expr) => expr.range.startLine < line);
      const late = order.settle(effects, frame.discarded, assignedBefore, (expr) => this.evaluate(expr, scope));
      if (late) addedAfterTraining.push(late);
      return order.all();
    };
    try {
      visit(body, undefined, undefined, 'sequential');
      if (scope.fn) effects.push(...this.nestedCallbackEffects(scope));
    } finally {
      this.bodyPenalties.pop();
    }
    markSumsOfTrainingBody(effects, scope);
    const outcomes = penaltyOutcomes(penalties.all, effects, returns, this.returnedLoss(scope) !== undefined, addedAfterTraining);
    for (const penalty of outcomes.discarded) frame.discarded.push(penalty);
    // Outside TensorFlow code a collection is no way to keep a term (WD104's advice).
    if (!importsTensorflow(scope.module)) for (let i = discardedBefore; i < frame.discarded.length; i++) if (frame.discarded[i].site.uri === scope.module.uri) frame.discarded[i] = { ...frame.discarded[i], noCollections: true };
    const count = returnTuples[0]?.length;
    const returnItems =
      count !== undefined && returnTuples.every((items) => items?.length === count)
        ? Array.from({ length: count }, (_, index) => union(...returnTuples.map((items) => items![index])))
        : undefined;
    return {
      returns: unionOf(returns),
      returnItems,
      returnedPenalties: outcomes.returned.length > 0 ? outcomes.returned : undefined,
      effects,
      calls: frame.calls,
      helperCalls: frame.helperCalls,
      discarded: frame.discarded,
      layerCalls: [...frame.layerCalls.values()],
    };
  }

  /** The framework that trains on what this function returns (Lightning's `training_step`), and how. */
  private returnedLoss(scope: Scope): ReturnedLoss | undefined {
    return this.frameworks.reduce<ReturnedLoss | undefined>((found, framework) => found ?? framework.returnedLoss?.(scope, this), undefined);
  }

  onlyClassDefining(name: string): { module: ModuleInfo; className: string } | undefined {
    const method = this.names.onlyWorkspaceMethod(name);
    const fn = method?.ref.fn.name;
    return method && fn?.includes('.') ? { module: method.ref.module, className: fn.slice(0, fn.lastIndexOf('.')) } : undefined;
  }

  dependOnModuleCode(module: ModuleInfo): void {
    this.cache.dependOn(module.uri);
    for (const fn of [...module.functions.values(), ...module.methods]) this.cache.dependOnBody(module.uri, this.names.functionScope(module, fn).key, fn.body);
  }

  /**
   * Nested functions the body never calls are callbacks (`strategy.run(train_step, ...)`,
   * `tf.function(step)`, `tape.gradient` in a closure): their effects happen, with their own
   * parameters unknown (a decay given by their caller is off, as for any function nobody calls).
   */
  private nestedCallbackEffects(scope: Scope): Effect[] {
    const frame = this.cache.frame;
    const candidates = [...scope.functions.values()].map((fn) => this.names.functionRef(scope, fn)).filter((ref) => !frame.calls.has(ref.key));
    if (candidates.length === 0) return [];
    const summaries = candidates.map((ref) => this.summarize(ref));
    // Summarizing one may call another: those are no callbacks.
    const callbacks = candidates.flatMap((ref, index) => (frame.calls.has(ref.key) ? [] : [{ params: ref.fn.params, summary: summaries[index] }]));
    return callbacks.flatMap((callback) => callbackEffects(callback.params, callback.summary, (effect, instance) => this.instantiate(effect, instance)));
  }

  /** Returns the assignments of single names and attributes the statement makes (nested blocks included), in order, for StatementOrder. */
  private summarizeStatement(stmt: Stmt, scope: Scope, context: EvalContext, returns: Value[], returnTuples: (Value[] | undefined)[], penalties: BodyPenalties, visit: Visit): Assignment[] {
    switch (stmt.kind) {
      case 'assign': {
        const penaltiesBefore = penalties.all.length;
        const effectsBefore = context.effects.length;
        const assigned = this.evaluate(stmt.value, scope, { ...context, assigned: { call: stmt.value, targets: stmt.targets } });
        // `loss += penalty(model)` is `loss = loss + penalty(model)`: the terms come through the call, as in a sum.
        const value = stmt.augmented && stmt.value.kind === 'call' ? returnedThrough(assigned, site(scope, stmt.value.range)) : assigned;
        const at = site(scope, stmt.range);
        const makesTerm = penalties.assignment(stmt, value, {
          builds: hasLiveDecay(value) && this.buildsDecayTerm(stmt.value, scope),
          trains: context.effects.slice(effectsBefore).some((effect) => effect.k === 'sink'),
          since: penaltiesBefore,
          scope,
          at,
          noGradient: context.enclosing?.noGradient === true,
          discard: (term) => this.cache.frame.discarded.push(term),
        });
        for (const target of stmt.targets) if (target.kind === 'attr') for (const framework of this.frameworks) framework.attributeAssigned?.(target, () => value, scope, context, this);
        const name = stmt.targets.length === 1 ? dottedName(stmt.targets[0]) : undefined;
        return name ? [{ name, value, site: at, buildsTerm: makesTerm, augmented: stmt.augmented, expr: stmt.value }] : [];
      }
      case 'expr': {
        const value = this.evaluate(stmt.value, scope, context);
        const assigned = attributeSetBy(stmt.value);
        if (assigned) for (const framework of this.frameworks) framework.attributeAssigned?.(assigned.target, () => this.evaluate(assigned.value, scope), scope, context, this);
        if (hasLiveDecay(value) && this.buildsDecayTerm(stmt.value, scope)) {
          // `loss.add(wd * l2)`, a method of a value (not `tf.multiply(...)`): dropped when the body
          // trains on the receiver (a meter's `add` is not).
          const method = stmt.value.kind === 'call' && stmt.value.callee.kind === 'attr' ? stmt.value.callee : undefined;
          const receiver = method && dottedName(method.object);
          const onValue = receiver !== undefined && this.resolveCallee(`${receiver}.${method!.attr}`, scope).kind === 'value';
          const term = { site: site(scope, stmt.range), decay: knownDecay(value) };
          if (onValue) penalties.add({ term: { ...term, droppedResultOf: { receiver, method: method!.attr } }, value, droppedFrom: receiver });
          else this.cache.frame.discarded.push(term);
        }
        break;
      }
      case 'return': {
        const value = stmt.value;
        if (!value) break;
        // A tuple's value is its items' union: evaluated once, kept by position too.
        const items = value.kind === 'group' && value.tuple ? value.items.map((item) => this.evaluate(item, scope, context)) : undefined;
        const returned = items ? unionOf(items) : this.evaluate(value, scope, context);
        returns.push(returned);
        returnTuples.push(items);
        if (hasLiveDecay(returned)) penalties.returnStatement(value, returned, site(scope, stmt.range), this.buildsDecayTerm(value, scope));
        const trained = this.returnedLoss(scope);
        if (trained) context.effects.push(trainedReturnSink(trained, value, returned, site(scope, stmt.range), (expr) => this.evaluate(expr, scope), (range) => site(scope, range)));
        break;
      }
      case 'if': {
        const decided = this.constantFlag(stmt.test, scope) ?? this.constantChoice(stmt.choice, stmt.test, scope);
        if (decided !== undefined) return visit(decided ? stmt.body : stmt.orelse, context.guard, context.enclosing, 'sequential');
        this.evaluate(stmt.test, scope, context);
        const [ownGuard, effectsBefore, returnsBefore] = [stmt.guard && guardsParameter(stmt.guard, scope) ? stmt.guard : undefined, context.effects.length, returns.length];
        const body = visit(stmt.body, ownGuard ?? context.guard, context.enclosing, 'sequential');
        const choice = stmt.choice && paramChoice(stmt.choice, scope);
        if (choice) chooseOptimizers(context.effects, effectsBefore, choice);
        const made: [Effect[], Value[]] = [context.effects.slice(effectsBefore), [...body.map((assignment) => assignment.value), ...returns.slice(returnsBefore)]];
        if (ownGuard && switchesDecay(stmt.body, ownGuard.param, scope.module.uri, ...made)) context.effects.push({ k: 'decaySwitch', guard: ownGuard, site: site(scope, ownGuard.range) });
        // `if L2_WEIGHT_DECAY:` on a constant (or `self.weight_decay`) that is 0: the decay code never runs.
        const guarded = !ownGuard && stmt.guard ? this.evaluate(dottedExpr(stmt.guard.param, stmt.guard.range), scope) : undefined;
        const off = guarded && switchesDecay(stmt.body, stmt.guard!.param, scope.module.uri, ...made, guarded) && offByConstant(stmt.guard!, guarded, site(scope, stmt.guard!.range));
        if (off) this.cache.frame.helperCalls.push(off);
        const effectsBeforeElse = context.effects.length;
        const orelse = visit(stmt.orelse, context.guard, context.enclosing, 'sequential');
        // The `else` (and each `elif` after it) runs for every value but the branch's.
        if (choice) chooseOptimizers(context.effects, effectsBeforeElse, oppositeChoice(choice));
        return [...body, ...orelse];
      }
      case 'block': {
        const enclosing = stmt.loop || stmt.withItems ? this.enclose(stmt, scope, context.enclosing) : context.enclosing;
        return visit(stmt.body, context.guard, enclosing, stmt.loop ? 'loop' : stmt.withItems ? 'sequential' : 'unordered');
      }
      default:
        break;
    }
    return [];
  }

  /** A test of a name only ever set to True or False (and no function rebinding it as a global): its value. */
  private constantFlag(test: Expr, scope: Scope): boolean | undefined {
    if (test.kind === 'name' && this.mayBeRewritten(test.id, test.range, scope)) return undefined;
    return this.names.constantCondition(test, scope);
  }

  /**
   * `if opt.optimizer == 'sgd':` with `opt.optimizer` a string fixed in the code (a config class's
   * attribute nothing sets, not a command-line default): whether the branch runs.
   */
  private constantChoice(choice: BranchChoice | undefined, test: Expr, scope: Scope): boolean | undefined {
    if (!choice || this.mayBeRewritten(choice.name, test.range, scope)) return undefined;
    // A local name reused (`for name, p in ...` before `name = cfg.name.lower()`): what it was last set to before the test.
    const last = choice.name.includes('.') ? undefined : lastAssignmentBefore(scope.assigns.get(choice.name), test.range.startLine);
    const value = this.evaluate(last ?? dottedExpr(choice.name, test.range), scope);
    if (value.length === 0 || !value.every((tag) => tag.k === 'str')) return undefined;
    const listed = value.map((tag) => tag.k === 'str' && choiceMatches(choice, choice.caseless ? tag.value.toLowerCase() : tag.value));
    if (listed.every(Boolean)) return !choice.negated;
    return listed.some(Boolean) ? undefined : choice.negated === true;
  }

  /**
   * A sign on the coefficient or the term as a whole: a unary minus in the product (`-prec * l2`),
   * a subtraction around the penalty (`lam * (budget - norm)`), also in what a name the product
   * reads is set to. Not a minus inside arguments or indices (`p.view(-1)`, `weights[:-1]`) or in a
   * schedule (`lam * (1 - epoch / epochs)`).
   */
  private holdsSign(expr: Expr, scope: Scope, depth = 0): boolean {
    switch (expr.kind) {
      case 'neg':
        return true;
      case 'binop':
        if (expr.op === '-' && (this.buildsDecayTerm(expr.left, scope) || this.buildsDecayTerm(expr.right, scope) || this.namesPenalty(expr.right, scope))) return true;
        return ['*', '/', '+', '-'].includes(expr.op) && (this.holdsSign(expr.left, scope, depth) || this.holdsSign(expr.right, scope, depth));
      case 'name': {
        const assigned = depth < 3 ? this.names.onlyAssignment(expr.id, scope) : undefined;
        return assigned !== undefined && this.holdsSign(assigned, scope, depth + 1);
      }
      default:
        return false;
    }
  }

  /** A name holding a penalty part (`norm = sum(p.norm() ...)`), as `budget - norm` subtracts it. */
  private namesPenalty(expr: Expr, scope: Scope): boolean {
    return expr.kind === 'name' && this.evaluate(expr, scope).some((tag) => tag.k === 'decay' || tag.k === 'l2' || tag.k === 'norm' || tag.k === 'square');
  }

  /**
   * The expression calls a workspace function that may return a loss (`0.1 * disc_loss(x)`, an
   * adversary's, whose own penalty the subtraction does not flip), not only a penalty helper
   * (`lam * weight_l2(model)`).
   */
  private callsWorkspaceLoss(expr: Expr, scope: Scope): boolean {
    for (const current of walkExpressions([expr])) {
      const dotted = current.kind === 'call' ? dottedName(current.callee) : undefined;
      const callee = dotted ? this.resolveCallee(dotted, scope) : undefined;
      if (callee?.kind === 'function' && !returnsOnlyPenalty(callee.ref, this.scopeOf(callee.ref))) return true;
    }
    return false;
  }

  /**
   * The name compared, or what it was last set from, may be rewritten at run time in ways its values
   * do not show (rewrittenNames.ts): a global a function rebinds, a mapping updated in place, an
   * attribute set by name or on a class.
   */
  private mayBeRewritten(name: string, at: Range, scope: Scope): boolean {
    // The module and the workspace modules it imports (a config module's `_parse`): always analysed
    // together, so the CLI's groups and the server see the same.
    const modules = [scope.module, ...[...scope.module.imports.values(), ...scope.module.starImports].flatMap((target) => this.names.resolveImport(target, scope.module)?.module ?? [])];
    for (const module of modules) this.dependOnModuleCode(module);
    const rewritten = rewrittenNames(modules);
    const last = name.includes('.') ? undefined : scope.assigns.get(name);
    const read = [...walkExpressions([dottedExpr(name, at), ...(last ?? [])])];
    return read.some((expr) => (expr.kind === 'name' && rewritten.names.has(expr.id)) || (expr.kind === 'attr' && (rewritten.anyAttribute || rewritten.attributes.has(expr.attr))));
  }

  /** What a `for` loop or a `with` block giving keyword defaults (`slim.arg_scope`) adds to the statements inside it. */
  private enclose(block: Stmt & { kind: 'block' }, scope: Scope, outer: Enclosing | undefined): Enclosing {
    const loops = block.loop ? [...(outer?.loops ?? []), block.loop] : outer?.loops ?? [];
    const argScopes = [...(outer?.argScopes ?? [])];
    let noGradient = outer?.noGradient;
    for (const item of block.withItems ?? []) {
      if (item.kind !== 'call') continue;
      for (const framework of this.frameworks) {
        const argScope = framework.argScope?.(item, scope, this);
        if (argScope) argScopes.push(argScope);
        if (framework.stopsGradients?.(item, scope, this)) noGradient = true;
      }
    }
    return { loops, argScopes, noGradient };
  }

  /**
   * The expression itself computes a decay term (`wd * l2`, `tf.multiply(...)`, `tf.nn.l2_loss`),
   * rather than passing one to a call that may keep it (`losses.append(term)`, a helper).
   */
  private buildsDecayTerm(expr: Expr, scope: Scope): boolean {
    // `total = loss + wd * l2`: a sum with a term built right there builds one too.
    // `l2 * wd / 2`: a term built and then halved.
    if (expr.kind === 'binop') return expr.op === '*' || (expr.op === '/' && this.buildsDecayTerm(expr.left, scope)) || (expr.op === '+' && (this.buildsDecayTerm(expr.left, scope) || this.buildsDecayTerm(expr.right, scope)));
    // `[wd * tf.nn.l2_loss(v) for v in weights]`: a list of terms built right there.
    if (expr.kind === 'group' && !expr.subscript && !expr.keys && expr.items.length > 0) return this.buildsDecayTerm(expr.items[0], scope);
    if (expr.kind !== 'call') return false;
    // `tf.add_n([l2_regularizer(wd)(w) for w in weights])`: a sum of terms built right there.
    if (expr.args.length === 1 && expr.args[0].kind === 'group' && this.buildsDecayTerm(expr.args[0], scope)) return this.evaluate(expr, scope).some((tag) => tag.k === 'decay');
    // `l2_regularizer(scale)(w)`: a regularizer applied to a variable (not a regularized layer applied to a batch).
    if (expr.callee.kind === 'call') {
      const applied = this.evaluate(expr.callee, scope);
      return applied.length > 0 && applied.every((tag) => tag.k === 'regularizer');
    }
    const dotted = dottedName(expr.callee);
    const callee = dotted ? this.resolveCallee(dotted, scope) : undefined;
    const script = isScriptPath(scope.module.filePath);
    return this.frameworks.some((framework) => framework.buildsDecayTerm?.(callee, expr, script));
  }

  /** Evaluates an expression; with a context, also records the effects of the calls in it. */
  evaluate(expr: Expr, scope: Scope, context?: EvalContext): Value {
    switch (expr.kind) {
      case 'num':
        return [{ k: 'num', value: expr.value, site: site(scope, expr.range) }];
      case 'str':
        return [{ k: 'str', value: expr.value }];
      case 'none':
        return [{ k: 'none' }];
      case 'name':
        return this.nameValues.evaluateName(expr.id, scope);
      case 'attr':
        return this.evaluateAttribute(expr, scope, context);
      case 'call':
        return this.evaluateCall(expr, scope, context);
      case 'neg':
        return negatedTerms(this.evaluate(expr.operand, scope, context), site(scope, expr.range), true);
      case 'binop': {
        // `loss + l2_penalty(net)`: a penalty a call returns joins the expression at that call.
        const operand = (side: Expr) => (side.kind === 'call' ? returnedThrough(this.evaluate(side, scope, context), site(scope, side.range)) : this.evaluate(side, scope, context));
        const left = operand(expr.left);
        // `loss - wd * l2`: a term built right there and subtracted; not a loss a helper returns (`task - 0.1 * disc_loss(x)`, an adversary's).
        // `loss = nll - log_prior` with `log_prior = -prec * l2 / 2` built on its own line: the same.
        let subtracted = expr.right.kind === 'name' ? (this.names.onlyAssignment(expr.right.id, scope) ?? expr.right) : expr.right;
        while (subtracted.kind === 'neg' || (subtracted.kind === 'binop' && subtracted.op === '/')) subtracted = subtracted.kind === 'neg' ? subtracted.operand : subtracted.left;
        const subtractsTerm = expr.op === '-' && this.buildsDecayTerm(subtracted, scope) && !this.callsWorkspaceLoss(subtracted, scope);
        // A sign inside what is subtracted (`log_prior = -prec * l2 / 2`, `lam * (budget - norm)`, `scale = -cfg['wd']`) leaves a coefficient of unknown value unsigned.
        const signInside = subtractsTerm && this.holdsSign(expr.right, scope);
        const right = subtractsTerm ? negatedTerms(operand(expr.right), site(scope, expr.range), false, !signInside) : operand(expr.right);
        if (expr.op === '*') return multiply(left, right, site(scope, expr.range));
        // `p - q` of two modules' parameters (distance to a teacher, L2-SP's `w - w0`), `alpha - 1`: not the parameters themselves.
        if (expr.op === '-' && (left.some((tag) => tag.k === 'weights') || right.some((tag) => tag.k === 'weights'))) return union(left, right).filter((tag) => tag.k !== 'weights');
        if (expr.op === '**' && right.some((tag) => tag.k === 'num' && tag.value === 2)) return squareOf(left, site(scope, expr.range));
        if (expr.op === '**' && right.some((tag) => tag.k === 'num' && tag.value === 0.5)) return rootOf(left, site(scope, expr.range));
        return combine(expr.op, left, right, site(scope, expr.range));
      }
      case 'lambda':
        return this.evaluate(expr.body, scope, context);
      case 'group': {
        if (expr.subscript) return this.evaluateSubscript(expr, scope, context);
        // `regularizer if REGULARIZE_DEPTHWISE else None` on a flag only ever set to True or False: that arm.
        const decided = expr.conditional ? this.constantFlag(expr.items[1], scope) : undefined;
        if (decided !== undefined) return this.evaluate(expr.items[decided ? 0 : 2], scope, context);
        const items = expr.items.map((item) => this.evaluate(item, scope, context));
        const value = unionOf(items);
        const keys = expr.keys;
        if (!keys?.some((key) => typeof key === 'string')) return value;
        // A dict literal: the union of its values, and the record of its string keys.
        const fields = new Map<string, Value>();
        const sites = new Map<string, Site>();
        keys.forEach((key, index) => {
          if (typeof key !== 'string') return;
          fields.set(key, union(fields.get(key) ?? EMPTY, items[index]));
          sites.set(key, site(scope, expr.items[index].range));
        });
        return union(value, [{ k: 'fields', fields, sites }]);
      }
      case 'element':
        return this.evaluateElement(expr, scope);
    }
  }

  /** `value[index]`: a field of a record for a string index, else an item of the value. */
  private evaluateSubscript(expr: Expr & { kind: 'group' }, scope: Scope, context?: EvalContext): Value {
    const [object, index] = expr.items;
    if (object && index?.kind === 'str' && expr.items.length === 2) {
      const value = this.evaluate(object, scope, context);
      // The total stored back into the losses it sums, read by its key.
      const storedBack = object.kind === 'name' ? this.nameValues.storedBackEntry(object.id, index.value, scope) : [];
      const selected = union(selectField(value, index.value), ...storedBack.map((entry) => this.evaluate(entry, scope, context)));
      // `params['weight_decay']`: a field of a parameter is not the parameter (a helper's `wd` is).
      return value.some((tag) => tag.k === 'fields') ? selected : deriveParams(selected);
    }
    // `torch.optim.__dict__[cfg['optimizer']]`: the member by that name, as `getattr` gives it.
    if (object?.kind === 'attr' && object.attr === '__dict__' && index && expr.items.length === 2) {
      const members = this.names.membersByName(object.object, this.evaluate(index, scope), scope);
      if (members.length > 0) return members;
    }
    // `model.loss(pred, target)[0]`: that item of the tuple a workspace function returns.
    const position = index && object?.kind === 'call' && expr.items.length === 2 ? integerIndex(index) : undefined;
    if (position !== undefined) return union(this.evaluateCall(object as CallExpr, scope, context, { index: position }), this.evaluate(index!, scope));
    const items = expr.items.map((item) => this.evaluate(item, scope, context));
    const chosen = items.length === 2 ? classChosenByKey(items[0], items[1]) : undefined;
    if (chosen) return chosen;
    return deriveParams(unionOf(items).flatMap((tag) => (tag.k === 'fields' ? unionOf([...tag.fields.values()]) : [tag])));
  }

  /** One name of an unpacking assignment: its item of a tuple or of a workspace function's returned tuple, else the whole value. */
  private evaluateElement({ of, index, count }: Expr & { kind: 'element' }, scope: Scope): Value {
    if (of.kind === 'group' && of.tuple && of.items.length === count) return this.evaluate(of.items[index], scope);
    return of.kind === 'call' ? this.evaluateCall(of, scope, undefined, { index, count }) : this.evaluate(of, scope);
  }

  private evaluateAttribute(expr: Expr & { kind: 'attr' }, scope: Scope, context?: EvalContext): Value {
    const dotted = dottedName(expr);
    const onVariable = dotted !== undefined && scope.isVariable(dotted.split('.')[0]);
    for (const framework of this.frameworks) {
      const value = framework.attribute?.({ host: this, expr, dotted, onVariable, scope });
      if (value) return value;
    }
    if (dotted && !onVariable) {
      const imported = this.names.importedMember(scope.module, dotted);
      if (imported) return this.nameValues.moduleConstant(imported.module, imported.name);
      // `return torch.optim.Adam` in a factory: a library's class as a value, called later.
      const library = /\.[A-Z]\w*$/.test(dotted) ? this.names.libraryValue(dotted, scope) : [];
      if (library.length > 0) return library;
    }
    const own = this.nameValues.instanceAttribute(expr, scope);
    if (own) return own;
    // `jax.value_and_grad(self.loss_fn)`: the method as a value, what a call of it returns (its parameters unknown).
    const ownClass = expr.object.kind === 'name' && isReceiver(expr.object.id) ? classOfReceiver(expr.object, scope) : undefined;
    const method = ownClass ? this.names.methodOfInstance(scope.module.uri, ownClass, expr.attr) : undefined;
    if (method) return substitute(this.summarize(method.ref).returns, { bindings: new Map(), root: true });
    const object = this.evaluate(expr.object, scope, context);
    // `solver.net.total_loss`: what the object's class assigns to the attribute.
    const ofInstances = object.flatMap((tag) => (tag.k === 'instance' ? [this.nameValues.withConstructionFactors(tag.uri, tag.className, expr.attr, this.nameValues.attributeOfClass(tag.uri, tag.className, expr.attr) ?? EMPTY)] : []));
    // `p.grad`: the gradient of a parameter, not the parameter (`torch.norm(p.grad)` is no penalty).
    const field = expr.attr === 'grad' ? selectField(object, expr.attr).filter((tag) => tag.k !== 'weights') : selectField(object, expr.attr);
    return ofInstances.length > 0 ? union(field, ...ofInstances) : field;
  }

  /** A call's keyword values; `**cfg` gives the fields of the records it holds, where no keyword names them. */
  private evaluateKeywords(call: CallExpr, scope: Scope, context?: EvalContext): Map<string, Value> {
    const keywords = new Map<string, Value>();
    for (const keyword of call.keywords) {
      const value = this.evaluate(keyword.value, scope, context);
      if (keyword.name !== SPLAT) {
        keywords.set(keyword.name, value);
        continue;
      }
      const popped = keyword.value.kind === 'name' ? scope.poppedKeys(keyword.value.id) : undefined;
      for (const tag of value) {
        if (tag.k !== 'fields') continue;
        for (const [name, field] of tag.fields) if (!popped?.has(name) && !call.keywords.some((given) => given.name === name)) keywords.set(name, union(keywords.get(name) ?? EMPTY, field));
      }
    }
    return keywords;
  }

  /** `element`: only this item of the tuple a workspace function returns is wanted (`total, xent = loss()`). */
  private evaluateCall(call: CallExpr, scope: Scope, context?: EvalContext, element?: TupleItem): Value {
    for (const framework of this.frameworks) {
      const wrapped = framework.unwrap?.(call, scope, this);
      if (wrapped) return this.evaluateCall(wrapped, scope, context, element);
    }
    const callee = call.callee;
    const partial = callee.kind === 'name' && !this.partialsExpanding.has(callee.id) ? this.names.partialApplication(callee.id, scope) : undefined;
    if (callee.kind === 'name' && partial) {
      // `make_opt = functools.partial(torch.optim.SGD, lr=0.1, weight_decay=5e-4)` ... `make_opt(params)`: the call it completes.
      // A partial of a partial of itself expands once: each level would copy a longer argument list.
      const [fn, ...bound] = partial.args;
      const keywords = [...partial.keywords.filter((keyword) => !call.keywords.some((given) => given.name === keyword.name)), ...call.keywords];
      this.partialsExpanding.add(callee.id);
      try {
        return this.evaluateCall({ kind: 'call', callee: fn, args: [...bound, ...call.args], keywords, range: call.range }, scope, context, element);
      } finally {
        this.partialsExpanding.delete(callee.id);
      }
    }
    const dotted = dottedName(callee);
    const resolved: Callee = dotted ? this.resolveCallee(dotted, scope) : { kind: 'value' };
    if (resolved.kind === 'value' && callee.kind === 'attr') return this.evaluateMethodCall(call, callee, scope, context, element);
    const effectsFrom = context?.effects.length;
    const args = call.args.map((arg) => this.evaluate(arg, scope, context));
    const keywords = this.evaluateKeywords(call, scope, context);
    const at = site(scope, call.range);
    if (context && dotted) for (const framework of this.frameworks) framework.observeCall?.(call, dotted, scope, context, this);
    if ((resolved.kind === 'function' || resolved.kind === 'irrelevant') && resolved.constructs) {
      // An instance: what `__init__` gives, and the class's attributes as this call sets them (dataclasses).
      const built = resolved.kind === 'function' ? this.instantiateCall(resolved.ref, call, resolved.self ? [resolved.self, ...args] : args, keywords, scope, context, element) : EMPTY;
      const { module, className } = resolved.constructs;
      // `config = AttrDict(CONFIG)` with `class AttrDict(dict)`: the mapping it is made from, read by attribute.
      const mapping = (module.classBases.get(className) ?? []).some((base) => base === 'dict') ? (args[0] ?? EMPTY).filter((tag) => tag.k === 'fields') : EMPTY;
      return union(built, this.nameValues.classRecord(module, className, keywords), this.nameValues.constructedRecord(module, className), mapping, [{ k: 'instance', uri: module.uri, className }]);
    }
    if ((resolved.kind === 'external' || resolved.kind === 'irrelevant') && dotted) {
      const named: NamedCall = { host: this, call, args, keywords, scope, context, at, element, dotted, qualified: this.qualify(dotted, scope.module), kind: resolved.kind };
      if (copyFunctions.has(named.qualified) && args.length === 1) return args[0];
      for (const framework of this.frameworks) {
        const value = framework.namedCall?.(named);
        if (value) return value;
      }
      // `dict(lr=0.1, weight_decay=5e-4)`: a record.
      if (resolved.kind === 'irrelevant' && dotted === 'dict' && keywords.size > 0 && call.args.length === 0) {
        const sites = new Map(call.keywords.flatMap((keyword) => (keyword.name === SPLAT ? [] : [[keyword.name, site(scope, keyword.range)] as const])));
        return unionOf([...keywords.values(), [{ k: 'fields', fields: keywords, sites }]]);
      }
      if (resolved.kind === 'irrelevant' && dotted === 'getattr') return this.names.membersByName(call.args[0], args[1], scope);
      // `options = vars(parser.parse_args())`: the same record, as a dict; `list(losses.values())`: the same items.
      // `dict(cfg)`: a copy of the mapping.
      if (resolved.kind === 'irrelevant' && (sameItems.has(dotted) || dotted === 'dict') && args.length === 1 && keywords.size === 0) return args[0];
    }
    switch (resolved.kind) {
      case 'library':
        return resolved.framework.call?.({ host: this, member: resolved.member, call, args, keywords, scope, context, at, element, effectsFrom }) ?? asData(unionOf([...args, ...keywords.values()]));
      case 'function': {
        // `dict2namespace(config)`: the same record, its fields set one by one on a namespace.
        const copied = resolved.self ? undefined : recordCopied(resolved.ref.fn);
        if (copied !== undefined && args[copied]?.some((tag) => tag.k === 'fields')) return args[copied];
        this.addScopedKeywords(resolved.ref.key, call, keywords, scope, context);
        return this.instantiateCall(resolved.ref, call, resolved.self ? [resolved.self, ...args] : args, keywords, scope, context, element);
      }
      case 'sum': {
        // `sum(p.pow(2).sum() for p in model.parameters())`: a penalty on that module's weights; over
        // a helper's parameter (`for t in tensors`), on what the caller passes for it.
        const owner = call.args[0] ? (parametersOwner(call.args[0], scope) ?? iteratedParameter(call.args[0], scope)) : undefined;
        const summed = toSum(args[0] ?? EMPTY, at, context);
        return owner ? summed.map((tag) => (tag.k === 'l2' ? { ...tag, parametersOf: owner } : tag)) : summed;
      }
      case 'unseen':
        return union([{ k: 'opaque' }], ...args, ...keywords.values());
      case 'external':
        // A module of the user's own package the workspace lacks, handed a built model: it may read the model's losses.
        if (resolved.ownPackage && this.names.handsOverBuiltObject(call, scope)) return union([{ k: 'opaque' }], ...args, ...keywords.values());
        return asData(unionOf([...args, ...keywords.values()]));
      case 'value': {
        const value = this.evaluate(callee, scope, context);
        // `training(features, args.weight_decay)` with `training, loss = Optimizer(model, lr)`: the step the factory returned, run.
        const closures = this.callClosures(value, call, args, keywords, scope, context, element);
        if (closures) return closures;
        // `loss_fn(labels, logits)` with a Keras loss object: a data loss, whatever the arguments.
        if (value.length > 0 && value.every((tag) => tag.k === 'dataLoss')) return EMPTY;
        // `optimizer_class = getattr(optim, cfg['type'])` ... `optimizer_class(params, ...)`: the member, called.
        const members = this.callMembers(value.some((tag) => tag.k === 'member') ? value : this.handedInClass(call, () => value), call, args, keywords, scope, context, element);
        if (members) return members;
        // A model applied to a batch, a loss object: data from data, unless a value it was given reads
        // a collection. A regularizer applied to a variable (`l2_regularizer(scale)(w)`) is a decay term.
        return union(callOf(value), asData(unionOf([...args, ...keywords.values()])), this.callObject(value, call, args, keywords, scope, context, element));
      }
      case 'irrelevant':
        return EMPTY;
    }
  }

  /** `with arg_scope([L.conv], wd=wd): L.conv(...)` on a workspace function: the scope's keywords the call leaves out. */
  private addScopedKeywords(key: string, call: CallExpr, keywords: Map<string, Value>, scope: Scope, context: EvalContext | undefined): void {
    for (const argScope of context?.enclosing?.argScopes ?? []) {
      if (!argScope.functions.has(key)) continue;
      for (const keyword of argScope.keywords) {
        if (keyword.name !== SPLAT && !keywords.has(keyword.name) && !call.keywords.some((given) => given.name === keyword.name)) keywords.set(keyword.name, this.evaluate(keyword.value, scope));
      }
    }
  }

  /**
   * A class the caller hands in (`opt_cls(params, lr=lr)` with `opt_cls` a parameter, `self.optimizer_cls(...)`
   * read from the instance): the framework member it is shaped like, looked up by the class the call binds.
   */
  private handedInClass(call: CallExpr, callee: () => Value): Value {
    for (const framework of this.frameworks) {
      const member = framework.handedInClass?.(call);
      if (!member) continue;
      const given = callee().filter((tag) => tag.k === 'param' && !tag.derived);
      return given.length > 0 ? [{ k: 'member', framework: framework.name, member, byName: given }] : EMPTY;
    }
    return EMPTY;
  }

  /** A call of nested functions held as a value (a factory's returned step): each run with its free variables; undefined when the value holds none. */
  private callClosures(value: Value, call: CallExpr, args: Value[], keywords: Map<string, Value>, scope: Scope, context: EvalContext | undefined, element: TupleItem | undefined): Value | undefined {
    const closures = value.flatMap((tag) => (tag.k === 'closure' ? [tag] : []));
    if (closures.length === 0) return undefined;
    return unionOf(closures.map((closure) => this.instantiateCall(closure.ref, call, args, keywords, scope, context, element, undefined, closure.enclosing)));
  }

  /** A call of a library class or function held as a value (`optimizer_class(params, ...)`): what its framework makes of it; undefined when the value holds none. */
  private callMembers(value: Value, call: CallExpr, args: Value[], keywords: Map<string, Value>, scope: Scope, context: EvalContext | undefined, element: TupleItem | undefined): Value | undefined {
    const members = value.flatMap((tag) => (tag.k === 'member' ? [tag] : []));
    if (members.length === 0) return undefined;
    const at = site(scope, call.range);
    return unionOf(
      members.map(({ framework, member, byName, chosenBy }) => {
        const from = context?.effects.length ?? 0;
        const called = this.frameworks.find((candidate) => candidate.name === framework)?.call?.({ host: this, member, byName, call, args, keywords, scope, context, at, element }) ?? EMPTY;
        if (chosenBy && context) chooseOptimizers(context.effects, from, chosenBy);
        return called;
      }),
    );
  }

  private evaluateMethodCall(call: CallExpr, callee: Expr & { kind: 'attr' }, scope: Scope, context?: EvalContext, element?: TupleItem): Value {
    // `super().__init__(...)`: called on the method's own instance.
    const superSelf = callee.object.kind === 'call' && callee.object.callee.kind === 'name' && callee.object.callee.id === 'super' ? scope.fn?.params[0] : undefined;
    const receiver = this.evaluate(superSelf ? { kind: 'name', id: superSelf.name, range: callee.object.range } : callee.object, scope, context);
    const effectsFrom = context?.effects.length;
    const args = call.args.map((arg) => this.evaluate(arg, scope, context));
    const keywords = this.evaluateKeywords(call, scope, context);
    const method = this.names.userMethod(callee, scope) ?? this.instanceMethod(receiver, callee.attr);
    if (method) return this.instantiateCall(method.ref, call, method.self ? [receiver, ...args] : args, keywords, scope, context, element);
    // `super().__init__(params, weight_decay=wd)` in a subclass of a library class (`torch.optim.Adam`,
    // a Keras layer): that class built with these arguments, here.
    const libraryBase = superSelf && callee.attr === '__init__' ? this.libraryBaseOf(scope) : undefined;
    if (libraryBase) return this.evaluate({ kind: 'call', callee: dottedExpr(libraryBase, callee.range), args: call.args, keywords: call.keywords, range: call.range }, scope, context);
    // `self.reg(model)` with `self.reg = Regularization(...)`: the object's `__call__`. What the
    // class assigns to the attribute, read without evaluating the receiver again.
    const object = this.nameValues.instanceAttribute(callee, scope) ?? unionOf(receiver.flatMap((tag) => (tag.k === 'instance' ? [this.nameValues.attributeOfClass(tag.uri, tag.className, callee.attr) ?? EMPTY] : [])));
    const closures = this.callClosures(object, call, args, keywords, scope, context, element);
    if (closures) return closures;
    // `self.optim(self.parameters(), **self.optim_params)` with `self.optim = optim_` (default `optim.Adam`): the member, called.
    const members = this.callMembers(object.length > 0 ? object : this.handedInClass(call, () => this.evaluateAttribute(callee, scope)), call, args, keywords, scope, context, element);
    if (members) return members;
    if (object.some((tag) => tag.k === 'instance')) {
      const called = this.callObject(object, call, args, keywords, scope, context, element);
      if (called.length > 0) return union(called, asData(unionOf([...args, ...keywords.values()])));
    }
    // `cfg.get('weight_decay', 1e-4)` on a record: the field, or the default when the record lacks it.
    // On a parameter, the field the caller's record gives (`cfg.get('weight_decay', 0.0)` in a helper).
    // `cfg.pop('type')` reads the field the same way (the record keeps it: it is read flow-insensitively).
    if ((callee.attr === 'get' || callee.attr === 'pop') && call.args[0]?.kind === 'str' && receiver.some((tag) => tag.k === 'fields' || tag.k === 'param')) {
      const key = call.args[0].value;
      const orElse = args[1] ?? [{ k: 'none' }];
      if (!receiver.some((tag) => tag.k === 'fields')) return selectField(receiver, key).map((tag) => (tag.k === 'param' ? { ...tag, orElse } : tag));
      return union(selectField(receiver, key), lacksField(receiver, key) ? orElse : EMPTY);
    }
    // `cfg.name.lower()` on a known name: that name, lower-cased (what a branch then compares).
    const casing = call.args.length === 0 ? stringCasing.get(callee.attr) : undefined;
    if (casing && receiver.length > 0 && receiver.every((tag) => tag.k === 'str' || tag.k === 'configurable')) return receiver.map((tag) => (tag.k === 'str' ? { ...tag, value: casing(tag.value) } : tag));
    // `total.item()`, `reg.detach()`: a number, or a tensor no gradient flows back through: no penalty trains through it.
    // `p.detach()`: no longer the trainable parameter either (a norm of it is bookkeeping, no penalty).
    if (detachingMethods.has(callee.attr) && call.args.length === 0) return receiver.filter((tag) => !penaltyParts.has(tag.k) && tag.k !== 'weights');
    const methodCall: MethodCall = { host: this, method: callee.attr, call, callee, receiver, args, keywords, scope, context, at: site(scope, call.range), element, script: isScriptPath(scope.module.filePath), effectsFrom };
    for (const framework of this.frameworks) {
      const value = framework.methodCall?.(methodCall);
      if (value) return value;
    }
    const value = unionOf([receiver, ...args, ...keywords.values()]);
    // `model.get(images, ...)` of a workspace class's `get` is no `dict.get(key)`: the method below runs.
    if (passThroughMethods.has(callee.attr) && !(callee.attr === 'get' && call.args[0]?.kind !== 'str' && this.cache.methodDefinitionCount('get') > 0)) return value;
    // An object handed in (an argument, stored or not) may be of any workspace class; a library
    // object (`Dense(10).build(...)`) is not, whatever names the workspace's methods share with it.
    const handedIn = receiver.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived));
    if (handedIn && this.cache.methodDefinitionCount(callee.attr) > 0) {
      const only = this.names.onlyWorkspaceMethod(callee.attr);
      if (only) return this.instantiateCall(only.ref, call, only.self ? [receiver, ...args] : args, keywords, scope, context, element);
      return union(value, [{ k: 'opaque' }]);
    }
    // A method of this module's classes called on an object not tracked: anything.
    if (methodNames(scope.module).has(callee.attr)) return union(value, [{ k: 'opaque' }]);
    return asData(value);
  }

  /**
   * Calling an object of a workspace class (handed in: of the one class defining it) runs its `__call__`
   * or `forward`: the decay terms and collection reads it returns. The rest stays data, as for a model
   * applied to a batch: an unresolved call inside it silences nothing, a shape constant is no factor.
   */
  private callObject(object: Value, call: CallExpr, args: Value[], keywords: Map<string, Value>, scope: Scope, context?: EvalContext, element?: TupleItem): Value {
    // A parameter defaulting to a function (`act=tf.nn.relu`, `conv=default_conv`) is an option the
    // caller may pass another function for, not a model handed in (`model=None` may be one).
    const callee = call.callee;
    const option = callee.kind === 'name' && scope.fn?.params.some((param) => param.name === callee.id && (param.defaultValue?.kind === 'name' || param.defaultValue?.kind === 'attr' || param.defaultValue?.kind === 'lambda')) === true;
    const ofHandedIn = (name: string) => (!option && object.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived)) ? this.names.onlyWorkspaceMethod(name) : undefined);
    const method = this.instanceMethod(object, '__call__') ?? this.instanceMethod(object, 'forward') ?? ofHandedIn('__call__') ?? ofHandedIn('forward');
    if (!method) return EMPTY;
    const self = object.filter((tag) => tag.k === 'instance');
    // `model(x, y)` runs `forward` on `model`: its `self` is named so (the optimizer's `model.parameters()`).
    const returned = this.instantiateCall(method.ref, call, method.self ? [self, ...args] : args, keywords, scope, context, element, method.self ? dottedName(call.callee) : undefined);
    return decayParts(returned);
  }

  /** `build_optimizer(model.parameters(), ...)`: whether a helper's parameter is given every parameter of a module. */
  private allParametersAt(fn: FunctionDef, call: CallExpr, receivers: number, param: string, ofModule: boolean, scope: Scope): { site: Site } | { param: string } | false | undefined {
    const expr = argumentExpr(fn, call, fn.params.findIndex((candidate) => candidate.name === param), receivers);
    if (!expr) return undefined;
    if (expr.kind === 'name' && isPassedParameter(expr.id, scope) && !isReceiver(expr.id)) return { param: expr.id };
    // `SGD(model.parameters(), ...)` in the helper: the argument's own `.parameters()`.
    const params: Expr = ofModule ? { kind: 'call', callee: { kind: 'attr', object: expr, attr: 'parameters', range: expr.range }, args: [], keywords: [], range: expr.range } : expr;
    return this.frameworks.some((framework) => framework.holdsAllParameters?.(params, scope, this)) && { site: site(scope, expr.range) };
  }

  /** `build_optimizer(model, args)`: the normalization weight names of the module a helper's parameter is given (or whose named parameters). */
  private normNamesAt(fn: FunctionDef, call: CallExpr, receivers: number, param: string, ofModule: boolean, scope: Scope): string[] | { param: string } | undefined {
    const expr = argumentExpr(fn, call, fn.params.findIndex((candidate) => candidate.name === param), receivers);
    if (!expr) return undefined;
    if (expr.kind === 'name' && isPassedParameter(expr.id, scope) && !isReceiver(expr.id)) return { param: expr.id };
    for (const framework of this.frameworks) {
      const names = framework.handedNormNames?.(this, expr, ofModule, scope);
      if (names) return names;
    }
    return undefined;
  }

  /**
   * The module each parameter's penalty is on, where the argument's name does not say:
   * - `kl_loss(mu, logvar)` with `mu` what a model outputs (`= model(x)`), or `vae_loss(x,
   *   model(x))`: a square of it penalizes data (a VAE's KL term), no module's parameters;
   * - `reg(get_weight(net), wd)`, `reg(self.weight_list, wd)`: a list of one module's parameters
   *   (its `weights`), that module;
   * - `kl(mu, logvar)` after `recon, mu, logvar = prediction`: the parameter it is a part of.
   */
  private refineOwners(owners: Map<string, string | undefined> | undefined, fn: FunctionDef, call: CallExpr, receivers: number, bindings: ReadonlyMap<string, Value>, scope: Scope): Map<string, string | undefined> | undefined {
    const refined: [string, string | undefined][] = [];
    fn.params.forEach((param, index) => {
      const bound = bindings.get(param.name);
      if (param.rest || !bound) return;
      const given = argumentExpr(fn, call, index, receivers);
      if (given && this.modelOutput(given, scope)) {
        refined.push([param.name, undefined]);
        return;
      }
      // A list of parameters (`get_weight(net)`, `self.weight_list`) names its module by what it holds.
      const modules = new Set(bound.flatMap((tag) => (tag.k === 'weights' ? [tag.of] : [])));
      if (modules.size === 1) refined.push([param.name, [...modules][0]]);
      // A part of this function's own parameter (`recon, mu, logvar = prediction`, `w1, b1 = params`): that parameter, which its callers name.
      else if (given?.kind === 'name') {
        const whole = partOfParameter(given.id, scope);
        if (whole) refined.push([param.name, whole]);
      }
    });
    return refined.length === 0 ? owners : new Map([...(owners ?? []), ...refined]);
  }

  /**
   * What a model returns when applied (`model(x)`, `encoder.apply(x)`), or a local every assignment
   * of which is that or an item of it (`recon, mu, logvar = model(x)`).
   */
  private modelOutput(given: Expr, scope: Scope): boolean {
    const assigned = given.kind !== 'name' ? [given] : scope.params.has(given.id) ? undefined : scope.assigns.get(given.id);
    const output = (expr: Expr) => {
      const applied = expr.kind === 'element' ? expr.of : expr;
      if (applied.kind !== 'call') return false;
      const callee = applied.callee;
      // `this.encoder.apply([xs, ys])`, `model.predict(x)`: a model applied, in any framework.
      if (callee.kind === 'attr' && MODEL_APPLICATIONS.has(callee.attr)) return true;
      // A variable or an attribute holding the object (`model`, `self.vae`), not a function or method returning one.
      const object = callee.kind === 'name' && scope.isVariable(callee.id) ? this.evaluate(callee, scope) : callee.kind === 'attr' ? this.nameValues.instanceAttribute(callee, scope) : undefined;
      return object?.some((tag) => tag.k === 'instance') === true;
    };
    return assigned !== undefined && assigned.length > 0 && assigned.every(output);
  }

  /**
   * The one base class of the method's class, when it is a library's (`torch.optim.Adam`) and the
   * class keeps its update: not an optimizer whose own `step` replaces the library's (a decoupled Adam, LARS).
   */
  private libraryBaseOf(scope: Scope): string | undefined {
    const name = scope.fn?.name;
    const dot = name?.lastIndexOf('.') ?? -1;
    const className = dot > 0 ? name!.slice(0, dot) : undefined;
    const bases = className ? scope.module.classBases.get(className) : undefined;
    if (bases?.length !== 1) return undefined;
    const step = scope.module.methods.find((method) => method.name === `${className}.step`);
    const callsLibraryStep = (fn: FunctionDef) =>
      [...walkExpressions([...walkStatements(fn.body)].flatMap(readExpressions))].some((expr) => expr.kind === 'call' && expr.callee.kind === 'attr' && expr.callee.attr === 'step' && expr.callee.object.kind === 'call' && dottedName(expr.callee.object.callee) === 'super');
    if (step && !callsLibraryStep(step)) return undefined;
    return this.names.resolveCallee(bases[0], this.moduleScope(scope.module)).kind === 'library' ? bases[0] : undefined;
  }

  /** The method of the one workspace class the receiver is an object of. */
  private instanceMethod(receiver: Value, name: string) {
    const classes = new Set(receiver.flatMap((tag) => (tag.k === 'instance' ? [`${tag.uri}#${tag.className}`] : [])));
    const only = classes.size === 1 ? receiver.find((tag) => tag.k === 'instance') : undefined;
    return only?.k === 'instance' ? this.names.methodOfInstance(only.uri, only.className, name) : undefined;
  }

  instantiateCall(ref: FunctionRef, call: CallExpr, args: Value[], keywords: Map<string, Value>, scope: Scope, context?: EvalContext, element?: TupleItem, selfName?: string, enclosing?: ReadonlyMap<string, Value>): Value {
    this.cache.frame.calls.add(ref.key);
    const summary = this.summarize(ref);
    const own = bindArguments(ref.fn, call, args, keywords, (expr) => this.evaluate(expr, this.moduleScope(ref.module)), (expr) => this.nameValues.sequenceLength(expr, scope), scope);
    // A closure's free variables: what the call of its defining function passed (its own parameters shadow them).
    const bindings = enclosing ? new Map([...enclosing, ...own]) : own;
    const built = builtModel(call, summary.effects, scope, context);
    const receivers = args.length - call.args.length;
    const instance: Instantiation = {
      bindings,
      variable: variableOfCall(call, ref, scope, context),
      root: false,
      owners: this.refineOwners(argumentNames(ref.fn, call, receivers, selfName ?? this.soleObject(ref, call, summary.effects, context)), ref.fn, call, receivers, bindings, scope),
      model: built?.model,
      objectOf: argumentObjects(ref.fn, call, receivers, scope),
      allParametersAt: (param, ofModule) => this.allParametersAt(ref.fn, call, receivers, param, ofModule, scope),
      normNamesAt: (param, ofModule) => this.normNamesAt(ref.fn, call, receivers, param, ofModule, scope),
    };
    if (context) {
      if (built && built.parts.length > 0) context.effects.push(built);
      const weight = instance.variable && variableLayer(instance.variable);
      if (weight) context.effects.push(weight);
      for (const effect of summary.effects) {
        const concrete = this.instantiate(effect, instance);
        if (concrete) context.effects.push(context.guard && concrete.k === 'write' && !concrete.guard ? { ...concrete, guard: context.guard } : concrete);
      }
      // `with slim.arg_scope([slim.conv2d], weights_regularizer=R): net = block(x)`: the scope
      // reaches the layers `block` calls. Those it does not reach wait for a caller's scope.
      for (const layer of summary.layerCalls) {
        const inherited = (context.enclosing?.argScopes ?? [])
          .flatMap((argScope) => (argScope.functions.has(layer.member) ? argScope.keywords : []))
          .filter((keyword) => !layer.given.includes(keyword.name));
        if (!this.frameworks.some((framework) => framework.applyArgScope?.(layer, inherited, scope, context, this))) this.addLayerCall(layer);
      }
    }
    const caller = this.bodyPenalties[this.bodyPenalties.length - 1];
    if (caller && summary.returnedPenalties) for (const penalty of summary.returnedPenalties) caller.handOver(penalty, call.range);
    const items = element && summary.returnItems && (element.count ?? summary.returnItems.length) === summary.returnItems.length ? summary.returnItems.at(element.index) : undefined;
    return substitute(items ?? summary.returns, instance);
  }

  /** Effects of a function that no resolved call reaches: parameters are unknown, helper-gated decay is off. */
  rootEffects(summary: Summary): Effect[] {
    const instance: Instantiation = { bindings: new Map(), root: true };
    return summary.effects.flatMap((effect) => this.instantiate(effect, instance) ?? []);
  }

  private instantiate(effect: Effect, instance: Instantiation): Effect | undefined {
    return instantiateEffect(effect, instance, (helperCall) => this.cache.frame.helperCalls.push(helperCall));
  }

  // The host side of the frameworks' interface.

  resolveCallee(dotted: string, scope: Scope): Callee {
    return this.names.resolveCallee(dotted, scope);
  }

  qualify(dotted: string, module: ModuleInfo): string {
    return this.names.qualify(dotted, module);
  }

  onlyAssignment(name: string, scope: Scope): Expr | undefined {
    return this.names.onlyAssignment(name, scope);
  }

  /** `trainer = Trainer(model)`, the class's only construction: `trainer` is its `self`. */
  private soleObject(ref: FunctionRef, call: CallExpr, effects: readonly Effect[], context?: EvalContext): string | undefined {
    // Only an optimizer the constructor builds on its own modules is named by it (looking the
    // constructions up walks every module).
    if (!effects.some((effect) => effect.k === 'optimizer' && effect.tag.weightDecay?.parametersOf?.startsWith('self.'))) return undefined;
    const into = constructedInto(ref.fn, call, context);
    return into && this.nameValues.constructedOnce(ref.module, classOfMethod(ref.fn)) ? into : undefined;
  }

  constructorOf(instance: InstanceTag): FunctionRef | undefined {
    return this.names.methodOfInstance(instance.uri, instance.className, '__init__')?.ref;
  }

  importedModule(target: ImportTarget, importer: ModuleInfo): ModuleInfo | undefined {
    return this.names.resolveImport(target, importer)?.module;
  }

  /** An attribute a framework sets on `self` where the code assigns none (framework.ts `implicitAttribute`), as its one assignment. */
  implicitAttribute(module: ModuleInfo, className: string, attr: string): { value: Expr; method: FunctionDef }[] | undefined {
    for (const framework of this.frameworks) {
      const implicit = framework.implicitAttribute?.(module, className, attr);
      if (implicit) return [implicit];
    }
    return undefined;
  }

  modulesDefiningFlags(): readonly ModuleInfo[] {
    this.cache.dependOnFlagDefinitions();
    this.flags ??= [...this.cache.runModules.values()].filter((module) => moduleOptions(module).flags.size > 0);
    return this.flags;
  }

  addLayerCall(layer: LayerCall): void {
    this.cache.addLayerCall(layer);
  }
}

/**
 * `OPTIMIZERS[name]` with `OPTIMIZERS = {'sgd': torch.optim.SGD, 'adam': torch.optim.Adam}` and
 * `name` a parameter (or a field of one): each class, built only for the calls passing its key.
 */
function classChosenByKey(object: Value, key: Value): Value | undefined {
  const param = key.length === 1 && key[0].k === 'param' && (!key[0].derived || key[0].path) ? key[0] : undefined;
  if (!param) return undefined;
  const records = object.filter((tag): tag is Tag & { k: 'fields' } => tag.k === 'fields');
  const entries = records.flatMap((record) => [...record.fields].flatMap(([name, value]) => value.flatMap((tag) => (tag.k === 'member' ? [{ name, tag }] : []))));
  if (entries.length === 0) return undefined;
  return entries.map(({ name, tag }) => ({ ...tag, chosenBy: { param: param.name, ...(param.path ? { path: param.path } : {}), values: [name] } }));
}
