// Frameworks that train on what a method of the user's class returns (Lightning's `training_step`,
// tensorpack's `ModelDesc.build_graph`): a `return` there is a sink.
import type { Scope } from '../scope';

/** The class name when the scope is the method `method` of a class, in a module that imports the framework (`importPattern`). */
export function methodOfClassImporting(scope: Scope, method: string, importPattern: RegExp): string | undefined {
  const name = scope.fn?.name;
  if (!name?.endsWith(`.${method}`)) return undefined;
  const targets = [...scope.module.imports.values(), ...scope.module.starImports];
  return targets.some((target) => importPattern.test(target.dotted)) ? name.slice(0, name.lastIndexOf('.')) : undefined;
}
