// What modules may rewrite while they run, beyond what the flow-insensitive values show: a
// module global a function assigns (`global OPTIMIZER` then `OPTIMIZER = args.opt`), a mapping
// updated in place (`CFG.update(yaml.safe_load(f))`), attributes set by name (`setattr(self, k, v)`
// in a config's `_parse`, `setattr(opt, 'optimizer', v)`) or on a class or an imported module
// (`Config.optimizer = 'adam'`, `config.optimizer = 'adam'`). A branch on a string the code fixes is
// decided only when nothing here may rewrite it.
import { readExpressions, walkExpressions, walkStatements, type FunctionDef, type Stmt } from './ir';
import type { ModuleInfo } from './moduleInfo';

export interface RewrittenNames {
  /** Some attribute is set by a name known only at run time (`setattr(cfg, key, value)`, `__dict__.update`). */
  anyAttribute: boolean;
  /** Names rebound in a function or updated in place. */
  names: ReadonlySet<string>;
  /** Attributes set by a literal name (`setattr(opt, 'lr', v)`), on a class or on an imported name. */
  attributes: ReadonlySet<string>;
}

export function rewrittenNames(modules: readonly ModuleInfo[]): RewrittenNames {
  const parts = modules.map(moduleRewrites);
  return {
    anyAttribute: parts.some((part) => part.anyAttribute),
    names: new Set(parts.flatMap((part) => [...part.names])),
    attributes: new Set(parts.flatMap((part) => [...part.attributes])),
  };
}

/** Per module version: a changed module is a new ModuleInfo. */
const rewritesOf = new WeakMap<ModuleInfo, RewrittenNames>();

function moduleRewrites(module: ModuleInfo): RewrittenNames {
  const known = rewritesOf.get(module);
  if (known) return known;
  const names = new Set<string>();
  const attributes = new Set<string>();
  let anyAttribute = false;
  const functions = [...module.functions.values(), ...module.methods];
  const functionBodies: readonly Stmt[][] = functions.map((fn) => fn.body);
  // A function rebinds a module's name only where it declares it `global`; elsewhere the name is its own local.
  const rebinds = (fn: FunctionDef): void => {
    const globals = new Set(fn.globals ?? []);
    for (const stmt of walkStatements(fn.body, false)) {
      if (stmt.kind === 'def') rebinds(stmt.fn);
      if (stmt.kind !== 'assign') continue;
      for (const target of stmt.targets) if (target.kind === 'name' && globals.has(target.id) && module.assigns.has(target.id)) names.add(target.id);
    }
  };
  functions.forEach(rebinds);
  const statements = [...walkStatements([...module.topLevel, ...functionBodies.flat()])];
  for (const stmt of statements) {
    if (stmt.kind !== 'assign') continue;
    for (const target of stmt.targets) {
      const owner = target.kind === 'attr' && target.object.kind === 'name' ? target.object.id : undefined;
      if (owner && (module.classes.has(owner) || module.imports.has(owner)) && target.kind === 'attr') attributes.add(target.attr);
    }
  }
  for (const expr of walkExpressions(statements.flatMap(readExpressions))) {
    if (expr.kind === 'attr' && expr.attr === '__dict__') anyAttribute = true;
    if (expr.kind !== 'call') continue;
    const { callee, args } = expr;
    if (callee.kind === 'attr' && callee.attr === 'update' && callee.object.kind === 'name') names.add(callee.object.id);
    if (callee.kind === 'name' && callee.id === 'setattr') {
      if (args[1]?.kind === 'str') attributes.add(args[1].value);
      else anyAttribute = true;
    }
  }
  const rewrites = { anyAttribute, names, attributes };
  rewritesOf.set(module, rewrites);
  return rewrites;
}
