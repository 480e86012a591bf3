// PyTorch Lightning: `training_step` returns the loss Lightning trains on (a dict's 'loss' too),
// unless the module optimizes by hand (`automatic_optimization = False`), where
// `self.manual_backward(loss)` is the call that trains. `self.save_hyperparameters()` in `__init__`
// makes `self.hparams` the record of the constructor's arguments (`self.hparams.weight_decay`).
import { site, statementSite } from '../evalContext';
import { dottedName, isConstant, walkStatements, type Expr, type FunctionDef } from '../ir';
import type { ModuleInfo } from '../moduleInfo';
import { EMPTY } from '../values';
import type { Framework } from './framework';
import { methodOfClassImporting } from './trainedReturns';

export const lightning: Framework = {
  name: 'lightning',
  returnedLoss(scope) {
    const className = methodOfClassImporting(scope, 'training_step', /^(?:pytorch_lightning|lightning)(?:\.|$)/);
    if (className === undefined) return undefined;
    const manual = [...(scope.module.instanceAttributes.get(className)?.get('automatic_optimization')?.map((assigned) => assigned.value) ?? []), ...(scope.module.classAttributes.get(className)?.get('automatic_optimization') ?? [])];
    return manual.some((value) => isConstant(value, 'False')) ? undefined : { method: 'training_step' };
  },
  implicitAttribute(module, className, attr) {
    return attr === 'hparams' ? savedHyperparameters(module, className) : undefined;
  },
  methodCall({ method, call, args, scope, context, at }) {
    if (method !== 'manual_backward' || !call.args[0]) return undefined;
    context?.effects.push({ k: 'sink', loss: args[0], optimizer: EMPTY, site: at, method: 'manual_backward', lossName: dottedName(call.args[0]), lossSite: site(scope, call.args[0].range), statement: statementSite(scope, context) });
    return EMPTY;
  },
};

/** Per module version and class: what `save_hyperparameters` stores, as an expression of `__init__`. */
const savedByModule = new WeakMap<ModuleInfo, Map<string, { value: Expr; method: FunctionDef } | undefined>>();

/**
 * `self.save_hyperparameters()` in `__init__`: a dict of its parameters by name (`'lr', 'wd'` given:
 * those; `ignore=[...]`: all but those); `self.save_hyperparameters(hparams)`: that argument.
 */
function savedHyperparameters(module: ModuleInfo, className: string): { value: Expr; method: FunctionDef } | undefined {
  let saved = savedByModule.get(module);
  if (!saved) savedByModule.set(module, (saved = new Map()));
  if (saved.has(className)) return saved.get(className);
  const init = module.methods.find((method) => method.name === `${className}.__init__`);
  let found: { value: Expr; method: FunctionDef } | undefined;
  for (const stmt of init ? walkStatements(init.body) : []) {
    const call = stmt.kind === 'expr' && stmt.value.kind === 'call' ? stmt.value : undefined;
    if (!call || call.callee.kind !== 'attr' || call.callee.attr !== 'save_hyperparameters' || dottedName(call.callee.object) !== 'self') continue;
    const [first] = call.args;
    if (call.args.length === 1 && first.kind !== 'str') {
      found = { value: first, method: init! };
      break;
    }
    const ignored = call.keywords.find((keyword) => keyword.name === 'ignore')?.value;
    const ignore = new Set(ignored?.kind === 'str' ? [ignored.value] : ignored?.kind === 'group' ? ignored.items.flatMap((item) => (item.kind === 'str' ? [item.value] : [])) : []);
    const named = call.args.flatMap((arg) => (arg.kind === 'str' ? [arg.value] : []));
    const names = (named.length > 0 ? named : init!.params.slice(1).filter((param) => !param.rest).map((param) => param.name)).filter((name) => !ignore.has(name));
    found = { value: { kind: 'group', items: names.map((id) => ({ kind: 'name', id, range: call.range })), keys: names, range: call.range }, method: init! };
    break;
  }
  saved.set(className, found);
  return found;
}
