// Hugging Face's Keras optimizers decay decoupled (`var -= lr * rate * var`) every variable but those
// `exclude_from_weight_decay` names: `AdamWeightDecay(weight_decay_rate=...)` excludes none unless
// told, `create_optimizer(..., weight_decay_rate=...)` (which returns `(optimizer, schedule)`)
// excludes LayerNorm and bias variables itself. The PyTorch `Trainer` trains on what its
// `compute_loss` returns, with the optimizer it builds from `TrainingArguments(weight_decay=...,
// optim=...)` (AdamW by default), which spares biases and LayerNorm weights. Accelerate's
// `accelerator.backward(loss)` trains on `loss`. The packages are not in the workspace: calls of
// them reach this module as named calls.
import { keywordGiving, site, statementSite, type CallExpr } from '../evalContext';
import { dottedName, type Expr } from '../ir';
import type { ModuleInfo } from '../moduleInfo';
import type { Scope } from '../scope';
import { EMPTY, unionOf, factorOf, fieldSite, isDisabled, selectField, type OptimizerKind, type OptimizerTag, type Value } from '../values';
import type { Framework, FrameworkHost, NamedCall } from './framework';
import { methodOfClassImporting } from './trainedReturns';

export const huggingFace: Framework = {
  name: 'huggingFace',
  namedCall(named) {
    if (named.kind !== 'external') return undefined;
    if (trainingArguments.test(named.qualified)) return argumentsRecord(named);
    const optimizer = huggingFaceOptimizer(named);
    if (!optimizer) return undefined;
    return named.element ? (named.element.index === 0 ? optimizer : EMPTY) : optimizer;
  },
  returnedLoss(scope) {
    const className = methodOfClassImporting(scope, 'compute_loss', /^(?:transformers|trl)(?:\.|$)/);
    return className !== undefined && derivesFromTrainer(scope.module, className) ? { method: 'compute_loss' } : undefined;
  },
  methodCall({ host, method, call, callee, args, scope, context, at, element }) {
    const parsed = PARSE_METHODS.has(method) ? parsedDataclasses(host, callee.object, scope, element?.index) : undefined;
    if (parsed) return parsed;
    const receiver = dottedName(callee.object);
    if (!receiver || !/accelerator$/i.test(receiver) || !importsAccelerate(scope.module)) return undefined;
    // `model, optimizer = accelerator.prepare(model, optimizer)`: the objects given, wrapped.
    if (method === 'prepare') return element ? (args[element.index] ?? EMPTY) : unionOf(args);
    if (method !== 'backward' || call.args.length !== 1) return undefined;
    context?.effects.push({ k: 'sink', loss: args[0], optimizer: EMPTY, site: at, method: `${receiver}.backward`, lossName: dottedName(call.args[0]), lossSite: site(scope, call.args[0].range), statement: statementSite(scope, context) });
    return EMPTY;
  },
  observeCall(call, dotted, scope, context, host) {
    // Every call is observed: only a name ending in Trainer can construct one (a subclass is named so too, or not followed).
    if (!dotted.endsWith('Trainer')) return;
    const optimizer = trainerOptimizer(call, dotted, scope, host);
    if (optimizer) context.effects.push({ k: 'optimizer', tag: optimizer, site: optimizer.site });
  },
};

/** HfArgumentParser's methods that fill its dataclasses (from the command line, a file or a dict). */
const PARSE_METHODS = new Set(['parse_args_into_dataclasses', 'parse_json_file', 'parse_yaml_file', 'parse_dict']);

/**
 * `model_args, data_args, training_args = parser.parse_args_into_dataclasses()` with `parser =
 * HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))`: each item is its
 * dataclass with its defaults (`weight_decay: float = field(default=0.1)`), which the run may change.
 */
function parsedDataclasses(host: FrameworkHost, receiver: Expr, scope: Scope, index: number | undefined): Value | undefined {
  const parser = receiver.kind === 'name' ? host.onlyAssignment(receiver.id, scope) : receiver;
  if (parser?.kind !== 'call' || !parser.args[0] || !/(?:^|\.)HfArgumentParser$/.test(host.qualify(dottedName(parser.callee) ?? '', scope.module))) return undefined;
  const classes = parser.args[0].kind === 'group' && !parser.args[0].subscript && !parser.args[0].keys ? parser.args[0].items : [parser.args[0]];
  const picked = index === undefined ? classes : classes.slice(index, index + 1);
  return unionOf(picked.map((dataclass) => host.evaluate(dataclass, scope)));
}

function importsAccelerate(module: ModuleInfo): boolean {
  return [...module.imports.values()].some((target) => target.dotted === 'accelerate' || target.dotted.startsWith('accelerate.'));
}

const trainingArguments = /^transformers\.(?:\w+\.)*(?:Seq2Seq)?TrainingArguments$/;
const trainerClass = /^(?:transformers|trl)\.(?:\w+\.)*\w*Trainer$/;

/** The model a `Trainer` trains reaches `compute_loss` as its `model` parameter. */
const TRAINER_MODEL = 'model';

/** `TrainingArguments(weight_decay=0.01, optim='adamw_torch')`: the record of its arguments, each with its site. */
function argumentsRecord({ call, keywords, scope }: NamedCall): Value {
  return [{ k: 'fields', fields: keywords, sites: new Map(call.keywords.map((keyword) => [keyword.name, site(scope, keyword.range)])) }];
}

/** A class of the module whose bases include the library's `Trainer` (or another trainer of transformers or trl). */
function derivesFromTrainer(module: ModuleInfo, className: string): boolean {
  return (module.classBases.get(className) ?? []).some((base) => trainerClass.test(qualifiedName(base, module)));
}

/** `Trainer` imported `from transformers import Trainer`: `transformers.Trainer`. */
function qualifiedName(dotted: string, module: ModuleInfo): string {
  const [head, ...rest] = dotted.split('.');
  const target = module.imports.get(head);
  return target ? [target.dotted, ...rest].join('.') : dotted;
}

/**
 * `Trainer(model=..., args=TrainingArguments(weight_decay=0.01))`, or a workspace subclass of it:
 * the optimizer the Trainer builds, which decays the model's weights but not its biases and
 * LayerNorm weights. None when the call hands the Trainer its own optimizer (`optimizers=`), the
 * class builds its own (`create_optimizer`), or the arguments ask for no decay.
 */
function trainerOptimizer(call: CallExpr, dotted: string, scope: Scope, host: FrameworkHost): OptimizerTag | undefined {
  const callee = host.resolveCallee(dotted, scope);
  const constructed = callee.kind === 'function' || callee.kind === 'irrelevant' ? callee.constructs : undefined;
  const isTrainer = constructed
    ? derivesFromTrainer(constructed.module, constructed.className) && !constructed.module.methods.some((method) => method.name === `${constructed.className}.create_optimizer`)
    : trainerClass.test(host.qualify(dotted, scope.module));
  if (!isTrainer || call.keywords.some((keyword) => keyword.name === 'optimizers')) return undefined;
  const argsExpr = call.keywords.find((keyword) => keyword.name === 'args')?.value ?? call.args[1];
  const args = argsExpr ? host.evaluate(argsExpr, scope) : EMPTY;
  const rate = selectField(args, 'weight_decay');
  if (rate.length === 0 || isDisabled(rate)) return undefined;
  const optim = selectField(args, 'optim').find((tag) => tag.k === 'str');
  const at = site(scope, call.range);
  return {
    k: 'optimizer',
    name: 'the Trainer\'s optimizer',
    kind: optim?.k === 'str' ? trainerOptimizerKind(optim.value) : 'adamw',
    learningRate: factorOf(selectField(args, 'learning_rate')),
    site: at,
    weightDecay: { factor: factorOf(rate), site: fieldSite(args, 'weight_decay') ?? at, parametersOf: TRAINER_MODEL, trainsLossOf: 'compute_loss' },
  };
}

/** `TrainingArguments(optim=...)`: which update the Trainer's optimizer makes. */
function trainerOptimizerKind(optim: string): OptimizerKind {
  if (optim.startsWith('adamw')) return 'adamw';
  if (optim === 'sgd') return 'sgd';
  if (optim === 'adagrad') return 'adaptive';
  return 'unknown';
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
