// PyTorch Lightning: `training_step` returns the loss Lightning trains on (a dict's 'loss' too),
// unless the module optimizes by hand (`automatic_optimization = False`), where
// `self.manual_backward(loss)` is the call that trains.
import { site, statementSite } from '../evalContext';
import { dottedName, isConstant } from '../ir';
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
  methodCall({ method, call, args, scope, context, at }) {
    if (method !== 'manual_backward' || !call.args[0]) return undefined;
    context?.effects.push({ k: 'sink', loss: args[0], optimizer: EMPTY, site: at, method: 'manual_backward', lossName: dottedName(call.args[0]), lossSite: site(scope, call.args[0].range), statement: statementSite(scope, context) });
    return EMPTY;
  },
};
