// What modules may rewrite while they run, beyond what the flow-insensitive values show: a
// module global a function assigns (`global OPTIMIZER` then `OPTIMIZER = args.opt`), a mapping
// updated in place (`CFG.update(yaml.safe_load(f))`), attributes set by name (`setattr(self, k, v)`
// in a config's `_parse`, `setattr(opt, 'optimizer', v)`) or on a class (`Config.optimizer = 'adam'`).
// A branch on a string the code fixes is decided only when nothing here may rewrite it.
import { readExpressions, walkExpressions, walkStatements, type Stmt } from './ir';
import type { ModuleInfo } from './moduleInfo';

export interface RewrittenNames {
  /** Some attribute is set by a name known only at run time (`setattr(cfg, key, value)`, `__dict__.update`). */
  anyAttribute: boolean;
  /** Names rebound in a function or updated in place. */
  names: ReadonlySet<string>;
  /** Attributes set by a literal name (`setattr(opt, 'lr', v)`) or on a class. */
  attributes: ReadonlySet<string>;
}

export function rewrittenNames(modules: Iterable<ModuleInfo>): RewrittenNames {
  const all = [...modules];
  const classes = new Set(all.flatMap((module) => [...module.classes]));
  const names = new Set<string>();
  const attributes = new Set<string>();
  let anyAttribute = false;
  for (const module of all) {
    const functionBodies: readonly Stmt[][] = [...module.functions.values(), ...module.methods].map((fn) => fn.body);
    for (const body of functionBodies) {
      for (const stmt of walkStatements(body)) {
        if (stmt.kind !== 'assign') continue;
        for (const target of stmt.targets) if (target.kind === 'name' && module.assigns.has(target.id)) names.add(target.id);
      }
    }
    const statements = [...walkStatements([...module.topLevel, ...functionBodies.flat()])];
    for (const stmt of statements) {
      if (stmt.kind !== 'assign') continue;
      for (const target of stmt.targets) if (target.kind === 'attr' && target.object.kind === 'name' && classes.has(target.object.id)) attributes.add(target.attr);
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
  }
  return { anyAttribute, names, attributes };
}
