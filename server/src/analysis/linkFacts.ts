// What ties a module to the others, read without running the analysis: its imports, and the names
// that lookups across modules go by (independentGroups.ts). Plain data: it crosses threads and is
// kept in the CLI's cache for a module whose text has not changed.
import { attributesSetOf, methodsCalled, namesUsedAsValues } from './constructions';
import { moduleOptions } from './commandLineOptions';
import type { ModuleFile } from './importResolver';
import { methodName, type ImportTarget, type ModuleInfo } from './moduleInfo';

export interface LinkFacts extends ModuleFile {
  /** What its `import` and `from ... import` statements name, star imports included. */
  imports: ImportTarget[];
  classes: string[];
  /** The name of each method of each of its classes (`forward` once per class defining one). */
  methods: string[];
  /** The attributes its classes set on `self`. */
  instanceAttributes: string[];
  /** It defines absl/TF flags. */
  definesFlags: boolean;
  /** Names it uses other than by calling them (`FLAGS`, a class handed over). */
  valueNames: string[];
  /** Method names it calls on any object. */
  calledMethods: string[];
  /** Attributes it sets on objects other than `self`. */
  attributesSet: string[];
}

export function linkFactsOf(module: ModuleInfo): LinkFacts {
  return {
    uri: module.uri,
    filePath: module.filePath,
    imports: [...module.imports.values(), ...module.starImports],
    classes: [...module.classes],
    methods: module.methods.map(methodName),
    instanceAttributes: [...new Set([...module.instanceAttributes.values()].flatMap((attributes) => [...attributes.keys()]))],
    definesFlags: moduleOptions(module).flags.size > 0,
    valueNames: [...namesUsedAsValues(module)],
    calledMethods: [...methodsCalled(module)],
    attributesSet: [...attributesSetOf(module)],
  };
}

/** Per method name, how many classes define it, from each module's method names. */
export function methodCounts(methodsPerModule: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const methods of methodsPerModule) for (const name of methods) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
