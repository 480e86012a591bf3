// Framework methods whose return value the framework trains on, so a `return` there is a sink.
import { isConstant } from './ir';
import type { Scope } from './scope';

/** Methods whose returned value a framework trains on: Lightning's `training_step`, tensorpack's `ModelDesc.build_graph`. */
const returnedLosses: { method: string; framework: RegExp }[] = [
  { method: 'training_step', framework: /^(?:pytorch_lightning|lightning)(?:\.|$)/ },
  { method: 'build_graph', framework: /^tensorpack(?:\.|$)/ },
];

/** The method name when the scope is such a method of a class in a module importing its framework. */
export function returnedLossOf(scope: Scope): string | undefined {
  const name = scope.fn?.name;
  const entry = name ? returnedLosses.find(({ method }) => name.endsWith(`.${method}`)) : undefined;
  if (!entry || !name) return undefined;
  // Lightning with `self.automatic_optimization = False` trains on what manual_backward gets.
  const className = name.slice(0, name.lastIndexOf('.'));
  const manual = [...(scope.module.instanceAttributes.get(className)?.get('automatic_optimization')?.map((assigned) => assigned.value) ?? []), ...(scope.module.classAttributes.get(className)?.get('automatic_optimization') ?? [])];
  if (manual.some((value) => isConstant(value, 'False'))) return undefined;
  const targets = [...scope.module.imports.values(), ...scope.module.starImports];
  return targets.some((target) => entry.framework.test(target.dotted)) ? entry.method : undefined;
}
