// What a name holds: a local or module-level variable (all its assignments, flow-insensitively),
// a parameter, a function used as a value, an imported name, an instance attribute (`self.loss`),
// a config class or dataclass as the record of its attributes.
import type { CalleeResolution } from './calleeResolution';
import { argumentExpr } from './callSites';
import { callsNamed, setFromOutside, usedAsValue, type ConstructionSite } from './constructions';
import { classOfReceiver } from './calleeResolution';
import { dottedName, readExpressions, SPLAT, walkExpressions, walkStatements, type Expr, type FunctionDef } from './ir';
import { storedArgument, substitute } from './instantiation';
import { classOfMethod, methodName, pushTo, type ModuleInfo } from './moduleInfo';
import type { Scope } from './scope';
import type { FunctionRef, Summary, SummaryCache } from './summaryCache';
import { EMPTY, isDisabled, selectPath, union, unionOf, type Tag, type Value } from './values';

/** A module with more module-level names than this is no config module: it is not read as a record. */
const MAX_CONFIG_MODULE_NAMES = 200;

/** The evaluation a name's value is computed with. */
interface Evaluation {
  evaluate(expr: Expr, scope: Scope): Value;
  summarize(ref: FunctionRef): Summary;
  implicitAttribute(module: ModuleInfo, className: string, attr: string): { value: Expr; method: FunctionDef }[] | undefined;
}

/** Construction sites beyond which a constructor's arguments are not looked up. */
const MAX_CONSTRUCTION_SITES = 8;
/** How many constructors an argument is followed through (`HGNN(wd=0)` -> `HyperConv(wd=wd)`). */
const MAX_CONSTRUCTOR_CHAIN = 3;
/** How many classes a config class's bases are followed through. */
const MAX_CONFIG_BASES = 4;

export class NameValues {
  private readonly classRecordsPending = new Set<string>();
  private instanceAttributesPending = new Set<string>();
  /** This run's construction sites, by class: every constructor instantiation asks for them. */
  private sitesOfRun = new Map<string, ConstructionSites>();
  /** This run's subclasses, by the last part of a base's name (`Base` for `models.Base`). */
  private subclassesOfRun: Map<string, { caller: ModuleInfo; subclass: string; base: string }[]> | undefined;

  constructor(
    private readonly evaluator: Evaluation,
    private readonly names: CalleeResolution,
    private readonly cache: SummaryCache,
  ) {}

  beginRun(): void {
    this.instanceAttributesPending = new Set();
    this.sitesOfRun = new Map();
    this.subclassesOfRun = undefined;
  }

  evaluateName(id: string, scope: Scope): Value {
    const memo = scope.memo.get(id);
    if (memo) {
      if (!scope.fn) this.cache.replayDependencies(`${scope.key}\n${id}`);
      return memo;
    }
    if (scope.pending.has(id)) return EMPTY;
    if (scope.fn) return this.computeName(id, scope);
    return this.cache.sharedThisRun(`${scope.key}\n${id}`, () => this.computeName(id, scope));
  }

  /**
   * `losses['total']` after `total = tf.add_n(list(losses.values()))` and `losses['total'] = total`:
   * the entry the record leaves out (it was computed from the record), read by its own key.
   */
  storedBackEntry(id: string, key: string, scope: Scope): Expr[] {
    let owner: Scope | undefined = scope;
    while (owner && !owner.assigns.has(id) && !owner.params.has(id)) owner = owner.parent;
    const set = owner?.fieldAssigns.get(id) ?? [];
    return set.flatMap((expr) => (expr.kind === 'group' && expr.keys?.length === 1 && expr.keys[0] === key && computedFrom(fieldValue(expr), id, owner!) ? [fieldValue(expr)] : []));
  }

  private computeName(id: string, scope: Scope): Value {
    scope.pending.add(id);
    let value: Value = EMPTY;
    const assigned = scope.assigns.get(id);
    if (scope.params.has(id)) value = [{ k: 'param', name: id }];
    if (assigned) {
      // An item set to what was computed from the container itself (`loss = tf.add_n(list(losses.values()))`,
      // then `losses['loss'] = loss` for logging) would read it while it is being built.
      value = union(value, ...assigned.filter((expr) => !computedFrom(expr, id, scope)).map((expr) => this.evaluator.evaluate(expr, scope)));
      // `reg = reg * wd` after `loss, reg = model.losses(x)`: the name inside its own value holds what the others give it.
      const rebuilt = assigned.length > 1 ? assigned.filter((expr) => readsName(expr, id)) : [];
      if (rebuilt.length > 0 && rebuilt.length < assigned.length) {
        scope.memo.set(id, value);
        value = union(value, ...rebuilt.map((expr) => this.evaluator.evaluate(expr, scope)));
      }
    }
    // Items a list's methods add (`costs.append(tf.nn.l2_loss(w))`) are in it, as its literal's would be.
    const appended = assigned ? scope.appends.get(id) : undefined;
    if (appended) value = union(value, ...appended.map((expr) => this.evaluator.evaluate(expr, scope)));
    // Fields set on it later (`cfg.weight_decay = 1e-4`, `losses['reg'] = reg`) join its record,
    // except one set to what was computed from the record itself (`losses['total'] = total`).
    const fieldsSet = assigned || scope.params.has(id) ? scope.fieldAssigns.get(id)?.filter((expr) => !computedFrom(fieldValue(expr), id, scope)) : undefined;
    // A field set to something unknown (`float(sys.argv[1])`) may be anything: not the class default.
    // A key set to a value of its own (`cfg['weight_decay'] = 0.0` after `cfg = dict(BASE)`) replaces the record's.
    if (fieldsSet) value = union(withoutFields(value, new Set(fieldsSet.flatMap(leafKeySet))), ...fieldsSet.map((expr) => configurableFields(this.evaluator.evaluate(expr, scope))));
    // `cfg.update(weight_decay=0.0)`, `cfg.update(OVERRIDES)`: the fields given replace the record's; a mapping not known may set any field.
    for (const update of assigned || scope.params.has(id) ? scope.updatesOf(id) : []) {
      const given = update.args.map((arg) => this.evaluator.evaluate(arg, scope));
      const keywords = update.keywords.filter((keyword) => keyword.name !== SPLAT);
      const known = keywords.length === update.keywords.length && given.every((arg) => arg.length > 0 && arg.every((tag) => tag.k === 'fields'));
      if (!known) {
        value = value.map((tag) => (tag.k === 'fields' ? { ...tag, fields: new Map([...tag.fields.keys()].map((name) => [name, [{ k: 'configurable' }]])) } : tag));
        continue;
      }
      const fields: Value = keywords.length > 0 ? [{ k: 'fields', fields: new Map(keywords.map((keyword) => [keyword.name, this.evaluator.evaluate(keyword.value, scope)])) }] : EMPTY;
      const replaced = new Set([...given, fields].flatMap((record) => record.flatMap((tag) => (tag.k === 'fields' ? [...tag.fields.keys()] : []))));
      value = union(withoutFields(value, replaced), ...given, fields);
    }
    const nested = scope.fn && !assigned && !scope.params.has(id) ? scope.functions.get(id) : undefined;
    if (nested) {
      // A nested function used as a value (`optimizer.minimize(lossFn)`): what a call of it returns,
      // and the function itself, for a caller it is returned to (`step = make_train_step(model)`).
      // Not the functions a call of it returns: calling this value runs this one only.
      const ref = this.names.functionRef(scope, nested);
      const returned = substitute(this.evaluator.summarize(ref).returns, { bindings: new Map(), root: false }).filter((tag) => tag.k !== 'closure');
      value = union(returned, [{ k: 'closure', ref }]);
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
    if (fn) return substitute(this.evaluator.summarize(this.names.functionRef(scope, fn)).returns, { bindings: new Map(), root: true });
    if (scope.module.classes.has(id)) return this.classRecord(scope.module, id, new Map());
    const imported = this.names.importedMember(scope.module, id);
    if (imported) return this.evaluateName(imported.name, this.names.moduleScope(imported.module));
    const configModule = this.moduleRecord(id, scope.module);
    if (configModule) return configModule;
    // `from params_model import *`: a constant the starred workspace module assigns, or a name it
    // imports (`import hparams as hp` in `network.py`, read as `hp.lr` after `from network import *`).
    for (const target of scope.module.starImports) {
      const starred = this.names.resolveImport(target, scope.module)?.module;
      if (starred) this.cache.dependOn(starred.uri);
      if (starred && starred !== scope.module && (starred.assigns.has(id) || starred.imports.has(id))) return this.evaluateName(id, this.names.moduleScope(starred));
    }
    // `cls = Adam` ... `cls(params, **kwargs)`: a library's class or function as a value.
    const library = this.names.libraryValue(id, scope);
    if (library.length > 0) return library;
    // Imports, builtins, and names bound where the IR keeps no assignment (`with ... as`,
    // loop and comprehension variables): values, not computations we failed to follow. Calls of
    // unknown functions are what make a value opaque (resolveCallee).
    return EMPTY;
  }

  /**
   * `import config` ... `train_config = config; build(train_config)`: a workspace module used as a
   * value, the record of the names it (and the modules it star-imports) assigns, when that is a
   * config module's size.
   */
  private moduleRecord(id: string, importer: ModuleInfo): Value | undefined {
    const target = importer.imports.get(id);
    const resolved = target && this.names.resolveImport(target, importer);
    if (!resolved || resolved.member || resolved.module === importer) return undefined;
    const starred = resolved.module.starImports.flatMap((star) => this.names.resolveImport(star, resolved.module)?.module ?? []);
    const modules = [resolved.module, ...starred];
    if (modules.reduce((names, module) => names + module.assigns.size, 0) > MAX_CONFIG_MODULE_NAMES) return undefined;
    const fields = new Map<string, Value>();
    for (const module of modules) {
      this.cache.dependOn(module.uri);
      for (const name of module.assigns.keys()) if (!fields.has(name)) fields.set(name, this.moduleConstant(module, name));
    }
    return fields.size > 0 ? [{ k: 'fields', fields }] : undefined;
  }

  /**
   * A module's constant read as `hp.weight_decay`: its value, though one a module sets from outside
   * (`hp.weight_decay = args.wd`) may be anything, so its 0 switches nothing off for sure.
   */
  moduleConstant(module: ModuleInfo, name: string): Value {
    const value = this.evaluateName(name, this.names.moduleScope(module));
    // Only an off value depends on who sets it (every edit of a construction would reach the others).
    if (!isDisabled(value)) return value;
    this.cache.dependOnConstructions();
    return setFromOutside(this.cache.runModules.values(), name) ? configurableWhenOff(value) : value;
  }

  /**
   * `self.loss` in a method: what the class's methods assign to it (`self.loss = ...` in `build`),
   * flow-insensitively. A method's own parameter stored as it is (`self.loss = loss`) may be
   * anything a caller passes; what is computed from one, or read from it (`opt.lr`), is data.
   */
  instanceAttribute(expr: Expr & { kind: 'attr' }, scope: Scope): Value | undefined {
    const className = classOfReceiver(expr.object, scope);
    return className ? this.attributeOf(scope.module, className, expr.attr) : undefined;
  }

  /** How many items `data` in `f(*data)` has: a tuple literal's, or a workspace function's returned tuple's. */
  sequenceLength(expr: Expr, scope: Scope): number | undefined {
    const value = expr.kind === 'name' ? this.names.onlyAssignment(expr.id, scope) : expr;
    if (value?.kind === 'group' && value.tuple) return value.items.length;
    if (value?.kind !== 'call') return undefined;
    const dotted = dottedName(value.callee);
    const callee = dotted ? this.names.resolveCallee(dotted, scope) : undefined;
    return callee?.kind === 'function' ? this.evaluator.summarize(callee.ref).returnItems?.length : undefined;
  }

  /** `obj.attr` on an object of a workspace class: what the class's methods assign to it. */
  attributeOfClass(uri: string, className: string, attr: string): Value | undefined {
    const module = this.cache.runModules.get(uri);
    if (module) this.cache.dependOn(uri);
    return module ? this.attributeOf(module, className, attr) : undefined;
  }

  private attributeOf(module: ModuleInfo, className: string, attr: string): Value | undefined {
    const assigned = module.instanceAttributes.get(className)?.get(attr) ?? this.evaluator.implicitAttribute(module, className, attr);
    if (!assigned) return undefined;
    const key = `${module.uri}#${className}.${attr}`;
    // `self.loss = self.loss + reg`: the attribute inside its own value adds nothing more.
    if (this.instanceAttributesPending.has(key)) return EMPTY;
    this.instanceAttributesPending.add(key);
    try {
      return this.cache.sharedThisRun(key, () => {
        const values = assigned.map(({ value, method }) => {
          const own = this.names.functionScope(module, method);
          // The value may read the method's locals (`self.loss = total`): its statements are consulted.
          this.cache.dependOnBody(module.uri, own.key, method.body);
          const constructor = method.name === `${className}.__init__`;
          const fromConstructor = (tag: Tag): Tag[] => {
            // A record of the constructor's arguments (`self.hparams`): each field as the constructions pass it.
            if (tag.k === 'fields' && constructor) return [{ ...tag, fields: new Map([...tag.fields].map(([name, field]) => [name, field.flatMap(fromConstructor)])) }];
            if (tag.k !== 'param') return [tag];
            // Computed from a parameter: data; a field read from one (`config['weight_decay']`) is configuration.
            if (tag.derived && !tag.path) return [];
            // The constructor's argument: what the workspace's constructions of the class pass, where
            // that is known; of a field read from it (`config['weight_decay']`), that field of a record passed.
            const passed = constructor ? this.constructorArgument(module, className, method, tag.name, attr) : undefined;
            const stored: Tag = { ...tag, name: storedArgument(tag.name) };
            if (!passed) return [stored];
            if (!tag.path) return [...passed];
            const field = selectPath(passed.filter((passedTag) => passedTag.k === 'fields'), tag.path);
            return field.length > 0 ? [...field] : [stored];
          };
          return this.evaluator.evaluate(value, own).flatMap(fromConstructor);
        });
        // A subclass that sets it too (`self.weight_decay = reg` after `super().__init__()`): anything.
        if (this.subclassSets(module, className, attr)) values.push([{ k: 'param', name: storedArgument(attr) }]);
        return unionOf(values);
      });
    } finally {
      this.instanceAttributesPending.delete(key);
    }
  }

  private subclassSets(module: ModuleInfo, className: string, attr: string): boolean {
    // A subclass written later, in any module, changes the answer: the bases are in the construction signature.
    this.cache.dependOnConstructions();
    return this.subclassesOf(module, className).some(({ caller, subclass }) => caller.instanceAttributes.get(subclass)?.has(attr));
  }

  /** The workspace's direct subclasses of a class, each with the base as its module writes it. */
  private subclassesOf(module: ModuleInfo, className: string): { caller: ModuleInfo; subclass: string; base: string }[] {
    if (!this.subclassesOfRun) {
      this.subclassesOfRun = new Map();
      for (const caller of this.cache.runModules.values()) {
        for (const [subclass, bases] of caller.classBases) for (const base of bases) pushTo(this.subclassesOfRun, base.slice(base.lastIndexOf('.') + 1), { caller, subclass, base });
      }
    }
    return (this.subclassesOfRun.get(className) ?? []).filter(({ caller, base }) => this.isClass(caller, base, module, className));
  }

  /**
   * What the constructions of a class (`Runtime(model, config["exp"])`) pass for one parameter of its
   * `__init__`: undefined when no construction is found (a framework or a registry builds it).
   * An argument that is the constructing class's own constructor parameter (`HyperConv(wd=wd)` in
   * `HGNN.__init__`) is what that class's constructions pass, a few classes deep; anything else
   * that depends on the caller's own parameters may be anything: the stored argument, unknown.
   */
  private constructorArgument(module: ModuleInfo, className: string, init: FunctionDef, param: string, attr: string): Value | undefined {
    this.cache.dependOnConstructions();
    // Not when a script sets the attribute on the object afterwards (`model.weight_decay = 5e-4`).
    if (setFromOutside(this.cache.runModules.values(), attr)) return undefined;
    const index = init.params.findIndex((candidate) => candidate.name === param);
    const target = init.params[index];
    if (!target || target.rest) return undefined;
    const byDefault = () => (target.defaultValue ? this.evaluator.evaluate(target.defaultValue, this.names.moduleScope(module)) : EMPTY);
    return this.passedToConstructor(module, className, init, { name: param, index }, byDefault, storedArgument(param), 0);
  }

  /**
   * What every construction of the class passes for the argument: by position and keyword, or only
   * by keyword (`index` undefined: an argument a subclass's `**kwargs` forwards); `byDefault` where
   * a construction leaves it out.
   */
  private passedToConstructor(module: ModuleInfo, className: string, init: FunctionDef, argument: { name: string; index?: number }, byDefault: () => Value, stored: string, depth: number): Value | undefined {
    this.cache.dependOnConstructions();
    // A class kept in a registry or given to `partial` is built where no call names it.
    const sites = depth <= MAX_CONSTRUCTOR_CHAIN && !usedAsValue(this.cache.runModules.values(), className) ? this.constructionSites(module, className) : undefined;
    // Constructed in many places (a class every script builds): each edit of one would reach every reader.
    if (!sites || sites.length === 0 || sites.length > MAX_CONSTRUCTION_SITES) return undefined;
    const values: Value[] = [];
    for (const { caller, site, receivers } of sites) {
      // A construction in a nested function: its scope is not known here.
      if (site.nested) return undefined;
      const callerScope = site.fn ? this.names.functionScope(caller, site.fn) : this.names.moduleScope(caller);
      // What the argument is depends on the body it is written in: its statements are consulted.
      if (site.fn) this.cache.dependOnBody(caller.uri, callerScope.key, site.fn.body);
      // `super().__init__(*args, **kwargs)`: which positions `args` fills is not known.
      if (site.call.args.some((arg) => arg.kind === 'group' && arg.starred)) return undefined;
      const given = argument.index !== undefined ? argumentExpr(init, site.call, argument.index, receivers) : site.call.keywords.find((keyword) => keyword.name === argument.name)?.value;
      const splat = site.call.keywords.find((keyword) => keyword.name === SPLAT)?.value;
      const outer = site.fn && ownerOfConstructor(site.fn);
      if (!given && splat) {
        // `super().__init__(**kwargs)` in a subclass's constructor: what the subclass's constructions pass by keyword.
        const rest = outer && splat.kind === 'name' ? site.fn!.params.find((candidate) => candidate.rest === 'keywords' && candidate.name === splat.id) : undefined;
        const forwarded = rest && this.passedToConstructor(caller, outer!, site.fn!, { name: argument.name }, byDefault, stored, depth + 1);
        if (!forwarded) return undefined;
        values.push(forwarded);
        continue;
      }
      const value = given ? this.evaluateArgument(given, site.call, callerScope) : byDefault();
      values.push(
        value.flatMap((tag): readonly Tag[] => {
          if (tag.k !== 'param') return [tag];
          if (tag.derived && !tag.path) return [];
          const own = outer && !tag.path ? site.fn!.params.findIndex((candidate) => candidate.name === tag.name && !candidate.rest) : -1;
          const ownDefault = own >= 0 ? site.fn!.params[own].defaultValue : undefined;
          const chained = own >= 0 ? this.passedToConstructor(caller, outer!, site.fn!, { name: tag.name, index: own }, () => (ownDefault ? this.evaluator.evaluate(ownDefault, this.names.moduleScope(caller)) : EMPTY), stored, depth + 1) : undefined;
          return chained ?? [{ k: 'param', name: stored }];
        }),
      );
    }
    return unionOf(values);
  }

  /**
   * An argument as the construction sees it: a name rebound after the call (`trainer = Trainer(model)`,
   * then `model = trainer.fit()`) passes what it held before.
   */
  private evaluateArgument(given: Expr, call: Expr, scope: Scope): Value {
    // Fields set on it or items appended join it wherever they are written: the whole value then.
    const plain = given.kind === 'name' && !scope.params.has(given.id) && !scope.fieldAssigns.has(given.id) && !scope.appends.has(given.id);
    const assigned = plain ? scope.assigns.get(given.id) : undefined;
    const before = assigned?.filter((expr) => expr.range.endLine < call.range.startLine);
    if (!before || before.length === 0 || before.length === assigned!.length) return this.evaluator.evaluate(given, scope);
    return unionOf(before.map((expr) => this.evaluator.evaluate(expr, scope)));
  }

  /**
   * `cnn.loss` read on an object built elsewhere, with `self.loss = xent - l2_reg_lambda * l2` in
   * the constructor: the terms' factors as the constructions pass them. (Inside the class's own
   * code the construction's call instantiates them, and names them by the object it builds.)
   */
  withConstructionFactors(uri: string, className: string, attr: string, value: Value): Value {
    const module = this.cache.runModules.get(uri);
    const init = module?.methods.find((method) => method.name === `${className}.__init__`);
    if (!module || !init || !value.some((tag) => tag.k === 'decay' && tag.term.factor.k === 'param')) return value;
    return value.flatMap((tag): Tag[] => {
      const factor = tag.k === 'decay' && tag.term.factor.k === 'param' ? tag.term.factor.name : undefined;
      const passed = factor !== undefined && init.params.some((param) => param.name === factor) ? this.constructorArgument(module, className, init, factor, attr) : undefined;
      return passed ? [...substitute([tag], { bindings: new Map([[factor!, passed]]), root: false })] : [tag];
    });
  }

  /** The workspace constructs the class in one place only: what its methods store on `self` belongs to that one object. */
  constructedOnce(module: ModuleInfo, className: string): boolean {
    this.cache.dependOnConstructions();
    return !usedAsValue(this.cache.runModules.values(), className) && this.constructionSites(module, className).length === 1;
  }

  /**
   * The calls that construct a class: those naming it (after `self`), a subclass's own
   * `super().__init__(...)` (after `self`) or `Base.__init__(self, ...)`, and the constructions of
   * a subclass that has no `__init__` of its own.
   */
  private constructionSites(module: ModuleInfo, className: string): ConstructionSites {
    const key = `${module.uri}#${className}`;
    let sites = this.sitesOfRun.get(key);
    if (!sites) this.sitesOfRun.set(key, (sites = this.findConstructionSites(module, className)));
    return sites;
  }

  private findConstructionSites(module: ModuleInfo, className: string): ConstructionSites {
    const sites: ConstructionSites = [];
    const pending = [{ module, className }];
    for (let round = 0; pending.length > 0 && round < MAX_CONSTRUCTION_SITES; round++) {
      const current = pending.pop()!;
      for (const caller of this.cache.runModules.values()) {
        for (const site of callsNamed(caller, current.className)) {
          const dotted = dottedName(site.call.callee);
          const callee = dotted ? this.names.resolveCallee(dotted, site.fn ? this.names.functionScope(caller, site.fn) : this.names.moduleScope(caller)) : undefined;
          const constructs = callee?.kind === 'function' || callee?.kind === 'irrelevant' ? callee.constructs : undefined;
          if (constructs?.module === current.module && constructs.className === current.className) sites.push({ caller, site, receivers: 1 });
        }
      }
      for (const { caller, subclass, base } of this.subclassesOf(current.module, current.className)) {
        const init = caller.methods.find((method) => method.name === `${subclass}.__init__`);
        if (!init) pending.push({ module: caller, className: subclass });
        else for (const call of superInitCalls(init, base)) sites.push({ caller, site: { call: call.call, fn: init }, receivers: call.receivers });
      }
    }
    return sites;
  }

  /** Whether a class name, as a module writes it, is that workspace class. */
  private isClass(module: ModuleInfo, dotted: string, classModule: ModuleInfo, className: string): boolean {
    const callee = this.names.resolveCallee(dotted, this.names.moduleScope(module));
    const constructs = callee.kind === 'function' || callee.kind === 'irrelevant' ? callee.constructs : undefined;
    return constructs?.module === classModule && constructs.className === className;
  }

  /**
   * An object of a class whose only method is its constructor, bases included (`class Config:
   * def __init__(self): self.OPTIMIZER = 'Adam'`): a config object, whose attributes a helper
   * given it reads (`cfg.OPTIMIZER`). Its attributes as a record; a subclass's replace its bases'.
   */
  constructedRecord(module: ModuleInfo, className: string): Value {
    const chain = this.configClassChain(module, className);
    if (!chain) return EMPTY;
    const fields = new Map<string, Value>();
    for (const link of chain) {
      for (const attr of link.module.instanceAttributes.get(link.className)?.keys() ?? []) {
        if (!fields.has(attr)) fields.set(attr, this.attributeOf(link.module, link.className, attr) ?? EMPTY);
      }
    }
    return fields.size > 0 ? [{ k: 'fields', fields }] : EMPTY;
  }

  /** The class and its workspace bases, when none defines a method but `__init__` and none derives from a library class. */
  private configClassChain(module: ModuleInfo, className: string): { module: ModuleInfo; className: string }[] | undefined {
    const chain: { module: ModuleInfo; className: string }[] = [];
    let link: { module: ModuleInfo; className: string } | undefined = { module, className };
    while (link && chain.length < MAX_CONFIG_BASES) {
      const { module: current, className: name } = link;
      this.cache.dependOn(current.uri);
      if (current.methods.some((method) => classOfMethod(method) === name && methodName(method) !== '__init__')) return undefined;
      chain.push(link);
      const bases = (current.classBases.get(name) ?? []).filter((base) => base !== 'object');
      if (bases.length > 1) return undefined;
      if (bases.length === 0) break;
      const base = this.names.resolveCallee(bases[0], this.names.moduleScope(current));
      const constructs = base.kind === 'function' || base.kind === 'irrelevant' ? base.constructs : undefined;
      if (!constructs) return undefined;
      link = constructs;
    }
    return chain;
  }

  /** A config class (`class Config: weight_decay = 5e-4`, a dataclass) or its instance: its attributes, as constructed. */
  classRecord(module: ModuleInfo, className: string, keywords: ReadonlyMap<string, Value>): Value {
    const attributes = module.classAttributes.get(className);
    const key = `${module.uri}#${className}`;
    // `class A: b = B()` with `class B: a = A()`: a class inside its own record is no record.
    if (!attributes || this.classRecordsPending.has(key)) return EMPTY;
    this.classRecordsPending.add(key);
    try {
      this.cache.dependOn(module.uri);
      const scope = this.names.moduleScope(module);
      const fields = new Map<string, Value>();
      for (const [name, values] of attributes) fields.set(name, keywords.get(name) ?? unionOf(values.map((value) => this.evaluator.evaluate(value, scope))));
      return [{ k: 'fields', fields }];
    } finally {
      this.classRecordsPending.delete(key);
    }
  }
}

/**
 * The fields of records set field by field (`cfg.weight_decay = ...`, a yacs node's
 * `_C.SOLVER.WEIGHT_DECAY = 0.0`): configuration another file or a merge may set again. One set
 * to something unknown may be anything; one set to 0 or None is off unless configured otherwise.
 */
function configurableFields(value: Value): Value {
  return value.map((tag) => (tag.k === 'fields' ? { ...tag, fields: new Map([...tag.fields].map(([name, field]) => [name, field.length > 0 ? configurableWhenOff(configurableFields(field)) : [{ k: 'configurable' }]])) } : tag));
}

/** A config value of 0 or None: no decay, but not switched off for good (a command line or config file may set it). */
function configurableWhenOff(value: Value): Value {
  return isDisabled(value) ? union(value, [{ k: 'configurable' }]) : value;
}

type ConstructionSites = { caller: ModuleInfo; site: ConstructionSite; receivers: number }[];

/** `HyperConv` for the method `HyperConv.__init__`. */
function ownerOfConstructor(fn: FunctionDef): string | undefined {
  return fn.name.endsWith('.__init__') ? classOfMethod(fn) : undefined;
}

/** In a subclass's `__init__`: `super().__init__(...)` (the instance is not among the arguments) or `Base.__init__(self, ...)` (it is). */
function superInitCalls(init: FunctionDef, base: string): { call: Expr & { kind: 'call' }; receivers: number }[] {
  const calls: { call: Expr & { kind: 'call' }; receivers: number }[] = [];
  for (const expr of walkExpressions([...walkStatements(init.body)].flatMap(readExpressions))) {
    if (expr.kind !== 'call' || expr.callee.kind !== 'attr' || expr.callee.attr !== '__init__') continue;
    const object = expr.callee.object;
    if (object.kind === 'call' && object.callee.kind === 'name' && object.callee.id === 'super') calls.push({ call: expr, receivers: 1 });
    else if (dottedName(object) === base) calls.push({ call: expr, receivers: 0 });
  }
  return calls;
}

/** `cfg['weight_decay'] = 0.0`, `cfg.wd = x` (one key, a value of its own, not a path into a nested record): that key. */
function leafKeySet(expr: Expr): string[] {
  if (expr.kind !== 'group' || expr.keys?.length !== 1 || typeof expr.keys[0] !== 'string' || expr.items.length !== 1) return [];
  const item = expr.items[0];
  // A path (`cfg.TRAIN.WD = v`) nests groups sharing the value's range: it sets a field inside the key, not the key.
  const nested = item.kind === 'group' && item.keys?.length === 1 && item.range === expr.range;
  return nested ? [] : [expr.keys[0]];
}

/** The records of a value without the fields a later assignment replaces. */
function withoutFields(value: Value, replaced: ReadonlySet<string>): Value {
  if (replaced.size === 0) return value;
  return value.map((tag) => (tag.k === 'fields' && [...replaced].some((name) => tag.fields.has(name)) ? { ...tag, fields: new Map([...tag.fields].filter(([name]) => !replaced.has(name))) } : tag));
}

/** The value a field assignment sets, inside the record groups addFieldAssignTargets wraps it in. */
function fieldValue(expr: Expr): Expr {
  let value = expr;
  while (value.kind === 'group' && value.keys?.length === 1 && value.items.length === 1) value = value.items[0];
  return value;
}

/**
 * A local name every assignment of which reads the container `id` as a whole (`list(losses.values())`),
 * not only one of its entries (`losses['xent'] + reg`, which may be stored back and trained).
 */
function computedFrom(expr: Expr, id: string, scope: Scope): boolean {
  if (expr.kind !== 'name' || expr.id === id) return false;
  const assigned = scope.assigns.get(expr.id);
  return assigned !== undefined && assigned.length > 0 && assigned.every((value) => readsWhole(value, id));
}

/** `id` read other than by one literal key (`losses['xent']`). */
function readsWhole(expr: Expr, id: string): boolean {
  const entries = new Set<Expr>();
  for (const part of walkExpressions([expr])) {
    if (part.kind === 'group' && part.subscript && part.items.length === 2 && part.items[0].kind === 'name' && part.items[0].id === id && part.items[1].kind === 'str') entries.add(part.items[0]);
  }
  for (const part of walkExpressions([expr])) if (part.kind === 'name' && part.id === id && !entries.has(part)) return true;
  return false;
}

function readsName(expr: Expr, id: string): boolean {
  for (const part of walkExpressions([expr])) if (part.kind === 'name' && part.id === id) return true;
  return false;
}
