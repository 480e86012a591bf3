// WD201: the optimizer decays the weights and the loss adds an explicit L2 penalty as well.
import { onExclusiveBranches } from '../analysis/branchArms';
import { dedupe } from '../analysis/decayFlow';
import { isZeroDecay, type OptimizerTag } from '../analysis/values';
import { collectionName, formatNumber, placeOf } from './describe';
import type { Rule } from './rule';

export const doubleDecay: Rule = {
  code: 'WD201',
  name: 'double-decay',
  defaultSeverity: 'warning',
  summary: "Double decay: the optimizer's weight_decay and an explicit L2 penalty in the loss",
  finds: 'optimizer `weight_decay` plus an explicit L2 penalty in the loss: the parameters decay twice',
  check(facts) {
    const decaying = facts.optimizers.filter((optimizer) => {
      const factor = optimizer.weightDecay?.factor;
      return factor !== undefined && (factor.k !== 'num' || factor.value > 0);
    });
    if (decaying.length === 0) return [];
    const findings = facts.sinks.flatMap((sink) =>
      sink.loss.flatMap((tag) => {
        if (tag.k !== 'decay' || isZeroDecay(tag.term)) return [];
        // Only a penalty on the weights of a module whose optimizer decays them too: not a
        // gradient penalty, an activation penalty, or another model's weights.
        const owner = tag.term.parametersOf;
        // An optax optimizer decays whatever parameter tree its update gets: the one the loss is differentiated for.
        const trains = (candidate: OptimizerTag) => candidate.weightDecay?.trainsLossOf === undefined || candidate.weightDecay.trainsLossOf === sink.method;
        // A Keras or TensorFlow Addons optimizer decays whatever it applies gradients to: in a program with one training loss, that loss's variables.
        const appliesToThisLoss = (candidate: OptimizerTag) => candidate.weightDecay?.optax || (candidate.weightDecay?.keras && facts.sinks.length === 1);
        // `if args.optim == 'sgd': SGD(weight_decay=wd)` and `if args.optim == 'adam': loss += l2`: never one run.
        const penaltySites = [tag.term.l2Site, ...(tag.term.through ? [tag.term.through] : [])];
        const meets = (candidate: OptimizerTag) => !penaltySites.some((at) => onExclusiveBranches(facts.choiceArms, at, candidate.site));
        const optimizer = owner ? decaying.find((candidate) => trains(candidate) && meets(candidate) && (holdsParametersOf(candidate.weightDecay?.parametersOf, owner) || appliesToThisLoss(candidate))) : undefined;
        if (!optimizer) return [];
        const wd = optimizer.weightDecay!.factor;
        return [
          {
            // Where the penalty joins the loss: the helper call that built it, or the term itself.
            ...(tag.term.through ?? tag.term.l2Site),
            message:
              `Double decay: this L2 penalty reaches the loss of \`${sink.lossName ?? 'backward()'}\` while ${optimizer.name} at ${placeOf(optimizer.site)} ` +
              `also decays the weights${wd.k === 'num' ? ` (weight_decay=${formatNumber(wd.value)})` : ''}. Keep one of them.`,
            related: [{ ...optimizer.weightDecay!.site, message: `${optimizer.name} decays the weights of \`${owner}\` too` }],
            data: { weightDecay: wd.k === 'num' ? wd.value : undefined, sink: sink.site },
          },
        ];
      }),
    );
    // A regularizer or decay term that reaches the loss (model.losses, a collection), trained by an
    // optimizer that decays every variable itself (Keras 2.11+, TensorFlow Addons, TF1 contrib).
    // The optimizer is not linked to its loss (compile, apply_gradients): only a program with one training loss says which it trains.
    const keras = facts.sinks.length === 1 ? decaying.find((optimizer) => optimizer.weightDecay?.keras) : undefined;
    const kerasFindings = keras
      ? facts.flows
          .filter((flow) => flow.reachingSinks.length > 0)
          .flatMap((flow) => flow.sources.filter((source) => !isZeroDecay(source.term)).map((source) => ({ flow, source })))
          .map(({ flow, source }) => {
            const wd = keras.weightDecay!.factor;
            return {
              ...source.write.site,
              message:
                `Double decay: this term adds L2 decay to the loss through ${collectionName(flow.key)} while ${keras.name} at ${placeOf(keras.site)} also decays every trainable variable` +
                `${wd.k === 'num' ? ` (weight_decay=${formatNumber(wd.value)})` : ''}. Keep one of them.`,
              related: [{ ...keras.weightDecay!.site, message: `${keras.name} decays these weights too` }],
              data: { weightDecay: wd.k === 'num' ? wd.value : undefined },
            };
          })
      : [];
    // `(u.norm(2).pow(2) + i.norm(2).pow(2)) / n`: the terms of one line are one penalty (the message names the optimizer and the loss).
    return dedupe([...findings, ...kerasFindings], (finding) => `${finding.uri}:${finding.range.startLine}:${finding.message}`);
  },
};

/** The optimizer decays `module`'s parameters and the penalty is on them or a sub-module's (`model.gc1`). */
function holdsParametersOf(module: string | undefined, penalized: string): boolean {
  return module !== undefined && (penalized === module || penalized.startsWith(`${module}.`) || penalized.startsWith(`${module}[`));
}
