// Flow-insensitive abstract evaluation of Python over the IR. Each function gets a summary (its
// return value and effects, in terms of its parameters); a call instantiates the callee's summary
// with the argument values. Recursion and cycles resolve to "nothing known".
import { discardedKey, helperCallKey, siteKey } from './decayFlow';
import type { DiscardedTerm, Effect, HelperCall } from './effects';
import type { Range } from './findings';
import { childExprs, dottedName, keywordIs, SPLAT, walkStatements, type Expr, type FunctionDef, type Keyword, type ParamGuard, type Stmt } from './ir';
import { disablesGuard, isStoredArgument, storedArgument, substitute, substituteKey, substituteOptimizer, type Instantiation } from './instantiation';
import { targetNames, type ImportTarget, type ModuleInfo } from './moduleInfo';
import { groupDecays, isAllParameters, parametersOwner } from './parameterGroups';
import { isCollectedByMutation, penaltyOutcomes, type Penalty } from './penalties';
import { returnedLossOf } from './returnedLosses';
import { Scope } from './scope';
import { decaysUnscaled, graphKeys, KERAS_ADAMW_DEFAULT_DECAY, KERAS_DEFAULT_L2, KERAS_LOSSES, knownLibraries, optimizerKind, optimizerNames, passesThrough, regularizerKeywords, tensorflowMember, tfRole } from './tensorflowApi';
import { TORCH_ADAMW_DEFAULT_DECAY, torchMember, torchOptimizerKind, torchPassesThrough, torchRole } from './torchApi';
import { isScriptPath } from './sourceLanguage';
import { evaluateTfjsCall, evaluateTfjsMethod, scriptGlobals, tfjsBuildsDecayTerm, tfjsMemberOf, tfjsMethodBuildsDecayTerm, tfjsRegularizerKeywords } from './tfjsApi';
import { evaluateOptaxCall, optaxMember } from './optaxApi';
import { isArgScope, layerOwner, layerRegularizerAttributes, mayRebuildModel, rebuildsModel, rebuiltModelName, type ArgScope, type LoopBinding } from './kerasLayers';
import { multiply, normOf, squareOf, sumOf } from './valueArithmetic';
import { isFlagsObject, moduleOptions, optionsSignature, type Options } from './commandLineOptions';
import { asData, callOf, deriveParams, EMPTY, factorOf, isDisabled, isNone, isZeroDecay, keyOf, knownValue, selectField, union, unionOf, widthOf, type DecayTerm, type Factor, type OptimizerDecay, type OptimizerTag, type Site, type Tag, type Value } from './values';

export interface FunctionRef {
  key: string;
  module: ModuleInfo;
  fn: FunctionDef;
  /** The enclosing function's scope, for nested functions. */
  parent?: Scope;
}

/** Finds the module an import points to, across the workspace. */
export interface ModuleResolver {
  resolve(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined;
}

export interface Summary {
  returns: Value;
  /** When every `return` gives a tuple of the same length: each item's value (`return total, xent`). */
  returnItems?: Value[];
  /** Penalties that reach only the return value: the caller's use of it decides (see penaltyOutcomes). */
  returnedPenalties?: Penalty[];
  effects: Effect[];
  /** Found while evaluating this body (nested functions included, other callees not). */
  calls: ReadonlySet<string>;
  helperCalls: HelperCall[];
  discarded: DiscardedTerm[];
  /** Layer calls here or in callees that a caller's `slim.arg_scope` may still give a regularizer. */
  layerCalls: LayerCall[];
}

/**
 * A TensorFlow layer call (`slim.conv2d(...)`) without a regularizer of its own: `arg_scope`
 * defaults apply to it wherever the scope is entered, in this function or in one that calls it.
 */
interface LayerCall {
  member: string;
  site: Site;
  /** The name it is assigned to (`net = slim.conv2d(...)`), for describing the decayed variable. */
  name?: string;
  nameSite?: Site;
  /** Keywords it has already (written, or from an arg_scope around it): a default does not replace them. */
  given: readonly string[];
}

/** A summary's helper call and discarded term keys, index for index (summaries do not change once made). */
const keyedFacts = new WeakMap<Summary, { helperCallKeys: string[]; discardedKeys: string[] }>();

function keyedFactsOf(summary: Summary): { helperCallKeys: string[]; discardedKeys: string[] } {
  let keyed = keyedFacts.get(summary);
  if (!keyed) {
    keyed = { helperCallKeys: summary.helperCalls.map(helperCallKey), discardedKeys: summary.discarded.map(discardedKey) };
    keyedFacts.set(summary, keyed);
  }
  return keyed;
}

/** Stands for a summary still being computed (recursion): nothing known, never cached. */
/** The pseudo-module whose generation is that of all flag definitions (see generationOf). */
const FLAGS_DEFINITIONS = '#flag-definitions';
/** The pseudo-module whose generation is that of the workspace's method names. */
const METHOD_NAMES = '#method-names';

/** What a recursive call sees: nothing. */
const RECURSION: Summary = { returns: EMPTY, effects: [], calls: new Set(), helperCalls: [], discarded: [], layerCalls: [] };

type Callee =
  | { kind: 'tf'; member: string }
  | { kind: 'torch'; member: string }
  | { kind: 'optax'; member: string }
  | { kind: 'tfjs'; member: string }
  /** `self`: the instance a method is called on (`Net(...)` runs `Net.__init__`, `self.step(x)` a method of the class). */
  | { kind: 'function'; ref: FunctionRef; self?: Value; constructs?: ClassRef }
  | { kind: 'sum' }
  /** Its result cannot hold decay terms, collection reads or optimizers (`constructs`: an instance of a class without `__init__`). */
  | { kind: 'irrelevant'; constructs?: ClassRef }
  /** A function of a package the workspace does not hold (closed world: it reads none of the user's collections). */
  | { kind: 'external'; name: string }
  /** Workspace code the analysis cannot follow (a module-level object's method, an unresolved star import): anything. */
  | { kind: 'unseen'; name: string }
  | { kind: 'value' };

interface ClassRef {
  module: ModuleInfo;
  className: string;
}

type LibraryCallee = Callee & { kind: 'tf' | 'torch' | 'optax' };

/** The statement being evaluated: where its effects go, its guard, what it assigns to. */
interface EvalContext {
  effects: Effect[];
  guard?: ParamGuard;
  assigned?: { call: Expr; targets: Expr[] };
  /** The statement being evaluated (quick fixes insert before it). */
  statement?: Range;
  enclosing?: Enclosing;
}

/** The `for` loops and slim `arg_scope`s around a statement, innermost last. */
interface Enclosing {
  loops: readonly LoopBinding[];
  argScopes: readonly ArgScope[];
}

/** Item `index` of a tuple of `count` items. */
interface TupleItem {
  index: number;
  count: number;
}

type Visit = (stmts: readonly Stmt[], guard: ParamGuard | undefined, enclosing?: Enclosing) => void;

/** Tensor methods whose result is the tensor itself, reduced or moved (`loss.mean()`, `loss.to(device)`). */
const passThroughMethods = new Set(['mean', 'sum', 'float', 'double', 'half', 'to', 'cuda', 'cpu', 'squeeze', 'reshape', 'view', 'clone', 'contiguous', 'get', 'item', 'detach', 'copy']);
const trainableAttributes = new Set(['trainable_variables', 'trainable_weights', 'variables', 'weights']);
const weightRegularizerKeywords = new Set(['regularizer']);
const graphCollectionMethods = new Set(['add_to_collection', 'add_to_collections', 'get_collection', 'get_collection_ref']);
const pythonBuiltins = new Set([
  'True', 'False', 'None', 'print', 'len', 'range', 'int', 'float', 'str', 'bool', 'list', 'dict', 'tuple', 'set', 'frozenset',
  'min', 'max', 'abs', 'round', 'zip', 'enumerate', 'map', 'filter', 'sorted', 'reversed', 'isinstance', 'issubclass',
  'getattr', 'setattr', 'hasattr', 'open', 'super', 'object', 'type', 'id', 'repr', 'format', 'iter', 'next', 'any', 'all',
  'Exception', 'ValueError', 'TypeError', 'KeyError', 'RuntimeError', 'NotImplementedError', '__name__', '__file__',
]);

/** What one body's evaluation found, besides its summary: the parts analyses aggregate. */
interface Frame {
  calls: Set<string>;
  helperCalls: HelperCall[];
  discarded: DiscardedTerm[];
  /** By site and given keywords: a layer reached along many call paths is one. */
  layerCalls: Map<string, LayerCall>;
  /** Summaries of cacheable callees this body used: if one changes, this body is re-evaluated. */
  callees: Map<string, Summary>;
  /** Modules whose top level or names this body consulted, with their generation. */
  modules: Set<string>;
}

function newFrame(): Frame {
  return { calls: new Set(), helperCalls: [], discarded: [], layerCalls: new Map(), callees: new Map(), modules: new Set() };
}

interface CacheEntry {
  /** The IR this summary was computed from (unchanged statements keep their IR objects). */
  body: readonly Stmt[];
  summary: Summary;
  callees: Map<string, Summary>;
  moduleGenerations: Map<string, number>;
  /** A recursive call saw a stub: always checked, never taken on trust (see stillValid). */
  sawRecursion: boolean;
}

interface ModuleState {
  /** The version of the file this state was taken from: the same object needs no comparison. */
  module: ModuleInfo;
  topLevel: readonly Stmt[];
  names: string;
  generation: number;
}

export class Evaluator {
  /** Summaries of top-level functions, methods and module bodies, kept across analyses. */
  private readonly cache = new Map<string, CacheEntry>();
  private readonly moduleStates = new Map<string, ModuleState>();
  private resolver: ModuleResolver = { resolve: () => undefined };
  private modules = new Map<string, ModuleInfo>();
  private memo = new Map<string, Summary>();
  private inProgress = new Set<string>();
  /** Cache entries whose callees are being checked: a cycle among them must not recurse forever. */
  private validating = new Set<string>();
  private moduleScopes = new Map<string, Scope>();
  private frames: Frame[] = [];
  /** The library member each module's dotted names stand for, this run (the same names recur). */
  private libraryMembers = new Map<string, LibraryCallee | undefined>();
  /** Partials (by name) and config classes being expanded: guards against self-reference. */
  private readonly partialsExpanding = new Set<string>();
  private readonly classRecordsPending = new Set<string>();
  /** The penalty lists of the bodies being summarized, innermost last. */
  private bodyPenalties: Penalty[][] = [];
  /** Values shared by the summaries of this run, with what they consulted (see sharedThisRun). */
  private consulted = new Map<string, { value: Value; modules: Set<string>; callees: Map<string, Summary> }>();
  private instanceAttributesPending = new Set<string>();
  /** The workspace-wide facts (pseudo-modules, see beginRun) as last seen, with their generations. */
  private readonly workspaceFacts = new Map<string, { signature: string; generation: number }>();
  /** Per method name, how many classes of the workspace define it, this run. */
  private methodDefinitions = new Map<string, number>();
  /** The modules that define absl/TF flags, this run. */
  private flags: ModuleInfo[] | undefined;
  /**
   * Which cache entries consulted a module, and which used a callee's summary (over-approximate:
   * entries that stopped depending stay listed). From the modules an edit changed they give the
   * entries that may be stale; every other entry is valid without a check.
   */
  private readonly moduleDependents = new Map<string, Set<string>>();
  private readonly calleeDependents = new Map<string, Set<string>>();
  private readonly keysOfModule = new Map<string, Set<string>>();
  /** This run's entries that must be checked before reuse. */
  private mayBeStale = new Set<string>();

  /**
   * Starts an analysis of these modules. Summaries from earlier analyses are reused when their
   * IR, the modules they consulted and the callee summaries they used are unchanged.
   */
  beginRun(modules: ModuleInfo[], resolver: ModuleResolver): void {
    const uris = modules.map((module) => module.uri);
    if (uris.length !== this.modules.size || uris.some((uri) => !this.modules.has(uri))) {
      // Import resolution may have changed anywhere.
      this.cache.clear();
      this.moduleDependents.clear();
      this.calleeDependents.clear();
      this.keysOfModule.clear();
    }
    this.modules = new Map(modules.map((module) => [module.uri, module]));
    for (const uri of this.moduleStates.keys()) if (!this.modules.has(uri)) this.moduleStates.delete(uri);
    const changed = modules.filter((module) => this.updateModuleState(module)).map((module) => module.uri);
    // FLAGS reads depend on every module's flag definitions (including modules that had none yet),
    // calls on objects handed in on every class's method names: pseudo-modules with generations.
    this.methodDefinitions = new Map();
    for (const module of modules) for (const method of module.methods) this.methodDefinitions.set(methodName(method), (this.methodDefinitions.get(methodName(method)) ?? 0) + 1);
    const signatures = new Map([
      [FLAGS_DEFINITIONS, JSON.stringify(modules.flatMap((module) => (moduleOptions(module).flags.size > 0 ? [[module.uri, [...moduleOptions(module).flags]]] : [])))],
      [METHOD_NAMES, JSON.stringify([...this.methodDefinitions].sort())],
    ]);
    for (const [pseudoModule, signature] of signatures) {
      const previous = this.workspaceFacts.get(pseudoModule);
      if (previous?.signature === signature) continue;
      this.workspaceFacts.set(pseudoModule, { signature, generation: (previous?.generation ?? 0) + 1 });
      changed.push(pseudoModule);
    }
    this.mayBeStale = this.dependentsOf(changed);
    this.resolver = resolver;
    this.memo = new Map();
    this.inProgress = new Set();
    this.validating = new Set();
    this.moduleScopes = new Map();
    this.frames = [];
    this.libraryMembers = new Map();
    this.flags = undefined;
    this.consulted = new Map();
    this.instanceAttributesPending = new Set();
  }

  /**
   * True for a new version of the file, whether or not its generation changed: `topLevel` leaves
   * out function bodies, whose entries notice the change through their own IR (`body`).
   */
  private updateModuleState(module: ModuleInfo): boolean {
    const previous = this.moduleStates.get(module.uri);
    if (previous?.module === module) return false;
    // Option definitions and class attributes are read by name from anywhere: they count as names.
    const names =
      [...module.functions.keys(), '|', ...module.classes, '|', ...module.methods.map((m) => m.name)].join(',') +
      optionsSignature(module) +
      JSON.stringify([...module.classAttributes].map(([name, attributes]) => [name, [...attributes]])) +
      JSON.stringify([...module.instanceAttributes].map(([name, attributes]) => [name, [...attributes].map(([attribute, list]) => [attribute, list.map((assigned) => assigned.value)])]));
    const same =
      previous &&
      previous.names === names &&
      previous.topLevel.length === module.topLevel.length &&
      previous.topLevel.every((stmt, index) => stmt === module.topLevel[index]);
    if (same) {
      previous.module = module;
      return true;
    }
    this.moduleStates.set(module.uri, { module, topLevel: module.topLevel, names, generation: (previous?.generation ?? 0) + 1 });
    return true;
  }

  /** The cache entries of the changed modules, those that consulted them, and whoever used those, transitively. */
  private dependentsOf(changedModules: readonly string[]): Set<string> {
    const found = new Set<string>();
    const pending: string[] = [];
    const add = (keys: Iterable<string> | undefined) => {
      for (const key of keys ?? []) {
        if (found.has(key)) continue;
        found.add(key);
        pending.push(key);
      }
    };
    for (const uri of changedModules) {
      add(this.keysOfModule.get(uri));
      add(this.moduleDependents.get(uri));
    }
    while (pending.length > 0) add(this.calleeDependents.get(pending.pop()!));
    return found;
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.set(key, entry);
    const index = (map: Map<string, Set<string>>, by: string) => {
      const keys = map.get(by);
      if (keys) keys.add(key);
      else map.set(by, new Set([key]));
    };
    index(this.keysOfModule, key.slice(0, key.lastIndexOf('#')));
    for (const uri of entry.moduleGenerations.keys()) index(this.moduleDependents, uri);
    for (const callee of entry.callees.keys()) index(this.calleeDependents, callee);
  }

  moduleScope(module: ModuleInfo): Scope {
    let scope = this.moduleScopes.get(module.uri);
    if (!scope) {
      scope = new Scope(module, undefined, undefined, `${module.uri}#<module>`);
      this.moduleScopes.set(module.uri, scope);
    }
    this.frames[this.frames.length - 1]?.modules.add(module.uri);
    return scope;
  }

  summarizeModule(module: ModuleInfo): Summary {
    // The stored top level stays the same object while the module's generation does.
    const body = this.moduleStates.get(module.uri)?.topLevel ?? module.topLevel;
    return this.cached(`${module.uri}#<module>`, body, () => this.summarizeBody(module.topLevel, this.moduleScope(module)));
  }

  /** Summary of a top-level function or method (`parent` undefined) or of a nested function. */
  summarize(ref: FunctionRef): Summary {
    const compute = () => {
      const scope = new Scope(ref.module, ref.fn, ref.parent ?? this.moduleScope(ref.module), ref.key);
      return this.summarizeBody(ref.fn.body, scope);
    };
    if (!ref.parent) return this.cached(ref.key, ref.fn.body, compute);
    // Nested functions belong to their parent's IR: their findings count as the parent's.
    const memo = this.memo.get(ref.key);
    if (memo) return memo;
    const summary = this.guardRecursion(ref.key, compute);
    this.memo.set(ref.key, summary);
    return summary;
  }

  /**
   * What the summaries say about the whole workspace: the functions called, and each helper call
   * and discarded term once. A helper module's calls come into the summary of every caller, up to
   * each script (32,000 over 1,000 generated files, a few hundred distinct): deduplicated here once
   * per analysis, with each summary's keys computed once for as long as the summary is reused.
   */
  static facts(summaries: Summary[]): { called: Set<string>; helperCalls: HelperCall[]; discarded: DiscardedTerm[] } {
    // Plain loops: this runs over every summary of the workspace on each analysis.
    const called = new Set<string>();
    const helperCalls = new Map<string, HelperCall>();
    const discarded = new Map<string, DiscardedTerm>();
    for (const summary of summaries) {
      for (const key of summary.calls) called.add(key);
      const keyed = keyedFactsOf(summary);
      for (let i = 0; i < keyed.helperCallKeys.length; i++) {
        if (!helperCalls.has(keyed.helperCallKeys[i])) helperCalls.set(keyed.helperCallKeys[i], summary.helperCalls[i]);
      }
      for (let i = 0; i < keyed.discardedKeys.length; i++) {
        if (!discarded.has(keyed.discardedKeys[i])) discarded.set(keyed.discardedKeys[i], summary.discarded[i]);
      }
    }
    return { called, helperCalls: [...helperCalls.values()], discarded: [...discarded.values()] };
  }

  private cached(key: string, body: readonly Stmt[], compute: () => Summary): Summary {
    const caller = this.frames[this.frames.length - 1];
    let summary = this.memo.get(key);
    if (!summary && this.validating.has(key)) {
      // Mutually recursive callees validating each other: a stub, as for a recursive call, so the
      // outer validation fails and recomputes the way a fresh analysis would.
      caller?.callees.set(key, RECURSION);
      return RECURSION;
    }
    if (!summary) {
      const entry = this.cache.get(key);
      // Nothing it depends on changed: valid without walking its dependencies.
      const trusted = entry !== undefined && !entry.sawRecursion && !this.mayBeStale.has(key);
      if (entry && entry.body === body && (trusted || this.stillValid(key, entry))) summary = entry.summary;
      else {
        const frame = newFrame();
        this.frames.push(frame);
        try {
          summary = this.guardRecursion(key, compute);
        } finally {
          this.frames.pop();
        }
        if (summary.effects !== RECURSION.effects) {
          const moduleGenerations = new Map([...frame.modules].map((uri) => [uri, this.generationOf(uri)]));
          const sawRecursion = [...frame.callees.values()].some((callee) => callee === RECURSION);
          this.remember(key, { body, summary, callees: frame.callees, moduleGenerations, sawRecursion });
        }
      }
      this.memo.set(key, summary);
    }
    caller?.callees.set(key, summary);
    return summary;
  }

  /** A module's generation; FLAGS_DEFINITIONS and METHOD_NAMES stand for workspace-wide facts. */
  private generationOf(uri: string): number {
    return this.workspaceFacts.get(uri)?.generation ?? this.moduleStates.get(uri)?.generation ?? -1;
  }

  /** How many classes of the workspace define a method of this name (`obj.loss(...)` on an object handed in may run any of them). */
  private methodDefinitionCount(name: string): number {
    this.frame.modules.add(METHOD_NAMES);
    return this.methodDefinitions.get(name) ?? 0;
  }

  /** `self.net.create_architecture(...)` on an object handed in: the method, when exactly one class of the workspace defines it. */
  private onlyWorkspaceMethod(name: string): (Callee & { kind: 'function' }) | undefined {
    if (this.methodDefinitionCount(name) !== 1) return undefined;
    for (const module of this.modules.values()) {
      const fn = methodNames(module).has(name) ? module.methods.find((method) => methodName(method) === name) : undefined;
      if (fn) return this.methodCallee(module, fn);
    }
    return undefined;
  }

  private stillValid(key: string, entry: CacheEntry): boolean {
    for (const [uri, generation] of entry.moduleGenerations) {
      if (this.generationOf(uri) !== generation) return false;
    }
    // Validating callees must not add them to whoever is being evaluated now.
    const frames = this.frames;
    this.frames = [];
    this.validating.add(key);
    try {
      for (const [key, summary] of entry.callees) {
        // A recursive call saw a stub: recompute, as a fresh analysis would.
        if (summary === RECURSION) return false;
        // Most callees were summarized already in this run: no need to look them up again.
        const memoized = this.memo.get(key);
        if (memoized) {
          if (memoized !== summary) return false;
          continue;
        }
        const ref = this.refForKey(key);
        const current = ref ? (ref.fn ? this.summarize(ref as FunctionRef) : this.summarizeModule(ref.module)) : undefined;
        if (current !== summary) return false;
      }
      return true;
    } finally {
      this.frames = frames;
      this.validating.delete(key);
    }
  }

  /** The current function (or module body) behind a cache key. */
  private refForKey(key: string): { key: string; module: ModuleInfo; fn?: FunctionDef } | undefined {
    const split = key.lastIndexOf('#');
    const module = this.modules.get(key.slice(0, split));
    if (!module) return undefined;
    const name = key.slice(split + 1);
    if (name === '<module>') return { key, module };
    const fn = module.functions.get(name) ?? module.methods.find((method) => method.name === name);
    return fn ? { key, module, fn } : undefined;
  }

  private guardRecursion(key: string, compute: () => Summary): Summary {
    if (this.inProgress.has(key)) return RECURSION;
    this.inProgress.add(key);
    try {
      return compute();
    } finally {
      this.inProgress.delete(key);
    }
  }

  private get frame(): Frame {
    // Outside any body (root instantiation) facts have nowhere to go and are not needed.
    return this.frames[this.frames.length - 1] ?? newFrame();
  }

  private summarizeBody(body: readonly Stmt[], scope: Scope): Summary {
    const effects: Effect[] = [];
    const returns: Value[] = [];
    const returnTuples: (Value[] | undefined)[] = [];
    const penalties: Penalty[] = [];
    const frame = this.frame;
    // Penalties a callee returns join this body's (instantiateCall adds them).
    this.bodyPenalties.push(penalties);
    const visit: Visit = (stmts, guard, enclosing) => {
      for (const stmt of stmts) {
        try {
          this.summarizeStatement(stmt, scope, { effects, guard, statement: stmt.range, enclosing }, returns, returnTuples, penalties, visit);
        } catch (error) {
          // A pathological statement (nesting deeper than the stack) is skipped, not fatal.
          if (!(error instanceof RangeError)) throw error;
        }
      }
    };
    try {
      visit(body, undefined);
      if (scope.fn) effects.push(...this.callbackEffects(scope));
    } finally {
      this.bodyPenalties.pop();
    }
    const outcomes = penaltyOutcomes(penalties, effects, returns, returnedLossOf(scope) !== undefined);
    for (const penalty of outcomes.discarded) frame.discarded.push(penalty);
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

  /**
   * Nested functions the body never calls are callbacks (`strategy.run(train_step, ...)`,
   * `tf.function(step)`, `tape.gradient` in a closure): their effects happen, with their own
   * parameters unknown (a decay given by their caller is off, as for any function nobody calls).
   */
  private callbackEffects(scope: Scope): Effect[] {
    const nested = [...scope.functions.values()].map((fn) => this.functionRef(scope, fn));
    const candidates = nested.filter((ref) => !this.frame.calls.has(ref.key));
    if (candidates.length === 0) return [];
    const summaries = candidates.map((ref) => this.summarize(ref));
    const effects: Effect[] = [];
    candidates.forEach((ref, index) => {
      if (this.frame.calls.has(ref.key)) return;
      const own = new Set(ref.fn.params.map((param) => param.name));
      const instance: Instantiation = { bindings: new Map([...own].map((name) => [name, [{ k: 'opaque' }]])), root: false };
      for (const effect of summaries[index].effects) {
        const givenByCaller = (factor: Factor) => factor.k === 'param' && own.has(factor.name) && !factor.path;
        if (effect.k === 'write' && (effect.value.some((tag) => tag.k === 'decay' && givenByCaller(tag.term.factor)) || (effect.guard && own.has(effect.guard.param)))) continue;
        const concrete = this.instantiateEffect(effect, instance);
        if (concrete) effects.push(concrete);
      }
    });
    return effects;
  }

  private summarizeStatement(
    stmt: Stmt,
    scope: Scope,
    context: EvalContext,
    returns: Value[],
    returnTuples: (Value[] | undefined)[],
    penalties: Penalty[],
    visit: Visit,
  ): void {
    switch (stmt.kind) {
      case 'assign': {
        const value = this.evaluate(stmt.value, scope, { ...context, assigned: { call: stmt.value, targets: stmt.targets } });
        const names = targetNames(stmt.targets);
        if (!stmt.augmented && names.length > 0 && hasLiveDecay(value) && this.buildsDecayTerm(stmt.value, scope)) {
          const term = { site: site(scope, stmt.range), name: names[0], decay: knownDecay(value) };
          if (names.every((name) => !scope.namesRead().has(name))) this.frame.discarded.push(term);
          else if (stmt.targets.length === 1 && stmt.targets[0].kind === 'name' && !isCollectedByMutation(names[0], scope)) penalties.push({ term, value });
        }
        for (const target of stmt.targets) {
          if (target.kind === 'attr' && layerRegularizerAttributes.has(target.attr)) this.recordLayerRegularizer(target, value, scope, context);
        }
        break;
      }
      case 'expr': {
        const value = this.evaluate(stmt.value, scope, context);
        const assigned = attributeSetBy(stmt.value);
        if (assigned && layerRegularizerAttributes.has(assigned.target.attr)) this.recordLayerRegularizer(assigned.target, this.evaluate(assigned.value, scope), scope, context);
        if (hasLiveDecay(value) && this.buildsDecayTerm(stmt.value, scope)) this.frame.discarded.push({ site: site(scope, stmt.range), decay: knownDecay(value) });
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
        const trainedOn = returnedLossOf(scope);
        if (trainedOn) {
          // The framework differentiates what this method returns (the loss, or a dict's 'loss').
          const loss = returned.some((tag) => tag.k === 'fields') ? selectField(returned, 'loss') : returned;
          context.effects.push({ k: 'sink', loss, optimizer: EMPTY, site: site(scope, stmt.range), method: trainedOn, lossName: dottedName(value) ?? trainedOn, lossSite: site(scope, value.range), statement: site(scope, stmt.range) });
        }
        break;
      }
      case 'if': {
        this.evaluate(stmt.test, scope, context);
        const guard = stmt.guard && scope.params.has(stmt.guard.param) ? stmt.guard : context.guard;
        visit(stmt.body, guard, context.enclosing);
        visit(stmt.orelse, context.guard, context.enclosing);
        break;
      }
      case 'block':
        visit(stmt.body, context.guard, stmt.loop || stmt.withItems ? this.enclose(stmt, scope, context.enclosing) : context.enclosing);
        break;
      default:
        break;
    }
  }

  /** What a `for` loop or a `with slim.arg_scope(...)` adds to the statements inside it. */
  private enclose(block: Stmt & { kind: 'block' }, scope: Scope, outer: Enclosing | undefined): Enclosing {
    const loops = block.loop ? [...(outer?.loops ?? []), block.loop] : outer?.loops ?? [];
    const argScopes = [...(outer?.argScopes ?? [])];
    for (const item of block.withItems ?? []) {
      const dotted = item.kind === 'call' ? dottedName(item.callee) : undefined;
      const callee = dotted ? this.resolveCallee(dotted, scope) : undefined;
      if (item.kind !== 'call' || callee?.kind !== 'tf' || !isArgScope(callee.member)) continue;
      // The first argument lists the layer functions the defaults apply to.
      const listed = item.args[0];
      const functions = new Set<string>();
      for (const fn of listed?.kind === 'group' ? listed.items : listed ? [listed] : []) {
        const name = dottedName(fn);
        const resolved = name ? this.resolveCallee(name, scope) : undefined;
        if (resolved?.kind === 'tf') functions.add(resolved.member);
      }
      argScopes.push({ functions, keywords: item.keywords });
    }
    return { loops, argScopes };
  }

  /** `layer.kernel_regularizer = R` where the layer belongs to a Keras model that is built by then. */
  private recordLayerRegularizer(target: Expr & { kind: 'attr' }, value: Value, scope: Scope, context: EvalContext): void {
    if (isNone(value)) return;
    const model = layerOwner(target.object, context.enclosing?.loops ?? [], (name) => this.onlyAssignment(name, scope));
    // A model whose layers can be listed has been built, wherever it came from (an application,
    // load_model, a factory, a helper's parameter): only a Keras constructor is known to build it.
    if (!model) return;
    const regularizer = value.find((tag) => tag.k === 'regularizer');
    context.effects.push({
      k: 'layerRegularizer',
      model,
      attribute: target.attr,
      factor: regularizer?.k === 'regularizer' ? regularizer.factor : { k: 'unknown' },
      site: site(scope, context.statement ?? target.range),
    });
  }

  private isKerasModelCall(call: Expr & { kind: 'call' }, scope: Scope, test: (qualified: string) => boolean): boolean {
    const dotted = dottedName(call.callee);
    return dotted !== undefined && test(this.qualify(dotted, scope.module));
  }

  /**
   * The expression itself computes a decay term (`wd * l2`, `tf.multiply(...)`, `tf.nn.l2_loss`),
   * rather than passing one to a call that may keep it (`losses.append(term)`, a helper).
   */
  private buildsDecayTerm(expr: Expr, scope: Scope): boolean {
    if (expr.kind === 'binop') return expr.op === '*';
    if (expr.kind !== 'call') return false;
    const dotted = dottedName(expr.callee);
    const callee = dotted ? this.resolveCallee(dotted, scope) : undefined;
    if (callee?.kind === 'tfjs') return tfjsBuildsDecayTerm(callee.member);
    if ((!callee || callee.kind === 'value') && expr.callee.kind === 'attr' && isScriptPath(scope.module.filePath)) return tfjsMethodBuildsDecayTerm(expr.callee.attr);
    if (callee?.kind !== 'tf') return false;
    const role = tfRole(callee.member);
    return role === 'multiply' || role === 'l2Loss' || role === 'reduceSum';
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
        return this.evaluateName(expr.id, scope);
      case 'attr':
        return this.evaluateAttribute(expr, scope, context);
      case 'call':
        return this.evaluateCall(expr, scope, context);
      case 'neg': {
        const operand = this.evaluate(expr.operand, scope, context);
        return operand.map((tag) => (tag.k === 'num' ? { ...tag, value: -tag.value, site: site(scope, expr.range) } : tag));
      }
      case 'binop': {
        const left = this.evaluate(expr.left, scope, context);
        const right = this.evaluate(expr.right, scope, context);
        if (expr.op === '*') return multiply(left, right, site(scope, expr.range));
        // `p - q` of two modules' parameters (distance to a teacher): not the parameters themselves.
        if (expr.op === '-' && left.some((tag) => tag.k === 'weights') && right.some((tag) => tag.k === 'weights')) return union(left, right).filter((tag) => tag.k !== 'weights');
        if (expr.op === '**' && right.some((tag) => tag.k === 'num' && tag.value === 2)) return squareOf(left, site(scope, expr.range));
        return union(left, right);
      }
      case 'lambda':
        return this.evaluate(expr.body, scope, context);
      case 'group': {
        if (expr.subscript) return this.evaluateSubscript(expr, scope, context);
        const items = expr.items.map((item) => this.evaluate(item, scope, context));
        const value = unionOf(items);
        const keys = expr.keys;
        if (!keys?.some((key) => typeof key === 'string')) return value;
        // A dict literal: the union of its values, and the record of its string keys.
        const fields = new Map<string, Value>();
        keys.forEach((key, index) => typeof key === 'string' && fields.set(key, union(fields.get(key) ?? EMPTY, items[index])));
        return union(value, [{ k: 'fields', fields }]);
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
      const selected = selectField(value, index.value);
      // `params['weight_decay']`: a field of a parameter is not the parameter (a helper's `wd` is).
      return value.some((tag) => tag.k === 'fields') ? selected : deriveParams(selected);
    }
    const items = expr.items.map((item) => this.evaluate(item, scope, context));
    return deriveParams(unionOf(items).flatMap((tag) => (tag.k === 'fields' ? unionOf([...tag.fields.values()]) : [tag])));
  }

  /** One name of an unpacking assignment: its item of a tuple or of a workspace function's returned tuple, else the whole value. */
  private evaluateElement({ of, index, count }: Expr & { kind: 'element' }, scope: Scope): Value {
    if (of.kind === 'group' && of.tuple && of.items.length === count) return this.evaluate(of.items[index], scope);
    return of.kind === 'call' ? this.evaluateCall(of, scope, undefined, { index, count }) : this.evaluate(of, scope);
  }

  private evaluateName(id: string, scope: Scope): Value {
    const memo = scope.memo.get(id);
    if (memo) {
      if (!scope.fn) this.replayDependencies(`${scope.key}\n${id}`);
      return memo;
    }
    if (scope.pending.has(id)) return EMPTY;
    if (scope.fn) return this.computeName(id, scope);
    return this.sharedThisRun(`${scope.key}\n${id}`, () => this.computeName(id, scope));
  }

  /**
   * A value computed once per run for whichever summary asks first (a module-level name, an
   * instance attribute): what it consulted is kept and handed to every later reader too, so an edit
   * there invalidates all of them.
   */
  private sharedThisRun(key: string, compute: () => Value): Value {
    if (!this.consulted.has(key)) {
      const frame = newFrame();
      this.frames.push(frame);
      try {
        this.consulted.set(key, { value: compute(), modules: frame.modules, callees: frame.callees });
      } finally {
        this.frames.pop();
      }
    }
    return this.replayDependencies(key);
  }

  /** The shared value under `key`, its dependencies added to the current summary's. */
  private replayDependencies(key: string): Value {
    const known = this.consulted.get(key);
    if (!known) return EMPTY;
    for (const uri of known.modules) this.frame.modules.add(uri);
    for (const [callee, summary] of known.callees) this.frame.callees.set(callee, summary);
    return known.value;
  }

  private computeName(id: string, scope: Scope): Value {
    scope.pending.add(id);
    let value: Value = EMPTY;
    const assigned = scope.assigns.get(id);
    if (scope.params.has(id)) value = [{ k: 'param', name: id }];
    if (assigned) value = union(value, ...assigned.map((expr) => this.evaluate(expr, scope)));
    // Fields set on it later (`cfg.weight_decay = 1e-4`, `losses['reg'] = reg`) join its record.
    const fieldsSet = assigned || scope.params.has(id) ? scope.fieldAssigns.get(id) : undefined;
    // A field set to something unknown (`float(sys.argv[1])`) may be anything: not the class default.
    const setTo = (expr: Expr): Value => this.evaluate(expr, scope).map((tag) => (tag.k === 'fields' ? { k: 'fields', fields: new Map([...tag.fields].map(([name, field]) => [name, field.length > 0 ? field : [{ k: 'configurable' }]])) } : tag));
    if (fieldsSet) value = union(value, ...fieldsSet.map(setTo));
    const nested = scope.fn && !assigned && !scope.params.has(id) ? scope.functions.get(id) : undefined;
    if (nested) {
      // A nested function used as a value (`optimizer.minimize(lossFn)`): what a call of it returns.
      value = substitute(this.summarize(this.functionRef(scope, nested)).returns, { bindings: new Map(), root: false });
    } else if (!assigned && !scope.params.has(id)) {
      if (scope.parent) value = this.evaluateName(id, scope.parent);
      else value = this.evaluateGlobal(id, scope);
    }
    scope.pending.delete(id);
    scope.memo.set(id, value);
    return value;
  }

  /** A module-level name that is not assigned: a function, an imported constant, or anything else. */
  private evaluateGlobal(id: string, scope: Scope): Value {
    const fn = scope.functions.get(id);
    // A function used as a value (`opt.minimize(loss_fn)`): what it returns, its parameters unknown.
    if (fn) return substitute(this.summarize(this.functionRef(scope, fn)).returns, { bindings: new Map(), root: true });
    if (scope.module.classes.has(id)) return this.classRecord(scope.module, id, new Map());
    const imported = this.importedMember(scope.module, id);
    if (imported) return this.evaluateName(imported.name, this.moduleScope(imported.module));
    // Imports, builtins, and names bound where the IR keeps no assignment (`with ... as`,
    // loop and comprehension variables): values, not computations we failed to follow. Calls of
    // unknown functions are what make a value opaque (resolveCallee).
    return EMPTY;
  }

  /** `from config import WD` and `import config` + `config.WD`: the module and member a name points to. */
  private importedMember(module: ModuleInfo, dotted: string): { module: ModuleInfo; name: string } | undefined {
    const [head, ...rest] = dotted.split('.');
    const target = module.imports.get(head);
    if (!target) return undefined;
    const resolved = this.resolver.resolve({ ...target, dotted: [target.dotted, ...rest].join('.') }, module);
    if (resolved) this.frame.modules.add(resolved.module.uri);
    if (!resolved || !resolved.member || resolved.member.includes('.') || resolved.module === module) return undefined;
    return { module: resolved.module, name: resolved.member };
  }

  private evaluateAttribute(expr: Expr & { kind: 'attr' }, scope: Scope, context?: EvalContext): Value {
    const dotted = dottedName(expr);
    // `model.losses`: the regularization terms a Keras model collected from its layers (not in TF.js: tfjsApi.ts).
    if (expr.attr === 'losses' && (!dotted || scope.isVariable(dotted.split('.')[0])) && !isScriptPath(scope.module.filePath)) {
      return [{ k: 'list', key: { k: 'lit', value: KERAS_LOSSES }, site: site(scope, expr.range) }];
    }
    if (dotted && !scope.isVariable(dotted.split('.')[0])) {
      const member = this.tensorflowMemberOf(dotted, scope.module);
      if (member !== undefined && member in graphKeys) return [{ k: 'str', value: graphKeys[member] }];
      if (expr.attr === 'FLAGS' && isFlagsObject(this.qualify(dotted, scope.module))) return this.flagsRecord();
      const imported = this.importedMember(scope.module, dotted);
      if (imported) return this.evaluateName(imported.name, this.moduleScope(imported.module));
    }
    return this.instanceAttribute(expr, scope) ?? selectField(this.evaluate(expr.object, scope, context), expr.attr);
  }

  /**
   * `self.loss` in a method: what the class's methods assign to it (`self.loss = ...` in `build`),
   * flow-insensitively. A method's own parameter stored as it is (`self.loss = loss`) may be
   * anything a caller passes; what is computed from one, or read from it (`opt.lr`), is data.
   */
  private instanceAttribute(expr: Expr & { kind: 'attr' }, scope: Scope): Value | undefined {
    const className = classOfReceiver(expr.object, scope);
    const assigned = className ? scope.module.instanceAttributes.get(className)?.get(expr.attr) : undefined;
    if (!className || !assigned) return undefined;
    const key = `${scope.module.uri}#${className}.${expr.attr}`;
    // `self.loss = self.loss + reg`: the attribute inside its own value adds nothing more.
    if (this.instanceAttributesPending.has(key)) return EMPTY;
    this.instanceAttributesPending.add(key);
    try {
      return this.sharedThisRun(key, () => {
        const moduleScope = this.moduleScope(scope.module);
        const values = assigned.map(({ value, method }) => {
          const own = new Scope(scope.module, method, moduleScope, `${scope.module.uri}#${method.name}`);
          return this.evaluate(value, own).flatMap((tag): Tag[] => (tag.k !== 'param' ? [tag] : tag.derived ? [] : [{ ...tag, name: storedArgument(tag.name) }]));
        });
        return unionOf(values);
      });
    } finally {
      this.instanceAttributesPending.delete(key);
    }
  }

  /** Options with their defaults as a record; the defaults are evaluated where they are defined. */
  private optionsRecord(options: Options, module: ModuleInfo): Value {
    if (options.size === 0) return EMPTY;
    const scope = this.moduleScope(module);
    const defaultOf = (defaults: Expr[]): Value => {
      const value = unionOf(defaults.map((expr) => this.evaluate(expr, scope)));
      return isDisabled(value) ? union(value, [{ k: 'configurable' }]) : value;
    };
    return [{ k: 'fields', fields: new Map([...options].map(([name, defaults]) => [name, defaultOf(defaults)])) }];
  }

  /** `FLAGS`: absl and TF flags are one process-wide registry, defined in any module. */
  private flagsRecord(): Value {
    this.frame.modules.add(FLAGS_DEFINITIONS);
    this.flags ??= [...this.modules.values()].filter((module) => moduleOptions(module).flags.size > 0);
    return union(...this.flags.map((module) => this.optionsRecord(moduleOptions(module).flags, module)));
  }

  /** A config class (`class Config: weight_decay = 5e-4`, a dataclass) or its instance: its attributes, as constructed. */
  private classRecord(module: ModuleInfo, className: string, keywords: ReadonlyMap<string, Value>): Value {
    const attributes = module.classAttributes.get(className);
    const key = `${module.uri}#${className}`;
    // `class A: b = B()` with `class B: a = A()`: a class inside its own record is no record.
    if (!attributes || this.classRecordsPending.has(key)) return EMPTY;
    this.classRecordsPending.add(key);
    try {
      this.frame.modules.add(module.uri);
      const scope = this.moduleScope(module);
      const fields = new Map<string, Value>();
      for (const [name, values] of attributes) fields.set(name, keywords.get(name) ?? unionOf(values.map((value) => this.evaluate(value, scope))));
      return [{ k: 'fields', fields }];
    } finally {
      this.classRecordsPending.delete(key);
    }
  }

  /** The TensorFlow member a module's dotted name stands for. */
  private tensorflowMemberOf(dotted: string, module: ModuleInfo): string | undefined {
    const callee = this.libraryMemberOf(dotted, module);
    return callee?.kind === 'tf' ? callee.member : undefined;
  }

  /** The TensorFlow, PyTorch, optax or JAX member a module's dotted name stands for (memoized per run). */
  private libraryMemberOf(dotted: string, module: ModuleInfo): LibraryCallee | undefined {
    const key = `${module.uri}\n${dotted}`;
    if (this.libraryMembers.has(key)) return this.libraryMembers.get(key);
    const qualified = this.qualify(dotted, module);
    const tf = tensorflowMember(qualified);
    // PyTorch, optax and JAX only through an import: a local name `torch` is not the library.
    const imported = module.imports.has(dotted.split('.')[0]);
    const torch = tf === undefined && imported ? torchMember(qualified) : undefined;
    const optax = tf === undefined && torch === undefined && imported ? optaxMember(qualified) : undefined;
    const callee: LibraryCallee | undefined =
      tf !== undefined ? { kind: 'tf', member: tf } : torch !== undefined ? { kind: 'torch', member: torch } : optax !== undefined ? { kind: 'optax', member: optax } : undefined;
    this.libraryMembers.set(key, callee);
    return callee;
  }

  /**
   * `tf.get_variable(..., regularizer=R)`, `tf.layers.dense(..., kernel_regularizer=R)`: TensorFlow
   * puts R's term into REGULARIZATION_LOSSES; the variable is the call's assignment target.
   */
  private recordRegularizers(
    call: Expr & { kind: 'call' },
    keras: boolean,
    keywords: Map<string, Value>,
    scope: Scope,
    context: EvalContext | undefined,
    names: ReadonlySet<string>,
    scoped: readonly Keyword[] = [],
  ): void {
    if (!context) return;
    // The call's own keyword arguments win over an arg_scope's defaults.
    const inherited = scoped.filter((keyword) => !keywords.has(keyword.name));
    for (const keyword of inherited.length > 0 ? [...call.keywords, ...inherited] : call.keywords) {
      if (!names.has(keyword.name)) continue;
      for (const value of keywords.get(keyword.name) ?? this.evaluate(keyword.value, scope)) {
        // Keras also takes the name: kernel_regularizer='l2' is l2(0.01).
        const tag: Tag | undefined =
          value.k === 'str' && value.value === 'l2'
            ? { k: 'regularizer', factor: { k: 'num', value: KERAS_DEFAULT_L2, site: site(scope, keyword.value.range) }, gradScale: 2, site: site(scope, keyword.range) }
            : value;
        if (tag?.k === 'param' && !tag.derived) {
          // `Dense(64, kernel_regularizer=reg)` in a builder taking `reg`: the regularizer its caller passes, applied.
          const applied: Tag = { k: 'param', name: tag.name, path: tag.path, derived: true, called: true };
          context.effects.push({ k: 'write', key: { k: 'lit', value: keras ? KERAS_LOSSES : 'regularization_losses' }, value: [applied], site: site(scope, keyword.range), origin: keras ? 'keras' : 'regularizer' });
          continue;
        }
        if (tag?.k !== 'regularizer') continue;
        const variable = { ...assignedName(call, scope, context), call: site(scope, call.range), helper: keyword.name };
        context.effects.push(regularizerWrite(tag, site(scope, keyword.range), variable, keras));
      }
    }
  }

  /** A caller's arg_scope defaults given to a layer call in a callee: the regularizer is evaluated where the scope is. */
  private recordInheritedRegularizers(layer: LayerCall, inherited: readonly Keyword[], scope: Scope, context: EvalContext): void {
    for (const keyword of inherited) {
      if (!regularizerKeywords.has(keyword.name)) continue;
      for (const tag of this.evaluate(keyword.value, scope)) {
        if (tag.k !== 'regularizer') continue;
        context.effects.push(regularizerWrite(tag, site(scope, keyword.range), { name: layer.name, nameSite: layer.nameSite, call: layer.site, helper: keyword.name }, false));
      }
    }
  }

  /** PyTorch calls: optimizers with their own weight_decay, penalty building blocks, autograd. */
  private evaluateTorchCall(member: string, call: Expr & { kind: 'call' }, args: Value[], keywords: Map<string, Value>, scope: Scope, context?: EvalContext): Value {
    const callSite = site(scope, call.range);
    // NAdam and RAdam with `decoupled_weight_decay=True` decay like AdamW.
    const decoupled = keywordIs(call, 'decoupled_weight_decay', 'True');
    const kind = decoupled ? 'adamw' : torchOptimizerKind(member);
    if (kind) {
      const params = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'params')?.value;
      const ownDecay = keywordGiving('weight_decay', call, keywords);
      // Without its own weight_decay=, the first parameter group that decays (`{'params': decay, 'weight_decay': wd}`).
      const groups = params ? groupDecays(params, scope) : [];
      const group = ownDecay ? undefined : groups.find((candidate) => !isDisabled(this.evaluate(candidate.decay.value, scope)));
      const decayKeyword = ownDecay ?? group?.decay;
      // torch.optim.AdamW decays by 0.01 unless told otherwise (by position, a mapping or its groups).
      const givenOtherwise = call.keywords.some((keyword) => keyword.name === SPLAT) || call.args.length >= 5 || groups.length > 0;
      const defaultDecay = !decayKeyword && member === 'optim.AdamW' && !givenOtherwise;
      // A group that holds a whole module's parameters (`dict(params=model.conv1.parameters(), weight_decay=5e-4)`) decays its biases too.
      const decayed = group ? group.params : params;
      const owner = decayed ? parametersOwner(decayed, scope) : undefined;
      const allParameters = decayed && isAllParameters(decayed, scope) && !this.ownsOnlyWeights(owner, scope) ? site(scope, decayed.range) : undefined;
      const momentum = factorOf(keywords.get('momentum') ?? EMPTY);
      const tag: OptimizerTag = {
        k: 'optimizer',
        name: member.split('.').pop()!,
        kind: kind === 'sgd' && momentum.k === 'num' && momentum.value > 0 ? 'momentum' : kind,
        learningRate: factorOf(args[1] ?? keywords.get('lr') ?? EMPTY),
        site: callSite,
        momentum: knownValue(momentum),
        weightDecay:
          decayKeyword || defaultDecay
            ? {
                factor: decayKeyword ? factorOf(keywords.get('weight_decay') ?? this.evaluate(decayKeyword.value, scope)) : { k: 'num', value: TORCH_ADAMW_DEFAULT_DECAY, site: callSite },
                site: decayKeyword ? site(scope, decayKeyword.range) : callSite,
                allParameters,
                parametersOf: owner,
                callee: call.callee.kind === 'attr' ? site(scope, call.callee.range) : undefined,
                // The quick fix splits the optimizer's params argument, not a group inside it.
                statement: group ? undefined : statementSite(scope, context),
              }
            : undefined,
      };
      context?.effects.push({ k: 'optimizer', tag, site: callSite });
      return [tag];
    }
    const first = args[0] ?? EMPTY;
    switch (torchRole(member)) {
      case 'square':
        return squareOf(first, callSite);
      case 'norm':
        return normOf(first, callSite);
      case 'sum':
        return sumOf(first, callSite) ?? unionOf(args);
      case 'gradients':
        context?.effects.push({ k: 'sink', loss: first, optimizer: EMPTY, site: callSite, method: 'torch.autograd.grad' });
        return EMPTY;
      case 'linear':
        context?.effects.push({ k: 'layer', shape: [widthOf(args[0] ?? keywords.get('in_features')), widthOf(args[1] ?? keywords.get('out_features'))], site: callSite });
        return EMPTY;
      default: {
        const value = unionOf([...args, ...keywords.values()]);
        return torchPassesThrough(member) ? value : asData(value);
      }
    }
  }

  /**
   * The module is an instance of a workspace class that provably has no biases and no
   * normalization layers (every Linear/Conv with `bias=False`, helpers and sub-modules of the
   * workspace likewise): decaying all its parameters decays weights only.
   */
  private ownsOnlyWeights(owner: string | undefined, scope: Scope): boolean {
    const built = owner ? scope.assignmentsOf(owner) : undefined;
    for (let expr of built ?? []) {
      // `Net().to(device)`: the module itself, moved.
      while (expr.kind === 'call' && expr.callee.kind === 'attr' && passThroughMethods.has(expr.callee.attr)) expr = expr.callee.object;
      const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
      const callee = dotted ? this.resolveCallee(dotted, scope) : undefined;
      if (callee?.kind === 'function' && callee.ref.fn.name.endsWith('.__init__')) return this.buildsOnlyWeights(callee.ref, 0);
      // `backbone = nn.Linear(784, 64, bias=False)`: the layer itself (containers and model zoos hold anything).
      if (callee?.kind === 'torch' && expr.kind === 'call') return BIASED_LAYER.test(callee.member) && torchLayerOwnsOnlyWeights(callee.member, expr);
    }
    return false;
  }

  private buildsOnlyWeights(ref: FunctionRef, depth: number): boolean {
    if (depth > 3) return false;
    const scope = new Scope(ref.module, ref.fn, ref.parent ?? this.moduleScope(ref.module), ref.key);
    const exprs: Expr[] = [];
    for (const stmt of walkStatements(ref.fn.body)) {
      if (stmt.kind === 'assign') {
        if (stmt.targets.some((target) => target.kind === 'attr' && target.attr === 'bias')) return false;
        exprs.push(stmt.value);
      } else if (stmt.kind === 'expr') exprs.push(stmt.value);
      else if (stmt.kind === 'return' && stmt.value) exprs.push(stmt.value);
    }
    while (exprs.length > 0) {
      const expr = exprs.pop()!;
      exprs.push(...childExprs(expr));
      const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
      if (!dotted || expr.kind !== 'call') continue;
      const callee = this.resolveCallee(dotted, scope);
      if (callee.kind === 'torch') {
        if (!torchLayerOwnsOnlyWeights(callee.member, expr)) return false;
      } else if (callee.kind === 'function') {
        if (!this.buildsOnlyWeights(callee.ref, depth + 1)) return false;
      } else if (callee.kind === 'external' || callee.kind === 'unseen') return false;
    }
    return true;
  }

  /** Full dotted name through the module's imports; `tf` means TensorFlow unless bound otherwise. */
  private qualify(dotted: string, module: ModuleInfo): string {
    const [head, ...rest] = dotted.split('.');
    const target = module.imports.get(head);
    if (target && !target.fromDir) return [target.dotted, ...rest].join('.');
    if (head === 'tf' && !target) return ['tensorflow', ...rest].join('.');
    return dotted;
  }

  private resolveCallee(dotted: string, scope: Scope, aliasDepth = 0): Callee {
    const [head, ...rest] = dotted.split('.');
    if (scope.isVariable(head) && !this.holdsOnlyItsOwnResult(head, scope)) {
      // `get_total_loss = tf.losses.get_total_loss`, `slim = tf.contrib.slim`: follow the alias.
      const aliased = aliasDepth < 8 ? this.aliasOf(head, scope) : undefined;
      return aliased ? this.resolveCallee([aliased, ...rest].join('.'), scope, aliasDepth + 1) : { kind: 'value' };
    }
    if (rest.length === 0) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const fn = s.functions.get(dotted);
        if (fn) return { kind: 'function', ref: this.functionRef(s, fn) };
      }
      if (scope.module.classes.has(dotted)) return this.constructorOf(scope.module, dotted);
    }
    const script = isScriptPath(scope.module.filePath);
    const tfjs = script ? tfjsMemberOf(dotted, scope.module.imports) : undefined;
    if (tfjs !== undefined) return { kind: 'tfjs', member: tfjs };
    const library = this.libraryMemberOf(dotted, scope.module);
    if (library) return library;
    const target = scope.module.imports.get(head);
    if (target) {
      const resolved = this.reexported(this.resolver.resolve({ ...target, dotted: [target.dotted, ...rest].join('.') }, scope.module));
      if (resolved) {
        this.frame.modules.add(resolved.module.uri);
        const fn = resolved.module.functions.get(resolved.member);
        if (fn) return { kind: 'function', ref: this.functionRef(this.moduleScope(resolved.module), fn) };
        if (resolved.module.classes.has(resolved.member)) return this.constructorOf(resolved.module, resolved.member);
        return { kind: 'unseen', name: dotted };
      }
      if (knownLibraries.has(target.dotted.split('.')[0])) return { kind: 'irrelevant' };
      return { kind: 'external', name: dotted };
    }
    // `p.pow(2)` on a loop or comprehension variable: a method of a value we do not track.
    if (rest.length > 0) return { kind: 'value' };
    if (dotted === 'sum') return { kind: 'sum' };
    if (pythonBuiltins.has(dotted) || (script && scriptGlobals.has(dotted))) return { kind: 'irrelevant' };
    return this.resolveStarImported(dotted, scope);
  }

  /** `from models import PlainNet` where `models/__init__.py` imports it from `.plainnet`: the module that defines it. */
  private reexported(resolved: { module: ModuleInfo; member: string } | undefined): { module: ModuleInfo; member: string } | undefined {
    for (let hops = 0; resolved && hops < 4; hops++) {
      const { module, member } = resolved;
      const target = member && !module.functions.has(member) && !module.classes.has(member) ? module.imports.get(member) : undefined;
      const next = target ? this.resolver.resolve(target, module) : undefined;
      if (!next || next.module === module) return resolved;
      this.frame.modules.add(module.uri);
      resolved = next;
    }
    return resolved;
  }

  /** Constructing a class of the workspace runs its `__init__` (a model's layers and their regularizers are made there). */
  private constructorOf(module: ModuleInfo, className: string): Callee {
    const constructs = { module, className };
    const init = this.methodOf(module, className, '__init__');
    return init ? { ...init, constructs } : { kind: 'irrelevant', constructs };
  }

  /** A method the class itself defines (inherited ones are not followed), called on an instance. */
  private methodOf(module: ModuleInfo, className: string, name: string): (Callee & { kind: 'function' }) | undefined {
    const fn = module.methods.find((method) => method.name === `${className}.${name}`);
    return fn ? this.methodCallee(module, fn) : undefined;
  }

  /** A method as a callee: a Python method's first parameter is the instance (`self`), a TS/JS one takes none. */
  private methodCallee(module: ModuleInfo, fn: FunctionDef): Callee & { kind: 'function' } {
    const ref = this.functionRef(this.moduleScope(module), fn);
    return isScriptPath(module.filePath) ? { kind: 'function', ref } : { kind: 'function', ref, self: EMPTY };
  }

  /** `self.helper(x)` inside a method (`this.helper(x)` in TS/JS): the class's own method of that name. */
  private selfMethod(callee: Expr & { kind: 'attr' }, scope: Scope): (Callee & { kind: 'function' }) | undefined {
    const className = classOfReceiver(callee.object, scope);
    // A method the class leaves to its subclasses (`self.compute_loss(...)` in a base `train_step`): the one subclass of this module that defines it.
    return className ? this.methodOf(scope.module, className, callee.attr) ?? this.subclassMethod(scope.module, className, callee.attr) : undefined;
  }

  private subclassMethod(module: ModuleInfo, className: string, name: string): (Callee & { kind: 'function' }) | undefined {
    const derives = (subclass: string) => (module.classBases.get(subclass) ?? []).some((base) => base === className || base.endsWith(`.${className}`));
    const defined = module.methods.filter((method) => methodName(method) === name && derives(method.name.slice(0, method.name.lastIndexOf('.'))));
    return defined.length === 1 ? this.methodCallee(module, defined[0]) : undefined;
  }

  /**
   * `manager.update(loss)` where `manager = UpdateManager(config)` (every assignment constructs that
   * workspace class): the method the class defines.
   */
  private instanceMethod(callee: Expr & { kind: 'attr' }, scope: Scope): (Callee & { kind: 'function' }) | undefined {
    if (callee.object.kind !== 'name') return undefined;
    const assigned = scope.assignmentsOf(callee.object.id);
    let constructed: ClassRef | undefined;
    for (const expr of assigned ?? []) {
      const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
      const resolved = dotted ? this.resolveCallee(dotted, scope) : undefined;
      const constructs = resolved?.kind === 'function' || resolved?.kind === 'irrelevant' ? resolved.constructs : undefined;
      if (!constructs || (constructed && (constructed.module !== constructs.module || constructed.className !== constructs.className))) return undefined;
      constructed = constructs;
    }
    return constructed && this.methodOf(constructed.module, constructed.className, callee.attr);
  }

  /** A bare name neither defined nor imported by name: from a `from m import *` of the workspace, or a package's. */
  private resolveStarImported(name: string, scope: Scope): Callee {
    let fromWorkspace = false;
    for (const star of scope.module.starImports) {
      const resolved = this.resolver.resolve({ ...star, dotted: star.dotted ? `${star.dotted}.${name}` : name }, scope.module);
      if (!resolved) continue;
      this.frame.modules.add(resolved.module.uri);
      fromWorkspace = true;
      const fn = resolved.member === name ? resolved.module.functions.get(name) : undefined;
      if (fn) return { kind: 'function', ref: this.functionRef(this.moduleScope(resolved.module), fn) };
      if (resolved.member === name && resolved.module.classes.has(name)) return this.constructorOf(resolved.module, name);
    }
    // Defined in a workspace module we could not follow (a star import of a star import): anything.
    return fromWorkspace ? { kind: 'unseen', name } : { kind: 'external', name };
  }

  /**
   * `loss = loss(logits, labels)`: a function's name rebound to what it returns. A call of the name
   * can only be the function (its result is a tensor), so the call is resolved past the variable.
   */
  private holdsOnlyItsOwnResult(name: string, scope: Scope): boolean {
    const assigned = scope.assignmentsOf(name);
    return assigned !== undefined && assigned.every((expr) => callsName(expr, name));
  }

  /** The value a variable is assigned, when it has exactly one assignment. */
  private onlyAssignment(name: string, scope: Scope): Expr | undefined {
    const assigned = scope.assignmentsOf(name);
    return assigned?.length === 1 ? assigned[0] : undefined;
  }

  /**
   * The `functools.partial(f, ...)` call a variable holds: its only assignment, besides the call of
   * the partial rebinding the name (`optimizer = optimizer(model.parameters())`).
   */
  private partialApplication(name: string, scope: Scope): (Expr & { kind: 'call' }) | undefined {
    const assignments = scope.assignmentsOf(name)?.filter((expr) => !callsName(expr, name));
    const assigned = assignments?.length === 1 ? assignments[0] : undefined;
    if (assigned?.kind !== 'call' || assigned.args.length === 0) return undefined;
    const dotted = dottedName(assigned.callee);
    if (!dotted || this.qualify(dotted, scope.module) !== 'functools.partial') return undefined;
    const fn = assigned.args[0];
    return fn.kind === 'name' && fn.id === name ? undefined : assigned;
  }

  /** The dotted name a variable is bound to, when its only assignment is one (`x = a.b.c`). */
  private aliasOf(name: string, scope: Scope): string | undefined {
    const assigned = this.onlyAssignment(name, scope);
    return assigned ? dottedName(assigned) : undefined;
  }


  private functionRef(scope: Scope, fn: FunctionDef): FunctionRef {
    if (!scope.fn) return { key: `${scope.module.uri}#${fn.name}`, module: scope.module, fn };
    return { key: `${scope.key}/${fn.name}@${fn.range.startLine}`, module: scope.module, fn, parent: scope };
  }

  /** A call's keyword values; `**cfg` gives the fields of the records it holds, where no keyword names them. */
  private evaluateKeywords(call: Expr & { kind: 'call' }, scope: Scope, context?: EvalContext): Map<string, Value> {
    const keywords = new Map<string, Value>();
    for (const keyword of call.keywords) {
      const value = this.evaluate(keyword.value, scope, context);
      if (keyword.name !== SPLAT) keywords.set(keyword.name, value);
      else for (const tag of value) if (tag.k === 'fields') for (const [name, field] of tag.fields) if (!call.keywords.some((given) => given.name === name)) keywords.set(name, union(keywords.get(name) ?? EMPTY, field));
    }
    return keywords;
  }

  /**
   * Hugging Face's Keras optimizers decay decoupled (`var -= lr * rate * var`) every variable but those
   * `exclude_from_weight_decay` names: `AdamWeightDecay(weight_decay_rate=...)` excludes none unless
   * told, `create_optimizer(..., weight_decay_rate=...)` (which returns `(optimizer, schedule)`)
   * excludes LayerNorm and bias variables itself.
   */
  private huggingFaceOptimizer(qualified: string, call: Expr & { kind: 'call' }, args: Value[], keywords: Map<string, Value>, scope: Scope, context?: EvalContext): Value | undefined {
    const name = /^transformers(?:\.optimization_tf)?\.(AdamWeightDecay|create_optimizer)$/.exec(qualified)?.[1];
    if (!name) return undefined;
    const at = site(scope, call.range);
    const rate = keywords.get('weight_decay_rate');
    if (!rate || isDisabled(rate)) return name === 'AdamWeightDecay' ? [{ k: 'optimizer', name, kind: 'adamw', learningRate: factorOf(args[0] ?? keywords.get('learning_rate') ?? EMPTY), site: at }] : EMPTY;
    const keyword = keywordGiving('weight_decay_rate', call, keywords)!;
    const excludes = name === 'create_optimizer' || keywords.has('exclude_from_weight_decay');
    const decaySite = site(scope, keyword.range);
    const tag: OptimizerTag = {
      k: 'optimizer',
      name: name === 'create_optimizer' ? 'AdamWeightDecay' : name,
      kind: 'adamw',
      learningRate: factorOf(args[0] ?? keywords.get(name === 'create_optimizer' ? 'init_lr' : 'learning_rate') ?? EMPTY),
      site: at,
      weightDecay: { factor: factorOf(rate), site: decaySite, allParameters: decaySite, keras: { exclusions: excludes ? [at] : [] } },
    };
    context?.effects.push({ k: 'optimizer', tag, site: at });
    return [tag];
  }

  /** `element`: only this item of the tuple a workspace function returns is wanted (`total, xent = loss()`). */
  private evaluateCall(call: Expr & { kind: 'call' }, scope: Scope, context?: EvalContext, element?: TupleItem): Value {
    const callee = call.callee;
    // `optax.inject_hyperparams(optax.adamw)(lr, weight_decay=wd)`: the transformation it wraps, called.
    if (callee.kind === 'call' && callee.args[0] && this.qualify(dottedName(callee.callee) ?? '', scope.module) === 'optax.inject_hyperparams') {
      return this.evaluateCall({ ...call, callee: callee.args[0] }, scope, context, element);
    }
    const partial = callee.kind === 'name' && !this.partialsExpanding.has(callee.id) ? this.partialApplication(callee.id, scope) : undefined;
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
    if (resolved.kind === 'value' && callee.kind === 'attr') {
      return this.evaluateMethodCall(call, callee, scope, context, element);
    }
    const args = call.args.map((arg) => this.evaluate(arg, scope, context));
    const keywords = this.evaluateKeywords(call, scope, context);
    const callSite = site(scope, call.range);
    if (context && dotted && mayRebuildModel(dotted) && this.isKerasModelCall(call, scope, rebuildsModel)) {
      const model = rebuiltModelName(call, (name) => this.onlyAssignment(name, scope));
      if (model) context.effects.push({ k: 'modelRebuild', model, site: callSite });
    }
    if (resolved.kind === 'tf') {
      // Inside `with slim.arg_scope([slim.conv2d], weights_regularizer=R):` the listed layers get R too.
      const scoped = context?.enclosing?.argScopes.flatMap((argScope) => (argScope.functions.has(resolved.member) ? argScope.keywords : []));
      this.recordRegularizers(call, resolved.member.startsWith('keras.'), keywords, scope, context, regularizerKeywords, scoped);
      if (context && takesArgScope(resolved.member)) {
        const given = [...call.keywords, ...(scoped ?? [])].map((keyword) => keyword.name);
        if (!given.some((name) => regularizerKeywords.has(name))) {
          addLayerCall(this.frame, { member: resolved.member, site: site(scope, call.range), given, ...assignedName(call, scope, context) });
        }
      }
      // `tf.keras.layers.Dense(64)`: a layer's width, for sweep proxies (its input comes from the layer before).
      if (resolved.member === 'keras.layers.Dense' || resolved.member === 'layers.dense') {
        const width = widthOf((resolved.member === 'layers.dense' ? args[1] : args[0]) ?? keywords.get('units'));
        context?.effects.push({ k: 'layer', shape: [undefined, width], site: site(scope, call.range) });
      }
    }
    if ((resolved.kind === 'function' || resolved.kind === 'irrelevant') && resolved.constructs) {
      // An instance: what `__init__` gives, and the class's attributes as this call sets them (dataclasses).
      const built = resolved.kind === 'function' ? this.instantiateCall(resolved.ref, call, resolved.self ? [resolved.self, ...args] : args, keywords, scope, context, element) : EMPTY;
      return union(built, this.classRecord(resolved.constructs.module, resolved.constructs.className, keywords));
    }
    if (resolved.kind === 'external' && dotted) {
      const optimizer = this.huggingFaceOptimizer(this.qualify(dotted, scope.module), call, args, keywords, scope, context);
      if (optimizer) return element ? (element.index === 0 ? optimizer : EMPTY) : optimizer;
    }
    if (resolved.kind === 'irrelevant' && dotted) {
      const qualified = this.qualify(dotted, scope.module);
      // `argparse.ArgumentParser()`: the options this module defines; `dict(lr=0.1, weight_decay=5e-4)`: a record.
      if (qualified === 'argparse.ArgumentParser') return this.optionsRecord(moduleOptions(scope.module).argparse, scope.module);
      if (dotted === 'dict' && keywords.size > 0 && call.args.length === 0) return unionOf([...keywords.values(), [{ k: 'fields', fields: keywords }]]);
    }
    switch (resolved.kind) {
      case 'tf': {
        const decayAt =
          keywordGiving('weight_decay', call, keywords)?.range ??
          (decaysUnscaled(resolved.member) ? call.args[0]?.range : undefined);
        return this.evaluateTensorflowCall(resolved.member, args, keywords, callSite, context, decayAt && site(scope, decayAt));
      }
      case 'torch':
        return this.evaluateTorchCall(resolved.member, call, args, keywords, scope, context);
      case 'tfjs':
        // TF.js layers take their regularizers like Keras layers: into model.losses (origin keras).
        this.recordRegularizers(call, true, keywords, scope, context, tfjsRegularizerKeywords);
        return evaluateTfjsCall({ member: resolved.member, args, keywords, site: callSite, emit: (effect) => context?.effects.push(effect), sum: (value) => toSum(value, callSite, context) });
      case 'optax':
        return evaluateOptaxCall({ member: resolved.member, call, args, keywords, siteOf: (range) => site(scope, range), effects: context?.effects });
      case 'function':
        return this.instantiateCall(resolved.ref, call, resolved.self ? [resolved.self, ...args] : args, keywords, scope, context, element);
      case 'sum': {
        // `sum(p.pow(2).sum() for p in model.parameters())`: a penalty on that module's weights.
        const owner = call.args[0] ? parametersOwner(call.args[0]) : undefined;
        const summed = toSum(args[0] ?? EMPTY, callSite, context);
        return owner ? summed.map((tag) => (tag.k === 'l2' ? { ...tag, parametersOf: owner } : tag)) : summed;
      }
      case 'unseen':
        return union([{ k: 'opaque' }], ...args, ...keywords.values());
      case 'external':
        return asData(unionOf([...args, ...keywords.values()]));
      case 'value': {
        const value = this.evaluate(callee, scope, context);
        // `loss_fn(labels, logits)` with a Keras loss object: a data loss, whatever the arguments.
        if (value.length > 0 && value.every((tag) => tag.k === 'dataLoss')) return EMPTY;
        // A model applied to a batch, a loss object: data from data, unless a value it was given reads
        // a collection. A regularizer applied to a variable (`l2_regularizer(scale)(w)`) is a decay term.
        return union(callOf(value), asData(unionOf([...args, ...keywords.values()])));
      }
      case 'irrelevant':
        return EMPTY;
    }
  }

  private evaluateMethodCall(call: Expr & { kind: 'call' }, callee: Expr & { kind: 'attr' }, scope: Scope, context?: EvalContext, element?: TupleItem): Value {
    const receiver = this.evaluate(callee.object, scope, context);
    const args = call.args.map((arg) => this.evaluate(arg, scope, context));
    const keywords = this.evaluateKeywords(call, scope, context);
    const method = this.selfMethod(callee, scope) ?? this.instanceMethod(callee, scope);
    if (method) return this.instantiateCall(method.ref, call, method.self ? [receiver, ...args] : args, keywords, scope, context, element);
    if (graphCollectionMethods.has(callee.attr)) {
      // `tf.get_default_graph().add_to_collection(...)`: the graph's own collection methods.
      return this.evaluateTensorflowCall(callee.attr, args, keywords, site(scope, call.range), context);
    }
    const at = site(scope, call.range);
    if (callee.attr === 'parse_args' || callee.attr === 'parse_known_args') {
      // The parser's record (made where it was constructed), else this module's options; `parse_known_args` gives `(args, rest)`.
      const parsed = receiver.some((tag) => tag.k === 'fields') ? receiver.filter((tag) => tag.k === 'fields') : this.optionsRecord(moduleOptions(scope.module).argparse, scope.module);
      return callee.attr === 'parse_known_args' && element?.index === 1 ? EMPTY : parsed;
    }
    // `cfg.get('weight_decay', 1e-4)` on a record: the field, or the default when the record lacks it.
    // On a parameter, the field the caller's record gives (`cfg.get('weight_decay', 0.0)` in a helper).
    if (callee.attr === 'get' && call.args[0]?.kind === 'str' && receiver.some((tag) => tag.k === 'fields' || tag.k === 'param')) {
      const key = call.args[0].value;
      const records = receiver.filter((tag) => tag.k === 'fields');
      if (records.length === 0) return selectField(receiver, key);
      return union(selectField(receiver, key), records.some((tag) => !tag.fields.has(key)) ? args[1] ?? [{ k: 'none' }] : EMPTY);
    }
    if (isScriptPath(scope.module.filePath)) {
      const tfjs = evaluateTfjsMethod({ method: callee.attr, receiver, args, site: at, emit: (effect) => context?.effects.push(effect) });
      if (tfjs) return tfjs;
    }
    // Tensor methods of PyTorch penalties: p.pow(2), p.square(), .sum(), p.norm().
    if ((callee.attr === 'pow' && args[0]?.some((tag) => tag.k === 'num' && tag.value === 2)) || callee.attr === 'square') return squareOf(receiver, at);
    const summed = callee.attr === 'sum' ? sumOf(receiver, at) : undefined;
    if (summed) return summed;
    if (callee.attr === 'norm') return normOf(receiver, at);
    // The loop variable of `for name, p in model.named_parameters()` holds this module's parameters.
    if ((callee.attr === 'parameters' || callee.attr === 'named_parameters') && call.args.length === 0) {
      const owner = dottedName(callee.object);
      if (owner) return [{ k: 'weights', of: owner }];
    }
    if ((callee.attr === 'add_weight' || callee.attr === 'add_variable') && !isScriptPath(scope.module.filePath)) {
      // `self.add_weight(shape, regularizer=l2(wd))` in a Keras layer: the term joins model.losses.
      this.recordRegularizers(call, true, keywords, scope, context, weightRegularizerKeywords);
    }
    if (callee.attr === 'add_loss' && !isScriptPath(scope.module.filePath)) {
      // `self.add_loss(wd * tf.reduce_sum(tf.square(self.kernel)))` in a Keras layer or model: the
      // term joins model.losses, like a layer regularizer's (an unscaled l2 term has factor 1).
      const one = { k: 'num' as const, value: 1, site: at };
      // A factor read from the layer itself (`self.wd`) is its configuration: on, by an unknown amount.
      const terms = (args[0] ?? keywords.get('losses') ?? EMPTY).flatMap((tag): Tag[] => {
        if (tag.k === 'l2') return [{ k: 'decay', term: { factor: one, gradScale: tag.gradScale, l2Site: tag.site, parametersOf: tag.parametersOf } }];
        if (tag.k !== 'decay') return [];
        const fromSelf = tag.term.factor.k === 'param' && (tag.term.factor.name === 'self' || isStoredArgument(tag.term.factor.name));
        return [fromSelf ? { k: 'decay', term: { ...tag.term, factor: { k: 'unknown' } } } : tag];
      });
      if (terms.length > 0) context?.effects.push({ k: 'write', key: { k: 'lit', value: KERAS_LOSSES }, value: terms, site: at, origin: 'keras' });
      return EMPTY;
    }
    // TensorFlow Addons: `apply_gradients(..., decay_var_list=kernels)` names what decays.
    // Keras: each exclude_from_weight_decay call replaces the names and variables the previous one excluded.
    const excludes = callee.attr === 'exclude_from_weight_decay' || ((callee.attr === 'apply_gradients' || callee.attr === 'minimize') && keywords.has('decay_var_list'));
    // On an optimizer a helper is given, the caller's: substituted when the helper is instantiated.
    const optimizers = receiver.filter((tag) => (tag.k === 'optimizer' && tag.weightDecay?.keras) || (tag.k === 'param' && !tag.derived));
    if (excludes && optimizers.length > 0) context?.effects.push({ k: 'decayExclusion', optimizer: optimizers, site: at, calledOn: `${scope.key}|${dottedName(callee.object) ?? ''}` });
    if (callee.attr === 'exclude_from_weight_decay') return EMPTY;
    if (callee.attr === 'stateless_call' && keywordIs(call, 'return_losses', 'True')) {
      // Keras 3: `y, non_trainable, losses = model.stateless_call(..., return_losses=True)`: the third is model.losses.
      const losses: Value = [{ k: 'list', key: { k: 'lit', value: KERAS_LOSSES }, site: at }];
      return element ? (element.index === 2 ? losses : EMPTY) : losses;
    }
    if (callee.attr === 'add_param_group' && call.args[0]) {
      // `optimizer.add_param_group({'params': g, 'weight_decay': wd})`: that group decays too.
      const group = groupDecays(call.args[0], scope).find((candidate) => !isDisabled(this.evaluate(candidate.decay.value, scope)));
      for (const tag of group ? receiver : []) {
        if (tag.k !== 'optimizer' || tag.weightDecay?.optax || tag.weightDecay?.keras) continue;
        const decaySite = site(scope, group!.decay.range);
        const weightDecay: OptimizerDecay = { factor: factorOf(this.evaluate(group!.decay.value, scope)), site: decaySite, parametersOf: group!.params ? parametersOwner(group!.params, scope) : undefined };
        context?.effects.push({ k: 'optimizer', tag: { ...tag, weightDecay }, site: tag.site });
      }
      return EMPTY;
    }
    if (callee.attr === 'create_estimator_spec') {
      // A tf.estimator head computes the loss from labels and logits, adds `regularization_losses=`
      // when given, and hands it to `train_op_fn` (a callback, usually nested).
      const trainOpFn = call.keywords.find((keyword) => keyword.name === 'train_op_fn')?.value;
      const resolved = trainOpFn?.kind === 'name' ? this.resolveCallee(trainOpFn.id, scope) : undefined;
      if (resolved?.kind === 'function') {
        const headLoss = toSum(keywords.get('regularization_losses') ?? EMPTY, at, context);
        this.instantiateCall(resolved.ref, call, [headLoss], new Map(), scope, context);
      }
      return asData(unionOf([receiver, ...args, ...keywords.values()]));
    }
    if (callee.attr === 'compute_loss') {
      // Keras' Model.compute_loss adds the model's regularization losses itself.
      return union([{ k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site: at }], receiver, ...args, ...keywords.values());
    }
    // `tape.gradient(loss, model.trainable_variables)` trains; a gradient with respect to inputs
    // (saliency maps, adversarial examples) does not.
    if (callee.attr === 'gradient' && call.args.length >= 2 && this.isTrainableVariables(call.args[1], scope)) {
      // `tape.gradient(loss, model.trainable_variables)`: a Keras custom loop's sink.
      const lossName = dottedName(call.args[0]);
      const definition = call.args[0].kind === 'name' ? this.onlyAssignment(call.args[0].id, scope) : undefined;
      context?.effects.push({
        k: 'sink',
        loss: args[0],
        optimizer: EMPTY,
        site: at,
        method: 'gradient',
        lossName,
        lossSite: site(scope, call.args[0].range),
        statement: statementSite(scope, context),
        lossDefinition: definition ? site(scope, definition.range) : undefined,
        trainedModel: call.args[1].kind === 'attr' ? dottedName(call.args[1].object) : undefined,
      });
      return EMPTY;
    }
    if (callee.attr === 'fit' && !this.overridesTrainStep(scope.module)) {
      // `model.fit(...)`: Keras adds model.losses to the compiled loss itself (not when a model class
      // of this code overrides `train_step`: fit runs that, whose own gradient call is the sink).
      context?.effects.push({ k: 'sink', loss: [{ k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site: at }], optimizer: EMPTY, site: at, method: 'fit' });
      return EMPTY;
    }
    if (callee.attr === 'manual_backward' && call.args[0]) {
      // Lightning's manual optimization: `self.manual_backward(loss)`.
      context?.effects.push({ k: 'sink', loss: args[0], optimizer: EMPTY, site: at, method: 'manual_backward', lossName: dottedName(call.args[0]), lossSite: site(scope, call.args[0].range), statement: statementSite(scope, context) });
      return EMPTY;
    }
    if (callee.attr === 'backward' && call.args.length === 0) {
      // `loss.backward()`: PyTorch's sink.
      context?.effects.push({ k: 'sink', loss: receiver, optimizer: EMPTY, site: at, method: 'backward', lossName: dottedName(callee.object), lossSite: site(scope, callee.object.range), statement: statementSite(scope, context) });
      return EMPTY;
    }
    if (callee.attr === 'minimize' || callee.attr === 'compute_gradients') {
      const lossExpr = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'loss')?.value;
      context?.effects.push({
        k: 'sink',
        loss: args[0] ?? keywords.get('loss') ?? EMPTY,
        optimizer: receiver.filter((tag) => tag.k === 'optimizer'),
        site: site(scope, call.range),
        method: callee.attr,
        lossName: lossExpr ? dottedName(lossExpr) : undefined,
        lossSite: lossExpr ? site(scope, lossExpr.range) : undefined,
        statement: statementSite(scope, context),
      });
      return EMPTY;
    }
    const value = unionOf([receiver, ...args, ...keywords.values()]);
    if (passThroughMethods.has(callee.attr)) return value;
    // An object handed in (an argument, stored or not) may be of any workspace class; a library
    // object (`Dense(10).build(...)`) is not, whatever names the workspace's methods share with it.
    const handedIn = receiver.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived));
    if (handedIn && this.methodDefinitionCount(callee.attr) > 0) {
      const only = this.onlyWorkspaceMethod(callee.attr);
      if (only) return this.instantiateCall(only.ref, call, only.self ? [receiver, ...args] : args, keywords, scope, context, element);
      return union(value, [{ k: 'opaque' }]);
    }
    // A method of this module's classes called on an object not tracked: anything.
    if (methodNames(scope.module).has(callee.attr)) return union(value, [{ k: 'opaque' }]);
    return asData(value);
  }

  /**
   * What `tape.gradient(loss, ...)` differentiates for: a model's trainable variables
   * (`model.trainable_variables`), a name bound to them, their concatenation, or a tuple of such.
   */
  private isTrainableVariables(expr: Expr, scope: Scope, depth = 0): boolean {
    if (depth > 4) return false;
    if (expr.kind === 'attr') return trainableAttributes.has(expr.attr);
    if (expr.kind === 'name') {
      const assigned = this.onlyAssignment(expr.id, scope);
      return assigned !== undefined && this.isTrainableVariables(assigned, scope, depth + 1);
    }
    if (expr.kind === 'binop' && expr.op === '+') return this.isTrainableVariables(expr.left, scope, depth + 1) && this.isTrainableVariables(expr.right, scope, depth + 1);
    if (expr.kind === 'group' && expr.tuple) return expr.items.length > 0 && expr.items.every((item) => this.isTrainableVariables(item, scope, depth + 1));
    return false;
  }

  /** A class of this module or of a workspace module it imports defines `train_step` (a Keras override). */
  private overridesTrainStep(module: ModuleInfo): boolean {
    const definesIt = (candidate: ModuleInfo) => methodNames(candidate).has('train_step');
    if (definesIt(module)) return true;
    for (const target of [...module.imports.values(), ...module.starImports]) {
      const resolved = this.resolver.resolve(target, module);
      if (!resolved) continue;
      this.frame.modules.add(resolved.module.uri);
      if (definesIt(resolved.module)) return true;
    }
    return false;
  }

  private evaluateTensorflowCall(member: string, args: Value[], keywords: Map<string, Value>, callSite: Site, context?: EvalContext, decaySite?: Site): Value {
    // Keras losses compute from labels and predictions only: `tf.keras.losses.mse(y, p)` is data,
    // `tf.keras.losses.MeanSquaredError()` an object whose calls are.
    const kerasLoss = /^keras\.losses\.(?:(?<fn>[a-z_]+)|[A-Z]\w*)$/.exec(member);
    if (kerasLoss) return kerasLoss.groups?.fn ? EMPTY : [{ k: 'dataLoss' }];
    const arg = (index: number, name: string): Value => args[index] ?? keywords.get(name) ?? EMPTY;
    const kind = optimizerKind(member);
    if (kind) {
      const momentum = kind === 'momentum' ? knownValue(factorOf(arg(1, 'momentum'))) : undefined;
      const decay = keywords.get('weight_decay') ?? (decaysUnscaled(member) ? args[0] : undefined);
      const kerasDecay: OptimizerDecay | undefined =
        (member.startsWith('keras.') || decaysUnscaled(member)) && (decay ? !isDisabled(decay) : kind === 'adamw')
          ? {
              factor: decay ? factorOf(decay) : { k: 'num', value: KERAS_ADAMW_DEFAULT_DECAY, site: callSite },
              site: decaySite ?? callSite,
              allParameters: decaySite ?? callSite,
              keras: { exclusions: [], addons: decaysUnscaled(member) || undefined },
            }
          : undefined;
      const tag: OptimizerTag = { k: 'optimizer', name: member.split('.').pop()!, kind, learningRate: factorOf(arg(decaysUnscaled(member) ? 1 : 0, 'learning_rate')), site: callSite, momentum, weightDecay: kerasDecay };
      if (kerasDecay) context?.effects.push({ k: 'optimizer', tag, site: callSite });
      return [tag];
    }
    switch (tfRole(member)) {
      case 'l2Loss':
        return [{ k: 'l2', gradScale: 1, site: callSite }];
      case 'square':
        return squareOf(arg(0, 'x'), callSite);
      case 'multiply':
        return multiply(arg(0, 'x'), arg(1, 'y'), callSite);
      case 'addToCollection':
        context?.effects.push({ k: 'write', key: keyOf(arg(0, 'name')), value: arg(1, 'value'), site: callSite, guard: context.guard });
        return EMPTY;
      case 'addToCollections':
        for (const tag of arg(0, 'names')) {
          if (tag.k === 'str') {
            context?.effects.push({ k: 'write', key: { k: 'lit', value: tag.value }, value: arg(1, 'value'), site: callSite, guard: context.guard });
          }
        }
        return EMPTY;
      case 'getCollection':
        return [{ k: 'list', key: keyOf(arg(0, 'key')), site: callSite, scoped: arg(1, 'scope').length > 0 || undefined }];
      case 'getLosses':
        return [{ k: 'list', key: { k: 'lit', value: 'losses' }, site: callSite }];
      case 'getTotalLoss':
        return toSum(
          [
            { k: 'list', key: { k: 'lit', value: 'losses' }, site: callSite },
            { k: 'list', key: { k: 'lit', value: 'regularization_losses' }, site: callSite },
          ],
          callSite,
          context,
        );
      case 'getRegularizationLoss': {
        const list: Value = [{ k: 'list', key: { k: 'lit', value: 'regularization_losses' }, site: callSite, scoped: arg(0, 'scope').length > 0 || undefined }];
        return member.endsWith('losses') ? list : toSum(list, callSite, context);
      }
      case 'sumList':
        return toSum(unionOf(args), callSite, context);
      case 'reduceMean':
        return toSum(arg(0, 'input_tensor'), callSite, context);
      case 'reduceSum': {
        const input = arg(0, 'input_tensor');
        return sumOf(input, callSite) ?? toSum(input, callSite, context);
      }
      case 'gradients':
        context?.effects.push({ k: 'sink', loss: arg(0, 'ys'), optimizer: EMPTY, site: callSite, method: 'tf.gradients' });
        return EMPTY;
      case 'optimizeLoss': {
        const name = arg(3, 'optimizer').find((tag) => tag.k === 'str');
        const optimizer: Tag = {
          k: 'optimizer',
          name: name?.k === 'str' ? name.value : 'optimizer',
          kind: name?.k === 'str' ? optimizerNames[name.value] ?? 'unknown' : 'unknown',
          learningRate: factorOf(arg(2, 'learning_rate')),
          site: callSite,
        };
        context?.effects.push({ k: 'sink', loss: arg(0, 'loss'), optimizer: [optimizer], site: callSite, method: 'optimize_loss' });
        return EMPTY;
      }
      case 'createTrainOp':
        context?.effects.push({
          k: 'sink',
          loss: arg(0, 'total_loss'),
          optimizer: arg(1, 'optimizer').filter((tag) => tag.k === 'optimizer'),
          site: callSite,
          method: 'create_train_op',
        });
        return EMPTY;
      case 'l2Regularizer':
        return [{ k: 'regularizer', factor: factorOf(arg(0, 'scale')), gradScale: 1, site: callSite }];
      case 'kerasL2Regularizer':
        return [{ k: 'regularizer', factor: factorOf(arg(0, 'l2')), gradScale: 2, site: callSite }];
      case 'kerasL1L2Regularizer': {
        // The L2 part is the second argument. Left out, the class L1L2 has none; the function
        // l1_l2's default differs between tf.keras (0.01) and Keras 3 (0): unknown.
        const l2 = arg(1, 'l2');
        if (l2.length === 0 && member.endsWith('L1L2')) return EMPTY;
        return [{ k: 'regularizer', factor: factorOf(l2), gradScale: 2, site: callSite }];
      }
      case 'learningRateSchedule':
        return arg(0, 'learning_rate').filter((tag) => tag.k === 'num' || tag.k === 'param');
      default: {
        const value = unionOf([...args, ...keywords.values()]);
        return passesThrough(member) ? value : asData(value);
      }
    }
  }

  private instantiateCall(
    ref: FunctionRef,
    call: Expr & { kind: 'call' },
    args: Value[],
    keywords: Map<string, Value>,
    scope: Scope,
    context?: EvalContext,
    element?: TupleItem,
  ): Value {
    this.frame.calls.add(ref.key);
    const summary = this.summarize(ref);
    const bindings = new Map<string, Value>();
    const params = ref.fn.params;
    const positional = params.findIndex((param) => param.rest === 'positional');
    // `f(**options)` with a mapping not known: any parameter no argument fills may come from it.
    const unknownSplat = call.keywords.some((keyword) => keyword.name === SPLAT);
    params.forEach((param, index) => {
      if (param.rest === 'positional') bindings.set(param.name, unionOf(args.slice(index)));
      else if (param.rest === 'keywords') {
        const rest = new Map([...keywords].filter(([name]) => !params.some((other) => (other.keyword ?? other.name) === name)));
        bindings.set(param.name, unionOf([...rest.values(), [{ k: 'fields', fields: rest }]]));
      } else {
        const value = (positional < 0 || index < positional ? args[index] : undefined) ?? keywords.get(param.keyword ?? param.name);
        const defaultValue = param.defaultValue && this.evaluate(param.defaultValue, this.moduleScope(ref.module));
        if (value) bindings.set(param.name, value);
        else if (unknownSplat) bindings.set(param.name, union(defaultValue ?? EMPTY, [{ k: 'opaque' }]));
        else if (defaultValue) bindings.set(param.name, defaultValue);
      }
    });
    const instance: Instantiation = { bindings, variable: this.variableAt(call, ref, scope, context), root: false };
    if (context) {
      for (const effect of summary.effects) {
        const concrete = this.instantiateEffect(effect, instance);
        if (concrete) context.effects.push(context.guard && concrete.k === 'write' && !concrete.guard ? { ...concrete, guard: context.guard } : concrete);
      }
      // `with slim.arg_scope([slim.conv2d], weights_regularizer=R): net = block(x)`: the scope
      // reaches the layers `block` calls. Those it does not reach wait for a caller's scope.
      for (const layer of summary.layerCalls) {
        const inherited = (context.enclosing?.argScopes ?? [])
          .flatMap((argScope) => (argScope.functions.has(layer.member) ? argScope.keywords : []))
          .filter((keyword) => !layer.given.includes(keyword.name));
        if (inherited.some((keyword) => regularizerKeywords.has(keyword.name))) this.recordInheritedRegularizers(layer, inherited, scope, context);
        else addLayerCall(this.frame, layer);
      }
    }
    const caller = this.bodyPenalties[this.bodyPenalties.length - 1];
    if (caller && summary.returnedPenalties) for (const penalty of summary.returnedPenalties) if (!caller.some((known) => known.term.site === penalty.term.site)) caller.push(penalty);
    const items = element && summary.returnItems?.length === element.count ? summary.returnItems[element.index] : undefined;
    return substitute(items ?? summary.returns, instance);
  }

  /** The variable a helper call creates: `kernel = _variable_with_weight_decay('weights', shape=[5, 5, 3, 64], ...)`. */
  private variableAt(call: Expr & { kind: 'call' }, ref: FunctionRef, scope: Scope, context?: EvalContext) {
    const shapeIndex = ref.fn.params.findIndex((param) => param.name === 'shape');
    const shapeExpr = call.keywords.find((keyword) => keyword.name === 'shape')?.value ?? (shapeIndex >= 0 ? call.args[shapeIndex] : undefined);
    return {
      ...assignedName(call, scope, context),
      call: site(scope, call.range),
      helper: ref.fn.name,
      shape: shapeExpr ? describeShape(shapeExpr) : undefined,
    };
  }

  /** Effects of a function that no resolved call reaches: parameters are unknown, helper-gated decay is off. */
  rootEffects(summary: Summary): Effect[] {
    const instance: Instantiation = { bindings: new Map(), root: true };
    return summary.effects.flatMap((effect) => this.instantiateEffect(effect, instance) ?? []);
  }

  private instantiateEffect(effect: Effect, instance: Instantiation): Effect | undefined {
    switch (effect.k) {
      case 'write': {
        let guard = effect.guard;
        if (guard) {
          const guardValue = instance.bindings.get(guard.param);
          if (instance.root) return undefined;
          const enabled = !guardValue || !disablesGuard(guard, guardValue);
          const value = enabled ? substitute(effect.value, instance) : EMPTY;
          const forwarded = guardValue?.length === 1 && guardValue[0].k === 'param' ? guardValue[0].name : undefined;
          // A guard forwarded to the caller's parameter (`add_weight_decay(w, weight_decay)` in a
          // layer's __init__) is decided by the caller's calls, recorded where they instantiate it.
          // A guard around a decay term written by hand (`if wd:`, `if use_decay:`) switches decay; around
          // a regularized layer (`if downsample:` before a conv) it is just a branch, unless it tests the factor.
          const switchesDecay = !effect.origin || effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param' && tag.term.factor.name === guard!.param);
          if (!forwarded && switchesDecay) this.recordHelperCall(effect, instance, enabled && !value.some((tag) => tag.k === 'decay' && isZeroDecay(tag.term)));
          if (!enabled) return undefined;
          guard = forwarded ? { ...guard, param: forwarded } : undefined;
          return { ...effect, key: substituteKey(effect.key, instance), value, guard };
        }
        // A helper's decay given by its caller: off where nobody calls it. A field of a parameter
        // (`params['weight_decay']` in an Estimator's model_fn) is configuration: on, by an unknown amount.
        if (instance.root && effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param' && !tag.term.factor.path && !isStoredArgument(tag.term.factor.name))) return undefined;
        const value = substitute(effect.value, instance);
        // A regularizer argument the caller left out (None) or gave as something else adds nothing.
        if (effect.origin && !value.some((tag) => tag.k === 'decay' || tag.k === 'param')) return undefined;
        // Likewise a decay factor that is still a parameter: the caller's calls give it.
        if (effect.value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param') && !value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param')) {
          this.recordHelperCall(effect, instance, hasLiveDecay(value));
        }
        return { ...effect, key: substituteKey(effect.key, instance), value };
      }
      case 'sum':
        return { ...effect, key: substituteKey(effect.key, instance) };
      case 'sink':
        return { ...effect, loss: substitute(effect.loss, instance), optimizer: substitute(effect.optimizer, instance) };
      case 'optimizer':
        return { ...effect, tag: substituteOptimizer(effect.tag, instance) };
      case 'decayExclusion':
        return { ...effect, optimizer: substitute(effect.optimizer, instance) };
      case 'layer':
      case 'layerRegularizer':
      case 'modelRebuild':
        return effect;
    }
  }

  private recordHelperCall(effect: Effect & { k: 'write' }, instance: Instantiation, enabled: boolean): void {
    if (instance.variable) {
      const machinery = effect.guard ? { uri: effect.site.uri, range: effect.guard.range } : effect.site;
      this.frame.helperCalls.push({ writeSite: effect.site, machinery, call: instance.variable.call, helper: instance.variable.helper, enabled });
    }
  }
}

function toSum(value: Value, at: Site, context?: EvalContext): Value {
  let targets: string[] | undefined;
  return value.map((tag) => {
    if (tag.k !== 'list') return tag;
    targets ??= context?.assigned ? targetNames(context.assigned.targets) : [];
    context?.effects.push({ k: 'sum', key: tag.key, site: at, readSite: tag.site, target: targets[0], scoped: tag.scoped });
    return { k: 'sum', key: tag.key, site: at };
  });
}

/** The factor of the value's decay term, when it is a number. */
function knownDecay(value: Value): number | undefined {
  for (const tag of value) if (tag.k === 'decay' && tag.term.factor.k === 'num') return tag.term.factor.value;
  return undefined;
}

/** A decay term whose factor is not known to be zero. */
function hasLiveDecay(value: Value): boolean {
  return value.some((tag) => tag.k === 'decay' && !isZeroDecay(tag.term));
}

function site(scope: Scope, range: Expr['range']): Site {
  return { uri: scope.module.uri, range };
}

function describeShape(expr: Expr): string | undefined {
  if (expr.kind !== 'group') return undefined;
  return `[${expr.items.map((item) => (item.kind === 'num' ? String(item.value) : item.kind === 'name' ? item.id : '?')).join(', ')}]`;
}

/** PyTorch layers with a bias unless given `bias=False`. */
const BIASED_LAYER = /^nn\.(?:Linear|Bilinear|Conv\w*|LazyLinear|LazyConv\w*|RNN|LSTM|GRU)$/;

/** A PyTorch layer call that creates no bias and no normalization parameters (`nn.Linear(a, b, bias=False)`, `nn.ReLU()`). */
function torchLayerOwnsOnlyWeights(member: string, call: Expr & { kind: 'call' }): boolean {
  if (/Norm/.test(member) || member === 'nn.MultiheadAttention') return false;
  const biased = BIASED_LAYER.test(member);
  return !biased || keywordIs(call, 'bias', 'False');
}

/** `name(...)`: a call of the name itself (`loss = loss(logits, labels)`). */
function callsName(expr: Expr, name: string): boolean {
  return expr.kind === 'call' && expr.callee.kind === 'name' && expr.callee.id === name;
}

/** The keyword argument that gives `name`: written out, or the `**mapping` it came from. */
function keywordGiving(name: string, call: Expr & { kind: 'call' }, keywords: ReadonlyMap<string, Value>): Keyword | undefined {
  return call.keywords.find((keyword) => keyword.name === name) ?? (keywords.has(name) ? call.keywords.find((keyword) => keyword.name === SPLAT) : undefined);
}

/** The class whose method `expr` is the instance of: `self` in a Python method (or a function nested in one), `this` in TS/JS. */
function classOfReceiver(expr: Expr, scope: Scope): string | undefined {
  if (expr.kind !== 'name' || expr.id !== (isScriptPath(scope.module.filePath) ? 'this' : 'self')) return undefined;
  let s: Scope | undefined = scope;
  while (s && !(s.fn && s.fn.name.includes('.'))) s = s.parent;
  return s?.fn?.name.slice(0, s.fn.name.lastIndexOf('.'));
}

function statementSite(scope: Scope, context: EvalContext | undefined): Site | undefined {
  return context?.statement ? site(scope, context.statement) : undefined;
}

/**
 * Deduplicated: every call site of a function brings its layer calls up to the caller, so without
 * it a chain of functions each calling the next twice doubles them per level.
 */
function addLayerCall(frame: Frame, layer: LayerCall): void {
  const key = `${siteKey(layer.site)}|${layer.given.join(',')}`;
  if (!frame.layerCalls.has(key)) frame.layerCalls.set(key, layer);
}

/** The name a call's value is assigned to by its statement (`net = slim.conv2d(...)`), and where. */
function assignedName(call: Expr, scope: Scope, context: EvalContext | undefined): { name?: string; nameSite?: Site } {
  const target = context?.assigned?.call === call ? context.assigned.targets.find((t) => t.kind === 'name') : undefined;
  return target?.kind === 'name' ? { name: target.id, nameSite: site(scope, target.range) } : {};
}

/** The names of the methods a module's classes define (`train_step` for `Net.train_step`), once per module version. */
const methodNamesOf = new WeakMap<ModuleInfo, Set<string>>();

function methodNames(module: ModuleInfo): Set<string> {
  let names = methodNamesOf.get(module);
  if (!names) methodNamesOf.set(module, (names = new Set(module.methods.map(methodName))));
  return names;
}

/** `Net.loss` -> `loss`. */
function methodName(method: FunctionDef): string {
  return method.name.slice(method.name.lastIndexOf('.') + 1);
}

/** `setattr(layer, 'kernel_regularizer', r)`: the attribute assignment it makes. */
function attributeSetBy(expr: Expr): { target: Expr & { kind: 'attr' }; value: Expr } | undefined {
  if (expr.kind !== 'call' || expr.callee.kind !== 'name' || expr.callee.id !== 'setattr' || expr.args.length !== 3) return undefined;
  const [object, name, value] = expr.args;
  return name.kind === 'str' ? { target: { kind: 'attr', object, attr: name.value, range: expr.range }, value } : undefined;
}

/** slim and tf.contrib.layers functions, which `arg_scope` can give defaults (tf.keras layers ignore it). */
function takesArgScope(member: string): boolean {
  return member.startsWith('contrib.slim.') || member.startsWith('contrib.layers.');
}

/** A regularizer's term, written to the collection its framework keeps them in. */
function regularizerWrite(tag: Tag & { k: 'regularizer' }, keywordSite: Site, variable: DecayTerm['variable'], keras: boolean): Effect {
  return {
    k: 'write',
    key: { k: 'lit', value: keras ? KERAS_LOSSES : 'regularization_losses' },
    value: [{ k: 'decay', term: { factor: tag.factor, gradScale: tag.gradScale, l2Site: keywordSite, variable } }],
    site: keywordSite,
    origin: keras ? 'keras' : 'regularizer',
  };
}
