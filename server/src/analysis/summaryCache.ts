// Function summaries kept across analyses, and what each one consulted: a summary is reused while
// its IR, the modules it read and the summaries of its callees are unchanged. Also the per-run
// bookkeeping the evaluation needs around it: the frame of the body being summarized, recursion
// stubs, and values shared by all the summaries of one run.
import { discardedKey, helperCallKey, siteKey } from './decayFlow';
import type { DiscardedTerm, Effect, HelperCall } from './effects';
import type { FunctionDef, Stmt } from './ir';
import { methodName, type ModuleInfo } from './moduleInfo';
import type { Penalty } from './penalties';
import type { Scope } from './scope';
import { EMPTY, type Site, type Value } from './values';
import { moduleOptions, optionsSignature } from './commandLineOptions';
import { attributesSetFromOutside, classesUsedAsValues, constructionCounts } from './constructions';
import { methodCounts as countMethods } from './linkFacts';

export interface FunctionRef {
  key: string;
  module: ModuleInfo;
  fn: FunctionDef;
  /** The enclosing function's scope, for nested functions. */
  parent?: Scope;
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
  /** Layer calls here or in callees that a caller's `arg_scope` may still give keyword defaults. */
  layerCalls: LayerCall[];
}

/**
 * A library layer call (`slim.conv2d(...)`) without a regularizer of its own: `arg_scope`
 * defaults apply to it wherever the scope is entered, in this function or in one that calls it.
 */
export interface LayerCall {
  member: string;
  site: Site;
  /** The name it is assigned to (`net = slim.conv2d(...)`), for describing the decayed variable. */
  name?: string;
  nameSite?: Site;
  /** Keywords it has already (written, or from an arg_scope around it): a default does not replace them. */
  given: readonly string[];
}

/** What one body's evaluation found, besides its summary: the parts analyses aggregate. */
export interface Frame {
  calls: Set<string>;
  helperCalls: HelperCall[];
  discarded: DiscardedTerm[];
  /** By site and given keywords: a layer reached along many call paths is one. */
  layerCalls: Map<string, LayerCall>;
  /** Summaries of cacheable callees this body used: if one changes, this body is re-evaluated. */
  callees: Map<string, Summary>;
  /** Modules whose top level or names this body consulted, with their generation. */
  modules: Set<string>;
  /** Function bodies (by cache key) whose statements this body read without summarizing them (a method's locals). */
  bodies: Map<string, readonly Stmt[]>;
}

function newFrame(): Frame {
  return { calls: new Set(), helperCalls: [], discarded: [], layerCalls: new Map(), callees: new Map(), modules: new Set(), bodies: new Map() };
}

/** What a recursive call sees: nothing. Stands for a summary still being computed, never cached. */
export const RECURSION: Summary = { returns: EMPTY, effects: [], calls: new Set(), helperCalls: [], discarded: [], layerCalls: [] };

/** The pseudo-module whose generation is that of all flag definitions (see generationOf). */
const FLAGS_DEFINITIONS = '#flag-definitions';
/** The pseudo-module whose generation is that of the workspace's method names. */
const METHOD_NAMES = '#method-names';
/** The pseudo-module whose generation is that of where the workspace's classes are constructed. */
const CONSTRUCTIONS = '#constructions';

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

interface CacheEntry {
  /** The IR this summary was computed from (unchanged statements keep their IR objects). */
  body: readonly Stmt[];
  summary: Summary;
  callees: Map<string, Summary>;
  moduleGenerations: Map<string, number>;
  bodies: Map<string, readonly Stmt[]>;
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

export class SummaryCache {
  /** Summaries of top-level functions, methods and module bodies, kept across analyses. */
  private readonly cache = new Map<string, CacheEntry>();
  private readonly moduleStates = new Map<string, ModuleState>();
  private memo = new Map<string, Summary>();
  private inProgress = new Set<string>();
  /**
   * Summaries of this run computed while a function they call (directly or not) was still being
   * summarized above them, by key, with those functions: they saw its stub, so they are not final
   * and are computed again when asked (the function itself, once done, is).
   */
  private provisional = new Map<string, Set<string>>();
  /** Cache entries whose callees are being checked: a cycle among them must not recurse forever. */
  private validating = new Set<string>();
  private frames: Frame[] = [];
  /** Values shared by the summaries of this run, with what they consulted (see sharedThisRun). */
  private consulted = new Map<string, { value: Value; modules: Set<string>; callees: Map<string, Summary>; bodies: Map<string, readonly Stmt[]> }>();
  /** The workspace-wide facts (pseudo-modules, see beginRun) as last seen, with their generations. */
  private readonly workspaceFacts = new Map<string, { signature: string; generation: number }>();
  /** Per method name, how many classes of the workspace define it, this run. */
  private methodDefinitions: ReadonlyMap<string, number> = new Map();
  private modules = new Map<string, ModuleInfo>();
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
  /** The construction sites' signature, computed when first asked for in a run nothing cached depends on it in. */
  private constructionSites: (() => string) | undefined;

  /**
   * `summarizeKey`: the current summary of a cache key's function or module body, to validate
   * entries that used it; `bodyOfKey`: that function's current statements.
   */
  constructor(
    private readonly summarizeKey: (key: string) => Summary | undefined,
    private readonly bodyOfKey: (key: string) => readonly Stmt[] | undefined,
  ) {}

  /**
   * Starts an analysis of these modules: entries of changed modules, of what consulted them and of
   * whoever used those become suspect; everything else is reused as it is.
   */
  beginRun(modules: ModuleInfo[], methodCounts: ReadonlyMap<string, number> = countMethods(modules.map((module) => module.methods.map(methodName)))): void {
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
    this.methodDefinitions = methodCounts;
    const signatures = new Map([
      [FLAGS_DEFINITIONS, JSON.stringify(modules.flatMap((module) => (moduleOptions(module).flags.size > 0 ? [[module.uri, [...moduleOptions(module).flags]]] : [])))],
      [METHOD_NAMES, JSON.stringify([...this.methodDefinitions].sort())],
    ]);
    // Where classes are constructed costs a walk of every module's calls: only when something depends on it.
    const constructions = () => constructionSignature(modules);
    const dependedOn = (this.moduleDependents.get(CONSTRUCTIONS)?.size ?? 0) > 0;
    if (dependedOn) signatures.set(CONSTRUCTIONS, constructions());
    this.constructionSites = dependedOn ? undefined : constructions;
    for (const [pseudoModule, signature] of signatures) if (this.updateWorkspaceFact(pseudoModule, signature)) changed.push(pseudoModule);
    this.mayBeStale = this.dependentsOf(changed);
    this.memo = new Map();
    this.inProgress = new Set();
    this.provisional = new Map();
    this.validating = new Set();
    this.frames = [];
    this.consulted = new Map();
  }

  /** True when the fact's signature changed (a new generation). */
  private updateWorkspaceFact(pseudoModule: string, signature: string): boolean {
    const previous = this.workspaceFacts.get(pseudoModule);
    if (previous?.signature === signature) return false;
    this.workspaceFacts.set(pseudoModule, { signature, generation: (previous?.generation ?? 0) + 1 });
    return true;
  }

  /** The current summary depends on where the workspace constructs its classes. */
  dependOnConstructions(): void {
    if (this.constructionSites) {
      // Nothing cached depended on it when the run began: a new generation invalidates nothing.
      this.updateWorkspaceFact(CONSTRUCTIONS, this.constructionSites());
      this.constructionSites = undefined;
    }
    this.frame.modules.add(CONSTRUCTIONS);
  }

  /** The modules of this run, by URI. */
  get runModules(): ReadonlyMap<string, ModuleInfo> {
    return this.modules;
  }

  /** The stored top level of a module: the same object while the module's generation is. */
  topLevelOf(module: ModuleInfo): readonly Stmt[] {
    return this.moduleStates.get(module.uri)?.topLevel ?? module.topLevel;
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

  /**
   * The summary of a top-level function, method or module body (`key`), from the cache when still
   * valid, else computed in a frame of its own. The current frame records that it used it.
   */
  cached(key: string, body: readonly Stmt[], compute: () => Summary): Summary {
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
          const stubbed = [...frame.callees].flatMap(([callee, seen]) => (seen === RECURSION ? [callee] : [...(this.provisional.get(callee) ?? [])]));
          const pending = new Set(stubbed.filter((callee) => callee !== key && (this.inProgress.has(callee) || this.validating.has(callee))));
          if (pending.size > 0) this.provisional.set(key, pending);
          const sawRecursion = pending.size > 0 || [...frame.callees.values()].some((callee) => callee === RECURSION);
          this.remember(key, { body, summary, callees: frame.callees, moduleGenerations, bodies: frame.bodies, sawRecursion });
        }
      }
      if (!this.provisional.has(key)) this.memo.set(key, summary);
    }
    caller?.callees.set(key, summary);
    return summary;
  }

  /** A nested function's summary, once per run: it belongs to its parent's IR and entry. */
  memoized(key: string, compute: () => Summary): Summary {
    const memo = this.memo.get(key);
    if (memo) return memo;
    const summary = this.guardRecursion(key, compute);
    this.memo.set(key, summary);
    return summary;
  }

  /** A module's generation; FLAGS_DEFINITIONS and METHOD_NAMES stand for workspace-wide facts. */
  private generationOf(uri: string): number {
    return this.workspaceFacts.get(uri)?.generation ?? this.moduleStates.get(uri)?.generation ?? -1;
  }

  /** How many classes of the workspace define a method of this name (`obj.loss(...)` on an object handed in may run any of them). */
  methodDefinitionCount(name: string): number {
    this.frame.modules.add(METHOD_NAMES);
    return this.methodDefinitions.get(name) ?? 0;
  }

  /** The current summary depends on every module's flag definitions. */
  dependOnFlagDefinitions(): void {
    this.frame.modules.add(FLAGS_DEFINITIONS);
  }

  /** The current summary consulted this module's top level or names. */
  dependOn(uri: string): void {
    this.frame.modules.add(uri);
  }

  /**
   * The current summary read the statements of a function (`key` in `uri`) without summarizing
   * it: an edit of that function's body makes it stale. (The module is consulted too, so that an
   * edit of the file puts the entry among those checked.)
   */
  dependOnBody(uri: string, key: string, body: readonly Stmt[]): void {
    this.frame.modules.add(uri);
    this.frame.bodies.set(key, body);
  }

  private stillValid(key: string, entry: CacheEntry): boolean {
    for (const [uri, generation] of entry.moduleGenerations) {
      if (this.generationOf(uri) !== generation) return false;
    }
    for (const [bodyKey, body] of entry.bodies) if (this.bodyOfKey(bodyKey) !== body) return false;
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
        if (this.summarizeKey(key) !== summary) return false;
      }
      return true;
    } finally {
      this.frames = frames;
      this.validating.delete(key);
    }
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

  /** The frame of the body being summarized. Outside any body (root instantiation) facts have nowhere to go and are not needed. */
  get frame(): Frame {
    return this.frames[this.frames.length - 1] ?? newFrame();
  }

  /** Deduplicated: every call site of a function brings its layer calls up to the caller, so without it a chain of functions each calling the next twice doubles them per level. */
  addLayerCall(layer: LayerCall): void {
    const key = `${siteKey(layer.site)}|${layer.given.join(',')}`;
    if (!this.frame.layerCalls.has(key)) this.frame.layerCalls.set(key, layer);
  }

  /**
   * A value computed once per run for whichever summary asks first (a module-level name, an
   * instance attribute): what it consulted is kept and handed to every later reader too, so an edit
   * there invalidates all of them.
   */
  sharedThisRun(key: string, compute: () => Value): Value {
    if (!this.consulted.has(key)) {
      const frame = newFrame();
      this.frames.push(frame);
      try {
        this.consulted.set(key, { value: compute(), modules: frame.modules, callees: frame.callees, bodies: frame.bodies });
      } finally {
        this.frames.pop();
      }
    }
    return this.replayDependencies(key);
  }

  /** The shared value under `key`, its dependencies added to the current summary's. */
  replayDependencies(key: string): Value {
    const known = this.consulted.get(key);
    if (!known) return EMPTY;
    for (const uri of known.modules) this.frame.modules.add(uri);
    for (const [callee, summary] of known.callees) this.frame.callees.set(callee, summary);
    for (const [bodyKey, body] of known.bodies) this.frame.bodies.set(bodyKey, body);
    return known.value;
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
}

/** Per module, how many calls end in each workspace class's name, the bases of its classes (a subclass's constructions construct its base), the classes it uses as values and the attributes it sets on outside objects. */
function constructionSignature(modules: readonly ModuleInfo[]): string {
  const classNames = new Set(modules.flatMap((module) => [...module.classes]));
  return JSON.stringify(modules.flatMap((module) => {
    const counts = constructionCounts(module, classNames);
    const bases = [...module.classBases].filter(([, names]) => names.length > 0);
    const values = classesUsedAsValues(module, classNames);
    const setOutside = attributesSetFromOutside(module);
    return counts.length > 0 || bases.length > 0 || values.length > 0 || setOutside.length > 0 ? [[module.uri, counts, bases, values, setOutside]] : [];
  }));
}
