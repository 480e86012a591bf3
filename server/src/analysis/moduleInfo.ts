// Per-file symbol tables over the IR: imports, functions, module-level assignments.
import * as path from 'node:path';
import { choiceArms, type ChoiceArm } from './branchArms';
import { uriToPath } from './fileUris';
import { appendAll, walkStatements, type Expr, type FunctionDef, type ModuleIR, type Stmt } from './ir';

/** Where an imported name points: a dotted name, resolved from `fromDir` for relative imports. */
export interface ImportTarget {
  dotted: string;
  fromDir?: string;
}

export interface ModuleInfo {
  uri: string;
  /** File system path (for relative import resolution); the URI when it is not a file URI. */
  filePath: string;
  ir: ModuleIR;
  imports: Map<string, ImportTarget>;
  functions: Map<string, FunctionDef>;
  /** Methods, as `Class.method`: analysed on their own (their receivers are not tracked). */
  methods: FunctionDef[];
  classes: Set<string>;
  /** Names a class body assigns (`weight_decay = 5e-4`, dataclass fields `wd: float = 0.0`), by class. */
  classAttributes: Map<string, Map<string, Expr[]>>;
  /** The base classes each class names (`class Net(Base)`: `Base`), as written. */
  classBases: Map<string, string[]>;
  /** `self.loss = ...` (`this.x = ...` in TS/JS) in the methods of each class, by attribute, with the method. */
  instanceAttributes: Map<string, Map<string, { value: Expr; method: FunctionDef }[]>>;
  /** `from m import *`: where names the module neither defines nor imports may come from. */
  starImports: ImportTarget[];
  /** Module-level assignments, by target name. */
  assigns: Map<string, Expr[]>;
  /** `cfg.wd = 0.1`, `losses['reg'] = r` at module level: fields set on a name, as one-field records by name. */
  fieldAssigns: Map<string, Expr[]>;
  /** `costs.append(tf.nn.l2_loss(w))` at module level: what a list is given by its methods, by name. */
  appends: Map<string, Expr[]>;
  /** Top-level statements that run at import time (definitions excluded). */
  topLevel: Stmt[];
  /** The code that runs only for some values of a name (`if args.optim == 'sgd':`). */
  choiceArms: ChoiceArm[];
}

export function buildModuleInfo(uri: string, ir: ModuleIR): ModuleInfo {
  const filePath = uriToPath(uri);
  const info: ModuleInfo = {
    uri,
    filePath,
    ir,
    imports: new Map(),
    functions: new Map(),
    methods: [],
    classes: new Set(),
    classAttributes: new Map(),
    instanceAttributes: new Map(),
    classBases: new Map(),
    starImports: [],
    assigns: new Map(),
    fieldAssigns: new Map(),
    appends: new Map(),
    topLevel: [],
    choiceArms: choiceArms(ir),
  };
  collectTopLevel(info, ir.body, path.dirname(filePath));
  return info;
}

function collectTopLevel(info: ModuleInfo, body: Stmt[], dir: string): void {
  for (const stmt of body) {
    if (stmt.kind !== 'def' && stmt.kind !== 'class') info.topLevel.push(stmt);
  }
  collectSymbols(info, body, dir);
  collectFunctionImports(info, dir);
}

/**
 * `import torch` inside a function or method (a lazy import, one arm of a backend switch): the
 * library the function's names mean, unless the module binds the name itself.
 */
function collectFunctionImports(info: ModuleInfo, dir: string): void {
  const bound = (alias: string) => info.imports.has(alias) || info.assigns.has(alias) || info.functions.has(alias) || info.classes.has(alias);
  const functionBodies = [...info.functions.values(), ...info.methods].map((fn) => fn.body);
  for (const stmt of functionBodies.flatMap((fnBody) => [...walkStatements(fnBody)])) {
    if (stmt.kind !== 'import' && stmt.kind !== 'from') continue;
    for (const [alias, target] of importedNames(stmt, dir)) if (!bound(alias)) info.imports.set(alias, target);
  }
}

/** The names an import statement binds (not `*`), each with what it imports. */
function importedNames(stmt: Stmt & { kind: 'import' | 'from' }, dir: string): [string, ImportTarget][] {
  if (stmt.kind === 'import') return [[stmt.alias, { dotted: stmt.alias === stmt.module.split('.')[0] ? stmt.alias : stmt.module }]];
  const fromDir = fromDirectory(stmt.level, dir);
  return stmt.names.flatMap(({ name, alias }): [string, ImportTarget][] => (name === '*' ? [] : [[alias, { dotted: stmt.module ? `${stmt.module}.${name}` : name, fromDir }]]));
}

/** The folder a relative import starts from (`from .. import x`: one up); none for an absolute one. */
function fromDirectory(level: number, dir: string): string | undefined {
  if (level === 0) return undefined;
  let fromDir = dir;
  for (let up = 1; up < level; up++) fromDir = path.dirname(fromDir);
  return fromDir;
}

function collectSymbols(info: ModuleInfo, body: Stmt[], dir: string): void {
  for (const stmt of body) {
    switch (stmt.kind) {
      case 'def':
        info.functions.set(stmt.fn.name, stmt.fn);
        break;
      case 'class':
        info.classes.add(stmt.name);
        info.classBases.set(stmt.name, stmt.bases ?? []);
        for (const member of stmt.body) {
          if (member.kind === 'def') {
            const method = { ...member.fn, name: `${stmt.name}.${member.fn.name}` };
            info.methods.push(method);
            addInstanceAttributes(info, stmt.name, method);
          }
          else if (member.kind === 'assign' && !member.augmented) {
            addAssignTargets(entryOf(info.classAttributes, stmt.name, () => new Map()), member.targets, member.value);
          }
        }
        break;
      case 'import':
      case 'from':
        for (const [alias, target] of importedNames(stmt, dir)) info.imports.set(alias, target);
        if (stmt.kind === 'from' && stmt.names.some(({ name }) => name === '*')) info.starImports.push({ dotted: stmt.module, fromDir: fromDirectory(stmt.level, dir) });
        break;
      case 'assign':
        addAssignTargets(info.assigns, stmt.targets, stmt.value);
        addFieldAssignTargets(info.fieldAssigns, stmt.targets, stmt.value);
        break;
      case 'expr':
        addAppendedItems(info.appends, stmt.value);
        break;
      case 'if':
        // `if __name__ == '__main__':`, `try: import x`: what they define is module-level too.
        collectSymbols(info, [...stmt.body, ...stmt.orelse], dir);
        break;
      case 'block':
        bindLoopTarget(info.assigns, stmt);
        collectSymbols(info, stmt.body, dir);
        break;
    }
  }
}

/** Attributes bound by one unpacking (`self.a, self.b = f()`) beyond which none is recorded. */
const MAX_UNPACKED_ATTRIBUTES = 16;

/** The attributes a method assigns on its instance (`self.x = value`; `this.x` in TS/JS, whose methods have no `self`). */
function addInstanceAttributes(info: ModuleInfo, className: string, method: FunctionDef): void {
  const receiver = method.params[0]?.name === 'self' ? 'self' : 'this';
  for (const stmt of walkStatements(method.body)) {
    if (stmt.kind !== 'assign') continue;
    // `self.total_loss, self.loss = self.build_loss()`: each attribute is bound to its item, as names are.
    const stack = stmt.targets.map((target) => ({ target, bound: stmt.value }));
    while (stack.length > 0) {
      const { target, bound } = stack.pop()!;
      if (target.kind === 'group' && target.tuple) {
        // Each item keeps the whole value: a long tuple of attributes would make the module's signature quadratic.
        if (target.items.length > MAX_UNPACKED_ATTRIBUTES) continue;
        // With a starred item (`self.a, *self.rest = x`) positions are unknown.
        const positional = target.items.every((item) => item.kind === 'name' || item.kind === 'attr' || (item.kind === 'group' && item.tuple));
        target.items.forEach((item, index) => stack.push({ target: item, bound: positional ? { kind: 'element', of: bound, index, count: target.items.length, range: bound.range } : bound }));
        continue;
      }
      if (target.kind !== 'attr' || target.object.kind !== 'name' || target.object.id !== receiver) continue;
      pushTo(entryOf(info.instanceAttributes, className, () => new Map()), target.attr, { value: bound, method });
    }
  }
}

/** Appends `value` to the list under `key`, creating the list. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The entry under `key`, created by `make` when missing. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let entry = map.get(key);
  if (entry === undefined) map.set(key, (entry = make()));
  return entry;
}

/** `for p in model.parameters():` binds `p` to (an item of) the iterable: flow-insensitively, its value. */
export function bindLoopTarget(assigns: Map<string, Expr[]>, block: Stmt): void {
  if (block.kind === 'block' && block.loop) addAssignTargets(assigns, [block.loop.target], block.loop.iterable);
}

/** Records `value` under every simple name among `targets` (tuples unpack to all their names). */
export function addAssignTargets(assigns: Map<string, Expr[]>, targets: Expr[], value: Expr): void {
  const stack = targets.map((target) => ({ target, bound: value }));
  while (stack.length > 0) {
    const { target, bound } = stack.pop()!;
    if (target.kind === 'name') pushTo(assigns, target.id, bound);
    else if (target.kind === 'group') {
      // `a, b = f()` binds each name to its item; with a starred name (`a, *rest = x`) positions are unknown.
      const positional = target.tuple && target.items.every((item) => item.kind === 'name' || (item.kind === 'group' && item.tuple));
      target.items.forEach((item, index) => {
        stack.push({ target: item, bound: positional ? { kind: 'element', of: bound, index, count: target.items.length, range: bound.range } : bound });
      });
    }
  }
}

/**
 * `cfg.weight_decay = v` and `kwargs['weight_decay'] = v` on a plain name (not `self`): a record with
 * that one field, under the name. Kept apart from assignments: setting a field does not make an
 * imported module or a parameter a new variable.
 */
export function addFieldAssignTargets(fieldAssigns: Map<string, Expr[]>, targets: Expr[], assigned: Expr): void {
  // `config.optim = optim = ConfigDict()`: the field holds the object the name does, fields set on it later included.
  const alias = targets.find((target) => target.kind === 'name');
  const value = alias && targets.length > 1 ? alias : assigned;
  for (const target of targets) {
    // `cfg.TRAIN.WEIGHT_DECAY = 0.0` (a yacs config), `cfg['optim']['wd'] = x`: a record nested by the path.
    const path: string[] = [];
    let object = target;
    while (path.length <= MAX_FIELD_PATH) {
      if (object.kind === 'attr') {
        path.unshift(object.attr);
        object = object.object;
      } else if (object.kind === 'group' && object.subscript && object.items.length === 2 && object.items[1].kind === 'str') {
        path.unshift(object.items[1].value);
        object = object.items[0];
      } else break;
    }
    if (object.kind !== 'name' || path.length === 0 || path.length > MAX_FIELD_PATH || object.id === 'self' || object.id === 'this') continue;
    pushTo(fieldAssigns, object.id, path.reduceRight<Expr>((inner, field) => ({ kind: 'group', items: [inner], keys: [field], range: value.range }), value));
  }
}

/**
 * `costs.append(tf.nn.l2_loss(w))`, `terms.extend(extra)`, `layers.insert(0, l)`, `losses.push(reg)` as a statement:
 * what the list named so holds, besides what it is assigned.
 */
export function addAppendedItems(appends: Map<string, Expr[]>, value: Expr): void {
  if (value.kind !== 'call' || value.callee.kind !== 'attr' || value.callee.object.kind !== 'name') return;
  const item = listMethods.get(value.callee.attr);
  const added = item === undefined ? undefined : value.args[item];
  if (added) pushTo(appends, value.callee.object.id, added);
}

/** List methods that add to a list, with the position of the argument they add. */
const listMethods = new Map([['append', 0], ['extend', 0], ['insert', 1], ['push', 0], ['unshift', 0]]);

/** Fields nested deeper than this (`a.b.c.d.e = v`) are not recorded. */
const MAX_FIELD_PATH = 4;

export function targetNames(targets: Expr[]): string[] {
  const names: string[] = [];
  const stack = [...targets];
  while (stack.length > 0) {
    const target = stack.pop()!;
    if (target.kind === 'name') names.push(target.id);
    else if (target.kind === 'group') appendAll(stack, target.items);
  }
  return names;
}

/** The names of the methods a module's classes define (`train_step` for `Net.train_step`), once per module version. */
const methodNamesOf = new WeakMap<ModuleInfo, Set<string>>();

/** Whether the module imports TensorFlow (or a package of it), whose collections can hold terms. */
export function importsTensorflow(module: ModuleInfo): boolean {
  for (const target of module.imports.values()) if (target.dotted === 'tensorflow' || target.dotted.startsWith('tensorflow.')) return true;
  return false;
}

export function methodNames(module: ModuleInfo): Set<string> {
  let names = methodNamesOf.get(module);
  if (!names) methodNamesOf.set(module, (names = new Set(module.methods.map(methodName))));
  return names;
}

/** `Net.loss` -> `loss`. */
export function methodName(method: FunctionDef): string {
  return method.name.slice(method.name.lastIndexOf('.') + 1);
}

/** `Trainer` for the method `Trainer.step`: the class a method is defined in. */
export function classOfMethod(method: FunctionDef): string {
  return method.name.slice(0, method.name.lastIndexOf('.'));
}
