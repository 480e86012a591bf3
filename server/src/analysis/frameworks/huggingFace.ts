// Hugging Face's Keras optimizers decay decoupled (`var -= lr * rate * var`) every variable but those
// `exclude_from_weight_decay` names: `AdamWeightDecay(weight_decay_rate=...)` excludes none unless
// told, `create_optimizer(..., weight_decay_rate=...)` (which returns `(optimizer, schedule)`)
// excludes LayerNorm and bias variables itself. The PyTorch `Trainer` trains on what its
// `compute_loss` returns, with an AdamW it builds from `TrainingArguments(weight_decay=...)` that
// spares biases and LayerNorm weights. The package is not in the workspace: calls of it reach this
// module as named calls.
import { keywordGiving, site } from '../evalContext';
import { EMPTY, factorOf, isDisabled, type OptimizerTag, type Value } from '../values';
import type { Framework, NamedCall } from './framework';
import { methodOfClassImporting } from './trainedReturns';

export const huggingFace: Framework = {
  name: 'huggingFace',
  namedCall(named) {
    if (named.kind !== 'external') return undefined;
    if (trainingArguments.test(named.qualified)) return trainerOptimizer(named);
    const optimizer = huggingFaceOptimizer(named);
    if (!optimizer) return undefined;
    return named.element ? (named.element.index === 0 ? optimizer : EMPTY) : optimizer;
  },
  returnedLoss(scope) {
    const className = methodOfClassImporting(scope, 'compute_loss', /^transformers(?:\.|$)/);
    const bases = className === undefined ? [] : scope.module.classBases.get(className) ?? [];
    return bases.some((base) => /(?:^|\.)\w*Trainer$/.test(base)) ? 'compute_loss' : undefined;
  },
};

const trainingArguments = /^transformers\.(?:\w+\.)*(?:Seq2Seq)?TrainingArguments$/;

/** The model a `Trainer` trains reaches `compute_loss` as its `model` parameter. */
const TRAINER_MODEL = 'model';

/**
 * `TrainingArguments(weight_decay=0.01)`: the record of its arguments, and the Trainer's AdamW,
 * which decays the trained model's weights but not its biases and LayerNorm weights.
 */
function trainerOptimizer({ call, keywords, scope, context, at }: NamedCall): Value {
  const record: Value = [{ k: 'fields', fields: keywords }];
  const rate = keywords.get('weight_decay');
  if (!rate || isDisabled(rate)) return record;
  const keyword = keywordGiving('weight_decay', call, keywords)!;
  const decaySite = site(scope, keyword.range);
  const tag: OptimizerTag = {
    k: 'optimizer',
    name: 'AdamW',
    kind: 'adamw',
    learningRate: factorOf(keywords.get('learning_rate') ?? EMPTY),
    site: at,
    weightDecay: { factor: factorOf(rate), site: decaySite, parametersOf: TRAINER_MODEL },
  };
  context?.effects.push({ k: 'optimizer', tag, site: at });
  return record;
}

function huggingFaceOptimizer({ qualified, call, args, keywords, scope, context, at }: NamedCall): Value | undefined {
  const name = /^transformers(?:\.optimization_tf)?\.(AdamWeightDecay|create_optimizer)$/.exec(qualified)?.[1];
  if (!name) return undefined;
  const rate = keywords.get('weight_decay_rate');
  if (!rate || isDisabled(rate)) return name === 'AdamWeightDecay' ? [{ k: 'optimizer', name, kind: 'adamw', learningRate: factorOf(args[0] ?? keywords.get('learning_rate') ?? EMPTY), site: at }] : EMPTY;
  const keyword = keywordGiving('weight_decay_rate', call, keywords)!;
  const excludes = name === 'create_optimizer' || keywords.has('exclude_from_weight_decay');
  const decaySite = site(scope, keyword.range);
  const tag: OptimizerTag = {
    k: 'optimizer',
    name: name === 'create_optimizer' ? 'AdamWeightDecay' : name,
    kind: 'adamw',
    learningRate: factorOf(args[0] ?? keywords.get(name === 'create_optimizer' ? 'init_lr' : 'learning_rate') ?? EMPTY),
    site: at,
    weightDecay: { factor: factorOf(rate), site: decaySite, allParameters: decaySite, keras: { exclusions: excludes ? [at] : [] } },
  };
  context?.effects.push({ k: 'optimizer', tag, site: at });
  return [tag];
}
