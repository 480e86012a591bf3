// The workspace split into groups of modules whose analyses cannot reach each other: a module's
// findings depend on the modules it imports, on those importing it (constructions, subclasses,
// callers) and on a few lookups by name across the workspace (absl flags, a method only one class
// defines, a class used as a value, an attribute set from outside). Each group analysed alone, with
// the workspace's method counts, finds what the whole workspace analysed at once finds in it.
import { attributesSetOf, methodsCalled, namesUsedAsValues } from './constructions';
import { moduleOptions } from './commandLineOptions';
import type { WorkspaceModules } from './importResolver';
import { methodName, pushTo, type ModuleInfo } from './moduleInfo';

/** The groups, each in the order of `modules`, ordered by their first module. */
export function independentGroups(modules: readonly ModuleInfo[], resolver: WorkspaceModules, methodCounts: ReadonlyMap<string, number>): ModuleInfo[][] {
  const index = new Map(modules.map((module, i) => [module, i]));
  const parent = modules.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const link = (a: ModuleInfo, b: ModuleInfo) => {
    const [ra, rb] = [root(index.get(a)!), root(index.get(b)!)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const linkAll = (group: readonly ModuleInfo[]) => group.forEach((module) => link(group[0], module));

  for (const module of modules) {
    for (const target of [...module.imports.values(), ...module.starImports]) for (const imported of resolver.modulesUnder(target, module)) link(module, imported);
  }
  // `FLAGS.weight_decay` reads the options every module defines.
  const flagDefiners = modules.filter((module) => moduleOptions(module).flags.size > 0);
  if (flagDefiners.length > 0) linkAll([...flagDefiners, ...modules.filter((module) => namesUsedAsValues(module).has('FLAGS'))]);

  const byValueName = new Map<string, ModuleInfo[]>();
  const byCalledMethod = new Map<string, ModuleInfo[]>();
  const bySetAttribute = new Map<string, ModuleInfo[]>();
  for (const module of modules) {
    for (const name of namesUsedAsValues(module)) pushTo(byValueName, name, module);
    for (const name of methodsCalled(module)) pushTo(byCalledMethod, name, module);
    for (const attr of attributesSetOf(module)) pushTo(bySetAttribute, attr, module);
  }
  for (const module of modules) {
    // A class used as a value somewhere may be constructed where no call names it.
    for (const className of module.classes) for (const user of byValueName.get(className) ?? []) link(module, user);
    // `obj.step()` on an object handed in runs the one method of that name the workspace defines.
    for (const method of module.methods) {
      const name = methodName(method);
      if (methodCounts.get(name) === 1) for (const caller of byCalledMethod.get(name) ?? []) link(module, caller);
    }
    // An attribute a constructor stores is not decided by the constructions when some module sets it.
    for (const attributes of module.instanceAttributes.values()) for (const attr of attributes.keys()) for (const setter of bySetAttribute.get(attr) ?? []) link(module, setter);
  }
  const groups = new Map<number, ModuleInfo[]>();
  modules.forEach((module, i) => pushTo(groups, root(i), module));
  return [...groups.values()];
}
