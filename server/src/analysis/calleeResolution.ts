// Name resolution for the evaluator: what a called dotted name stands for (a user function or
// class of the workspace, a framework's member, a package the workspace lacks, a builtin), the
// user methods a call on an object may run, and aliases (`x = a.b`, `functools.partial`). Every
// module consulted becomes a dependency of the summary being computed.
import type { Callee, ClassRef, Framework } from './frameworks/framework';
import { dottedName, isConstant, type Expr, type FunctionDef } from './ir';
import { classOfMethod, methodName, methodNames, type ImportTarget, type ModuleInfo } from './moduleInfo';
import { Scope } from './scope';
import { isScriptPath } from './sourceLanguage';
import type { FunctionRef, SummaryCache } from './summaryCache';
import { EMPTY, type Tag, type Value } from './values';

/** Finds the module an import points to, across the workspace. */
export interface ModuleResolver {
  resolve(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined;
}

type LibraryCallee = Callee & { kind: 'library' };
type FunctionCallee = Callee & { kind: 'function' };

const pythonBuiltins = new Set([
  'True', 'False', 'None', 'print', 'len', 'range', 'int', 'float', 'str', 'bool', 'list', 'dict', 'tuple', 'set', 'frozenset',
  'min', 'max', 'abs', 'round', 'zip', 'enumerate', 'map', 'filter', 'sorted', 'reversed', 'isinstance', 'issubclass',
  'getattr', 'setattr', 'hasattr', 'open', 'super', 'object', 'type', 'id', 'repr', 'format', 'iter', 'next', 'any', 'all',
  'Exception', 'ValueError', 'TypeError', 'KeyError', 'RuntimeError', 'NotImplementedError', '__name__', '__file__',
]);

/**
 * JavaScript's own globals (and Node's): calling them computes nothing about decay. Other unknown
 * bare names stay opaque.
 */
const scriptGlobals: ReadonlySet<string> = new Set([
  'require', 'console', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'Date', 'RegExp',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Error', 'TypeError', 'RangeError', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'queueMicrotask', 'structuredClone', 'fetch',
  'URL', 'TextEncoder', 'TextDecoder', 'Buffer', 'process', 'globalThis', 'window', 'document', 'alert', 'Float32Array', 'Int32Array', 'Uint8Array',
]);

/** Modules whose functions never read the user's collections or build decay terms: their results carry nothing of interest. */
const knownLibraries = new Set(['numpy', 'math', 'os', 'sys', 'time', 'datetime', 're', 'json', 'six', 'random', 'logging', 'argparse', 'collections', 'functools', 'itertools', 'pathlib', 'pickle', 'tarfile', 'urllib', 'shutil', 'glob', 'absl']);

export class CalleeResolution {
  private resolver: ModuleResolver = { resolve: () => undefined };
  private moduleScopes = new Map<string, Scope>();
  /** The library member each module's dotted names stand for, this run (the same names recur). */
  private libraryMembers = new Map<string, LibraryCallee | undefined>();

  constructor(
    private readonly cache: SummaryCache,
    private readonly frameworks: readonly Framework[],
  ) {}

  beginRun(resolver: ModuleResolver): void {
    this.resolver = resolver;
    this.moduleScopes = new Map();
    this.libraryMembers = new Map();
  }

  moduleScope(module: ModuleInfo): Scope {
    let scope = this.moduleScopes.get(module.uri);
    if (!scope) {
      scope = new Scope(module, undefined, undefined, `${module.uri}#<module>`);
      this.moduleScopes.set(module.uri, scope);
    }
    this.cache.dependOn(module.uri);
    return scope;
  }

  /** The workspace module an import points to (the module and member it names). */
  resolveImport(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined {
    const resolved = this.resolver.resolve(target, importer);
    if (resolved) this.cache.dependOn(resolved.module.uri);
    return resolved && resolved.member === '' ? (this.packageMember(target, importer) ?? resolved) : resolved;
  }

  /**
   * `from optimizers import optimizer_factory` where `optimizers/__init__.py` imports the function
   * of that name from its own submodule: the package's name hides the submodule, as in Python.
   */
  private packageMember(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined {
    const dot = target.dotted.lastIndexOf('.');
    if (dot < 0) return undefined;
    const name = target.dotted.slice(dot + 1);
    const pkg = this.resolver.resolve({ ...target, dotted: target.dotted.slice(0, dot) }, importer);
    if (!pkg || pkg.member !== '' || !/(?:^|[\\/])__init__\.py$/.test(pkg.module.filePath)) return undefined;
    const binds = pkg.module.imports.has(name) || pkg.module.functions.has(name) || pkg.module.classes.has(name) || pkg.module.assigns.has(name);
    if (!binds) return undefined;
    this.cache.dependOn(pkg.module.uri);
    return { module: pkg.module, member: name };
  }

  /** Full dotted name through the module's imports; `tf` means TensorFlow unless bound otherwise. */
  qualify(dotted: string, module: ModuleInfo): string {
    const [head, ...rest] = dotted.split('.');
    const target = module.imports.get(head);
    if (target && !target.fromDir) return [target.dotted, ...rest].join('.');
    // An unimported `tf` is TensorFlow in Python; in TS/JS it is the TF.js global of a script tag (tfjs.ts).
    if (head === 'tf' && !target && !isScriptPath(module.filePath)) return ['tensorflow', ...rest].join('.');
    return dotted;
  }

  /** The framework member a module's dotted name stands for (memoized per run). */
  private libraryMemberOf(dotted: string, module: ModuleInfo): LibraryCallee | undefined {
    const key = `${module.uri}\n${dotted}`;
    if (this.libraryMembers.has(key)) return this.libraryMembers.get(key);
    const name = { dotted, qualified: this.qualify(dotted, module), module, imported: module.imports.has(dotted.split('.')[0]), script: isScriptPath(module.filePath) };
    let callee: LibraryCallee | undefined;
    for (const framework of this.frameworks) {
      const member = framework.memberOf?.(name);
      if (member !== undefined) {
        callee = { kind: 'library', framework, member };
        break;
      }
    }
    this.libraryMembers.set(key, callee);
    return callee;
  }

  resolveCallee(dotted: string, scope: Scope, aliasDepth = 0): Callee {
    const [head, ...rest] = dotted.split('.');
    if (scope.isVariable(head) && !this.holdsOnlyItsOwnResult(head, scope)) {
      // `get_total_loss = tf.losses.get_total_loss`, `slim = tf.contrib.slim`: follow the alias.
      const aliased = aliasDepth < 8 ? this.aliasOf(head, scope) : undefined;
      return aliased ? this.resolveCallee([aliased, ...rest].join('.'), scope, aliasDepth + 1) : { kind: 'value' };
    }
    if (rest.length === 0) {
      const defined = scope.functionNamed(dotted);
      if (defined) return { kind: 'function', ref: this.functionRef(defined.scope, defined.fn) };
      if (scope.module.classes.has(dotted)) return this.constructorOf(scope.module, dotted);
    }
    const library = this.libraryMemberOf(dotted, scope.module);
    if (library) return library;
    const target = scope.module.imports.get(head);
    if (target) {
      const resolved = this.reexported(this.resolveImport({ ...target, dotted: [target.dotted, ...rest].join('.') }, scope.module));
      if (resolved) {
        this.cache.dependOn(resolved.module.uri);
        const fn = resolved.module.functions.get(resolved.member);
        if (fn) return { kind: 'function', ref: this.functionRef(this.moduleScope(resolved.module), fn) };
        if (resolved.module.classes.has(resolved.member)) return this.constructorOf(resolved.module, resolved.member);
        const classMethod = this.classMethod(resolved.module, resolved.member);
        if (classMethod) return classMethod;
        // `from model import optimizer` ... `optimizer.minimize(loss)`: a method of a value the module assigns.
        const member = resolved.member.split('.')[0];
        if (rest.length > 0 && resolved.module.assigns.has(member)) return { kind: 'value' };
        // `import core.utils as utils` with no core/utils.py, or a name the module imports from a
        // package: outside the workspace, like any package's function (the closed world).
        if (!bindsOwnName(resolved.module, member)) return { kind: 'external', name: dotted, ownPackage: true };
        return { kind: 'unseen', name: dotted };
      }
      if (knownLibraries.has(target.dotted.split('.')[0])) return { kind: 'irrelevant' };
      return { kind: 'external', name: dotted };
    }
    const classMethod = this.classMethod(scope.module, dotted);
    if (classMethod) return classMethod;
    // `p.pow(2)` on a loop or comprehension variable: a method of a value we do not track.
    if (rest.length > 0) return { kind: 'value' };
    if (dotted === 'sum') return { kind: 'sum' };
    if (pythonBuiltins.has(dotted) || (isScriptPath(scope.module.filePath) && scriptGlobals.has(dotted))) return { kind: 'irrelevant' };
    return this.resolveStarImported(dotted, scope, aliasDepth);
  }

  /** `from models import PlainNet` where `models/__init__.py` imports it from `.plainnet`: the module that defines it. */
  private reexported(resolved: { module: ModuleInfo; member: string } | undefined): { module: ModuleInfo; member: string } | undefined {
    for (let hops = 0; resolved && hops < 4; hops++) {
      const { module, member } = resolved;
      // `Net = ResNet`, `export default class Network` (`default = Network`): the class or function the name stands for.
      const aliased = definedAlias(module, member);
      if (aliased) {
        resolved = { module, member: aliased };
        continue;
      }
      const target = member && !module.functions.has(member) && !module.classes.has(member) ? module.imports.get(member) : undefined;
      const next = target ? this.resolver.resolve(target, module) : undefined;
      if (!next || next.module === module) return resolved;
      this.cache.dependOn(module.uri);
      resolved = next;
    }
    return resolved;
  }

  /** `from config import WD` and `import config` + `config.WD`: the module and member a name points to. */
  importedMember(module: ModuleInfo, dotted: string): { module: ModuleInfo; name: string } | undefined {
    const [head, ...rest] = dotted.split('.');
    const target = module.imports.get(head);
    if (!target) return undefined;
    // `from settings import config` naming the package's own `config` (not its submodule): `config.wd` is read on that value.
    if (rest.length > 0 && this.resolveImport(target, module)?.member) return undefined;
    const resolved = this.resolveImport({ ...target, dotted: [target.dotted, ...rest].join('.') }, module);
    if (!resolved || !resolved.member || resolved.member.includes('.') || resolved.module === module) return undefined;
    return { module: resolved.module, name: resolved.member };
  }

  /** Constructing a class of the workspace runs its `__init__` (a model's layers and their regularizers are made there). */
  private constructorOf(module: ModuleInfo, className: string): Callee {
    const constructs = { module, className };
    const init = this.methodOf(module, className, '__init__');
    return init ? { ...init, constructs } : { kind: 'irrelevant', constructs };
  }

  /**
   * `getattr(torch.optim, name)`: the members of a library module that the name's known strings
   * give (a name not known: the module's member `*`, for its framework to read).
   */
  membersByName(module: Expr | undefined, name: Value | undefined, scope: Scope): Value {
    const moduleName = module && dottedName(module);
    if (!moduleName || !name) return EMPTY;
    const names = name.flatMap((tag) => (tag.k === 'str' ? [tag.value] : []));
    // A name the caller gives (`cfg.SOLVER.OPTIMIZER_NAME` in `make_optimizer(cfg, model)`): decided per call.
    const given = name.filter((tag) => tag.k === 'param');
    return (names.length > 0 ? names : ['*']).flatMap((member): Tag[] =>
      this.libraryValue(`${moduleName}.${member}`, scope).map((tag) => (member === '*' && given.length > 0 ? { ...tag, byName: given } : tag)),
    );
  }

  /** `cls = Adam`, `return torch.optim.Adam`: a library's class or function as a value (calling it calls the member); else nothing. */
  libraryValue(dotted: string, scope: Scope): (Tag & { k: 'member' })[] {
    const resolved = this.resolveCallee(dotted, scope);
    return resolved.kind === 'library' ? [{ k: 'member', framework: resolved.framework.name, member: resolved.member }] : [];
  }

  /** `obj.step(x)` on an object of a workspace class (`obj = Trainer(...)`, passed around): the class's method. */
  methodOfInstance(uri: string, className: string, name: string): FunctionCallee | undefined {
    const module = this.cache.runModules.get(uri);
    return module ? this.methodOf(module, className, name) : undefined;
  }

  /**
   * `Trainer.from_config(...)`: a method called on the class itself. A classmethod (first parameter
   * `cls`) gets the class as its receiver; a staticmethod or a method called unbound
   * (`Base.__init__(self, ...)`) gets the call's arguments as they are.
   */
  private classMethod(module: ModuleInfo, dotted: string): FunctionCallee | undefined {
    const [className, method, ...more] = dotted.split('.');
    const callee = method && more.length === 0 && module.classes.has(className) ? this.methodOf(module, className, method) : undefined;
    if (!callee || callee.kind !== 'function') return callee;
    return callee.ref.fn.params[0]?.name === 'cls' ? callee : { kind: 'function', ref: callee.ref };
  }

  /**
   * The method a class defines, or else the one a workspace base class defines (`class
   * SoftplusLoss(LossObject)`, its own module's or imported), first base first, called on an instance.
   */
  private methodOf(module: ModuleInfo, className: string, name: string, depth = 0): FunctionCallee | undefined {
    const fn = module.methods.find((method) => method.name === `${className}.${name}`);
    if (fn) return this.methodCallee(module, fn);
    return depth < MAX_BASE_DEPTH ? this.baseMethod(module, className, name, depth) : undefined;
  }

  /** The method as the class's bases (in the workspace) define or inherit it. */
  private baseMethod(module: ModuleInfo, className: string, name: string, depth = 0): FunctionCallee | undefined {
    for (const base of module.classBases.get(className) ?? []) {
      const defined = module.classes.has(base) ? { module, member: base } : this.importedClass(module, base);
      const inherited = defined && this.methodOf(defined.module, defined.member, name, depth + 1);
      if (inherited) return inherited;
    }
    return undefined;
  }

  /** `from losses import LossObject` (or `losses.LossObject`): the workspace module defining a class a module names. */
  private importedClass(module: ModuleInfo, dotted: string): { module: ModuleInfo; member: string } | undefined {
    const [head, ...rest] = dotted.split('.');
    const target = module.imports.get(head);
    const resolved = target && this.reexported(this.resolveImport({ ...target, dotted: [target.dotted, ...rest].join('.') }, module));
    if (!resolved || !resolved.module.classes.has(resolved.member)) return undefined;
    this.cache.dependOn(resolved.module.uri);
    return resolved;
  }

  /** A method as a callee: a Python method's first parameter is the instance (`self`), a TS/JS one takes none. */
  private methodCallee(module: ModuleInfo, fn: FunctionDef): FunctionCallee {
    const ref = this.functionRef(this.moduleScope(module), fn);
    return isScriptPath(module.filePath) ? { kind: 'function', ref } : { kind: 'function', ref, self: EMPTY };
  }

  /**
   * The user method `receiver.method(...)` runs: `self.helper(x)` (`this.helper(x)` in TS/JS) in a
   * method of the class, or a call on a variable every assignment of which constructs one class.
   */
  userMethod(callee: Expr & { kind: 'attr' }, scope: Scope): FunctionCallee | undefined {
    return this.selfMethod(callee, scope) ?? this.instanceMethod(callee, scope) ?? this.superMethod(callee, scope);
  }

  /**
   * `super().__init__(config)`, `super(MLPEngine, self).__init__(config)` in a method of a workspace
   * class: the method as its bases define it (called on the same instance).
   */
  private superMethod(callee: Expr & { kind: 'attr' }, scope: Scope): FunctionCallee | undefined {
    const object = callee.object;
    if (object.kind !== 'call' || object.callee.kind !== 'name' || object.callee.id !== 'super' || !scope.fn) return undefined;
    const className = classOfMethod(scope.fn);
    return className ? this.baseMethod(scope.module, className, callee.attr) : undefined;
  }

  private selfMethod(callee: Expr & { kind: 'attr' }, scope: Scope): FunctionCallee | undefined {
    const className = classOfReceiver(callee.object, scope);
    // A method the class leaves to its subclasses (`self.compute_loss(...)` in a base `train_step`): the one subclass of this module that defines it.
    return className ? this.methodOf(scope.module, className, callee.attr) ?? this.subclassMethod(scope.module, className, callee.attr) : undefined;
  }

  private subclassMethod(module: ModuleInfo, className: string, name: string): FunctionCallee | undefined {
    const derives = (subclass: string) => (module.classBases.get(subclass) ?? []).some((base) => base === className || base.endsWith(`.${className}`));
    const defined = module.methods.filter((method) => methodName(method) === name && derives(classOfMethod(method)));
    return defined.length === 1 ? this.methodCallee(module, defined[0]) : undefined;
  }

  /**
   * `manager.update(loss)` where `manager = UpdateManager(config)` (every assignment constructs that
   * workspace class): the method the class defines.
   */
  private instanceMethod(callee: Expr & { kind: 'attr' }, scope: Scope): FunctionCallee | undefined {
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

  /**
   * `tu.compute_loss(model, x, y)`: the call hands over a name the code assigned an object built by
   * workspace code (a model), whose losses a helper of the user's own could read.
   */
  handsOverBuiltObject(call: Expr & { kind: 'call' }, scope: Scope): boolean {
    return [...call.args, ...call.keywords.map((keyword) => keyword.value)].some((arg) => {
      const built = arg.kind === 'name' ? this.onlyAssignment(arg.id, scope) : undefined;
      const callee = built?.kind === 'call' ? dottedName(built.callee) : undefined;
      return callee !== undefined && this.resolveCallee(callee, scope).kind === 'function';
    });
  }

  /** `self.net.create_architecture(...)` on an object handed in: the method, when exactly one class of the workspace defines it. */
  onlyWorkspaceMethod(name: string): FunctionCallee | undefined {
    if (this.cache.methodDefinitionCount(name) !== 1) return undefined;
    for (const module of this.cache.runModules.values()) {
      const fn = methodNames(module).has(name) ? module.methods.find((method) => methodName(method) === name) : undefined;
      if (fn) return this.methodCallee(module, fn);
    }
    return undefined;
  }

  /** A bare name neither defined nor imported by name: from a `from m import *` of the workspace, or a package's. */
  private resolveStarImported(name: string, scope: Scope, aliasDepth: number): Callee {
    let fromWorkspace = false;
    for (const star of scope.module.starImports) {
      const resolved = this.resolveImport({ ...star, dotted: star.dotted ? `${star.dotted}.${name}` : name }, scope.module);
      if (!resolved) continue;
      fromWorkspace = true;
      const fn = resolved.member === name ? resolved.module.functions.get(name) : undefined;
      if (fn) return { kind: 'function', ref: this.functionRef(this.moduleScope(resolved.module), fn) };
      if (resolved.member === name && resolved.module.classes.has(name)) return this.constructorOf(resolved.module, name);
      // `from config import *` where config.py has `from torch.optim import Adam`: what the name is there.
      if (resolved.member === name && resolved.module !== scope.module && resolved.module.imports.has(name) && aliasDepth < 8) return this.resolveCallee(name, this.moduleScope(resolved.module), aliasDepth + 1);
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

  /**
   * `if eager:` on a name whose only assignment is `True` or `False`: the branch that runs, the
   * other never does (a script's switch between a custom loop and `fit`).
   */
  constantCondition(test: Expr, scope: Scope): boolean | undefined {
    const assigned = test.kind === 'name' && scope.isVariable(test.id) ? this.onlyAssignment(test.id, scope) : undefined;
    return isConstant(assigned, 'True') ? true : isConstant(assigned, 'False') ? false : undefined;
  }

  /** The value a variable is assigned, when it has exactly one assignment. */
  onlyAssignment(name: string, scope: Scope): Expr | undefined {
    const assigned = scope.assignmentsOf(name);
    return assigned?.length === 1 ? assigned[0] : undefined;
  }

  /**
   * The `functools.partial(f, ...)` call a variable holds: its only assignment, besides the call of
   * the partial rebinding the name (`optimizer = optimizer(model.parameters())`).
   */
  partialApplication(name: string, scope: Scope): (Expr & { kind: 'call' }) | undefined {
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

  /** The scope of a top-level function or method of the module, under its cache key. */
  functionScope(module: ModuleInfo, fn: FunctionDef): Scope {
    const moduleScope = this.moduleScope(module);
    return new Scope(module, fn, moduleScope, this.functionRef(moduleScope, fn).key);
  }

  functionRef(scope: Scope, fn: FunctionDef): FunctionRef {
    if (!scope.fn) return { key: `${scope.module.uri}#${fn.name}`, module: scope.module, fn };
    return { key: `${scope.key}/${fn.name}@${fn.range.startLine}`, module: scope.module, fn, parent: scope };
  }
}

/** `name(...)`: a call of the name itself (`loss = loss(logits, labels)`). */
function callsName(expr: Expr, name: string): boolean {
  return expr.kind === 'call' && expr.callee.kind === 'name' && expr.callee.id === name;
}

/** The class whose method `expr` is the instance of: `self` in a Python method (or a function nested in one), `this` in TS/JS. */
export function classOfReceiver(expr: Expr, scope: Scope): string | undefined {
  if (expr.kind !== 'name' || expr.id !== (isScriptPath(scope.module.filePath) ? 'this' : 'self')) return undefined;
  let s: Scope | undefined = scope;
  while (s && !(s.fn && s.fn.name.includes('.'))) s = s.parent;
  return s?.fn && classOfMethod(s.fn);
}

/** The module binds `name` itself (defines or assigns it), or may through a star import. */
function bindsOwnName(module: ModuleInfo, name: string): boolean {
  return module.functions.has(name) || module.classes.has(name) || module.assigns.has(name) || module.fieldAssigns.has(name) || module.starImports.length > 0;
}

/** `Net = ResNet` at module level, its only binding: the class or function of the module it names. */
function definedAlias(module: ModuleInfo, name: string): string | undefined {
  const assigned = module.functions.has(name) || module.classes.has(name) ? undefined : module.assigns.get(name);
  const value = assigned?.length === 1 ? assigned[0] : undefined;
  return value?.kind === 'name' && value.id !== name && (module.classes.has(value.id) || module.functions.has(value.id)) ? value.id : undefined;
}

/** Base classes followed for an inherited method, at most this deep (`C(B)`, `B(A)`, ...). */
const MAX_BASE_DEPTH = 4;
