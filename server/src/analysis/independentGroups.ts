// The workspace split into groups of modules whose analyses cannot reach each other: a module's
// findings depend on the modules it imports, on those importing it (constructions, subclasses,
// callers) and on a few lookups by name across the workspace (absl flags, a method only one class
// defines, a class used as a value, an attribute set from outside). Each group analysed alone, with
// the workspace's method counts, finds what the whole workspace analysed at once finds in it.
// Works on link facts (linkFacts.ts), so that the groups are known before any module is analysed.
import type { WorkspaceModules } from './importResolver';
import type { LinkFacts } from './linkFacts';
import { pushTo } from './moduleInfo';

/** The groups, each in the order of `modules`, ordered by their first module. */
export function independentGroups(modules: readonly LinkFacts[], resolver: WorkspaceModules<LinkFacts>, methodCounts: ReadonlyMap<string, number>): LinkFacts[][] {
  const index = new Map(modules.map((module, i) => [module, i]));
  const parent = modules.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const link = (a: LinkFacts, b: LinkFacts) => {
    const [ra, rb] = [root(index.get(a)!), root(index.get(b)!)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const linkAll = (group: readonly LinkFacts[]) => group.forEach((module) => link(group[0], module));

  for (const module of modules) for (const target of module.imports) for (const imported of resolver.modulesUnder(target, module)) link(module, imported);
  // `FLAGS.weight_decay` reads the options every module defines.
  const flagDefiners = modules.filter((module) => module.definesFlags);
  if (flagDefiners.length > 0) linkAll([...flagDefiners, ...modules.filter((module) => module.valueNames.includes('FLAGS'))]);

  const byValueName = new Map<string, LinkFacts[]>();
  const byCalledMethod = new Map<string, LinkFacts[]>();
  const bySetAttribute = new Map<string, LinkFacts[]>();
  for (const module of modules) {
    for (const name of module.valueNames) pushTo(byValueName, name, module);
    for (const name of module.calledMethods) pushTo(byCalledMethod, name, module);
    for (const attr of module.attributesSet) pushTo(bySetAttribute, attr, module);
  }
  for (const module of modules) {
    // A class used as a value somewhere may be constructed where no call names it.
    for (const className of module.classes) for (const user of byValueName.get(className) ?? []) link(module, user);
    // `obj.step()` on an object handed in runs the one method of that name the workspace defines.
    for (const name of module.methods) if (methodCounts.get(name) === 1) for (const caller of byCalledMethod.get(name) ?? []) link(module, caller);
    // An attribute a constructor stores is not decided by the constructions when some module sets it.
    for (const attr of module.instanceAttributes) for (const setter of bySetAttribute.get(attr) ?? []) link(module, setter);
  }
  const groups = new Map<number, LinkFacts[]>();
  modules.forEach((module, i) => pushTo(groups, root(i), module));
  return [...groups.values()];
}
