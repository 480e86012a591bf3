// The no-decay split by parameter names (`no_decay = ['bias', 'LayerNorm.weight']`, then
// `[p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)]` decayed):
// which of the model's normalization weights its strings miss. The names are known for the
// Hugging Face model families (by the class `from_pretrained` is called on) and for the
// normalization layers a workspace model class assigns to its attributes; in a helper given the
// model (or its named parameters), each call's argument says.
import { dottedName, keywordIs, walkExpressions, walkStatements, type Expr, type Stmt } from '../ir';
import { classOfReceiver } from '../calleeResolution';
import { isPassedParameter } from '../evalContext';
import type { Scope } from '../scope';
import { knownObjects } from '../values';
import { memberOf, type FrameworkHost } from './framework';

/** Hugging Face model classes by their prefix, and the names of their normalization weights (modeling_*.py). */
const HUGGING_FACE_NORMS: [RegExp, string[]][] = [
  [/^DistilBert/, ['embeddings.LayerNorm.weight', 'sa_layer_norm.weight', 'output_layer_norm.weight']],
  [/^(?:Bert|Roberta|XLMRoberta|Camembert|Electra|Albert|Deberta|DebertaV2|Ernie|Longformer|MPNet)(?:Model|For|LMHead|PreTrained)/, ['LayerNorm.weight']],
  [/^(?:GPT2|GPTNeo|GPTJ|ImageGPT)(?:Model|LMHead|For|DoubleHeads)/, ['ln_1.weight', 'ln_2.weight', 'ln_f.weight']],
  [/^(?:T5|MT5|LongT5)(?:Model|For|EncoderModel)/, ['layer_norm.weight', 'final_layer_norm.weight']],
  [/^(?:Llama|Mistral|Mixtral|Qwen2|Gemma)(?:Model|For)/, ['input_layernorm.weight', 'post_attention_layernorm.weight', 'norm.weight']],
  [/^(?:Bart|MBart|Marian|Pegasus|Blenderbot)(?:Model|For)/, ['self_attn_layer_norm.weight', 'final_layer_norm.weight', 'layernorm_embedding.weight']],
  [/^(?:ViT|DeiT)(?:Model|For)/, ['layernorm_before.weight', 'layernorm_after.weight', 'layernorm.weight']],
];

/** Checkpoint names (`AutoModel.from_pretrained('gpt2')`) by the family whose class they load, first match first. */
const CHECKPOINT_FAMILIES: [RegExp, string][] = [
  [/distilbert/i, 'DistilBertModel'],
  [/gpt2|gpt-neo|gpt-j|dialogpt|imagegpt/i, 'GPT2Model'],
  [/bert|electra|albert|ernie|longformer|mpnet/i, 'BertModel'],
  [/(?:^|\/)(?:m|long-)?t5|flan-t5/i, 'T5Model'],
  [/llama|mistral|mixtral|qwen|gemma/i, 'LlamaModel'],
  [/bart|marian|opus-mt|pegasus|blenderbot/i, 'BartModel'],
  [/(?:^|\/|-)(?:vit|deit)-/i, 'ViTModel'],
];

/** Workspace classes and sub-modules looked into, at most. */
const MAX_MODULES = 32;

/**
 * The group's parameters are the names of `model.named_parameters()` filtered by strings (`nd in
 * n` over a list, `'bn' in n or 'bias' in n`, `n.endswith('bias')`, a lambda testing so): the
 * strings and the model expression. The IR keeps no `not`: the caller knows the decayed group from
 * its `weight_decay`, and a filter that names no bias is not taken for a no-decay split.
 */
export function nameFilter(group: Expr, scope: Scope): NameFilter | undefined {
  const filtered = filteredByName(group, scope);
  if (!filtered) return undefined;
  const { name, source, condition } = filtered;
  // `p.dim() >= 2 and not any(...)`: a split by shape as well, which keeps every 1-D norm weight out whatever the names.
  if (testsShape(condition)) return undefined;
  const found = (strings: string[]): NameFilter => ('model' in source ? { strings, model: source.model, handedIn: handedModel(source.model, scope) } : { strings, handedIn: { param: source.handed, ofModule: false } });
  // `any(nd in n for nd in no_decay)`: a group of the test (`nd`, `n`) and its own `for` clause.
  // Several lists (`not any(... no_decay) and not any(... lora_names)`): a name matching any of them is left out.
  const lists: string[][] = [];
  for (const expr of walkExpressions([condition])) {
    if (expr.kind !== 'group' || expr.items.length !== 2) continue;
    const [test, loop] = expr.items;
    if (test.kind !== 'group' || loop.kind !== 'group' || test.items.length !== 2 || loop.items.length !== 2) continue;
    const [needle, haystack] = test.items;
    const [variable, list] = loop.items;
    if (needle.kind !== 'name' || variable.kind !== 'name' || needle.id !== variable.id || haystack.kind !== 'name' || haystack.id !== name) continue;
    const strings = stringList(list, scope);
    if (strings) lists.push(strings);
  }
  // The list of biases and norms first, as the message names them.
  lists.sort((a, b) => Number(b.some((text) => /bias/i.test(text))) - Number(a.some((text) => /bias/i.test(text))));
  if (lists.length > 0) return found(lists.flat());
  const strings = testedStrings(condition, scope, 0);
  return strings?.some((text) => /bias/i.test(text)) ? found(strings) : undefined;
}

/** The condition tests a parameter's shape (`p.dim() < 2`, `p.ndim`, `len(p.shape)`). */
function testsShape(condition: Expr): boolean {
  return [...walkExpressions([condition])].some((expr) => expr.kind === 'attr' && SHAPE_ATTRIBUTES.has(expr.attr));
}

const SHAPE_ATTRIBUTES = new Set(['dim', 'ndim', 'ndimension', 'shape', 'size']);

/**
 * A no-decay split's strings and whose names it filters: a model expression, and, when the model
 * is the helper's parameter (`def build_optimizer(model, args)`) or the names are handed in
 * (`def adamw(named_parameters, lr)`), that parameter, for each call's argument to decide.
 */
export interface NameFilter {
  strings: string[];
  model?: Expr;
  handedIn?: { param: string; ofModule: boolean };
}

/** A model that is the function's parameter, rebound only to wrappers of itself (`model = nn.DataParallel(model)`). */
function handedModel(model: Expr, scope: Scope): NameFilter['handedIn'] {
  if (model.kind !== 'name' || !scope.params.has(model.id)) return undefined;
  return (scope.assigns.get(model.id) ?? []).every((value) => wrapsItself(value, model.id)) ? { param: model.id, ofModule: true } : undefined;
}

/**
 * `[p for n, p in model.named_parameters() if COND]` (or a name given it): the name variable, the
 * condition and the model, or the parameter of the function that holds the named parameters.
 */
function filteredByName(group: Expr, scope: Scope): { name: string; source: { model: Expr } | { handed: string }; condition: Expr } | undefined {
  // `rest_params = [p for n, p in ...]` given by name.
  const assigned = group.kind === 'name' ? scope.assignmentsOf(group.id) : undefined;
  const params = assigned?.length === 1 ? assigned[0] : group;
  if (params.kind !== 'group' || params.items.length !== 3 || params.items[1].kind !== 'group') return undefined;
  const [, clause, condition] = params.items;
  const iterated = clause.kind === 'group' ? clause.items[clause.items.length - 1] : undefined;
  const target = clause.kind === 'group' ? clause.items[0] : undefined;
  const name = target?.kind === 'group' && target.tuple && target.items[0].kind === 'name' ? target.items[0].id : undefined;
  if (!name || !iterated) return undefined;
  const model = namedParametersOf(iterated, scope);
  if (model) return { name, source: { model }, condition };
  const handed = handedNamedParameters(iterated, scope);
  return handed ? { name, source: { handed }, condition } : undefined;
}

/** `for n, p in named_parameters` (or `list(named_parameters)` bound once) with `named_parameters` the function's parameter: its name. */
function handedNamedParameters(expr: Expr, scope: Scope): string | undefined {
  const assigned = expr.kind === 'name' ? scope.assignmentsOf(expr.id) : undefined;
  let iterated = assigned?.length === 1 ? assigned[0] : expr;
  if (iterated.kind === 'call' && iterated.callee.kind === 'name' && iterated.callee.id === 'list' && iterated.args.length === 1) iterated = iterated.args[0];
  return iterated.kind === 'name' && isPassedParameter(iterated.id, scope) ? iterated.id : undefined;
}

/**
 * `[p for n, p in model.named_parameters() if n not in no_decay]` with `no_decay = ['bias',
 * 'gamma', 'beta']`: each whole dotted name (`'encoder.layer.0.bias'`) tested against short names,
 * which none equals, so the filter keeps every parameter; the short names, when so.
 */
export function wholeNameMembership(group: Expr, scope: Scope): string[] | undefined {
  const filtered = filteredByName(group, scope);
  if (!filtered) return undefined;
  let test = filtered.condition;
  // The IR keeps `not` and the comparison as groups around the operands.
  while (test.kind === 'group' && test.items.length === 1) test = test.items[0];
  if (test.kind !== 'group' || test.items.length !== 2 || test.items[0].kind !== 'name' || test.items[0].id !== filtered.name) return undefined;
  const strings = stringList(test.items[1], scope);
  return strings && strings.length > 0 && strings.every((text) => !text.includes('.')) ? strings : undefined;
}

/** Names of the parameters a no-decay split means to find: a string tested for one is such a split, not a split by part of the model. */
const NORM_OR_BIAS_NAME = /bias|norm|bn|ln|gamma|beta|embed|pos/i;

/**
 * `[{'params': [p for n, p in model.named_parameters() if 'backbone' not in n]}, {'params': [... if
 * 'backbone' in n], 'lr': lr_backbone}]`: groups that split one model's parameters by the same
 * strings, none of them biases or norms, and give none their own weight_decay. They hold every
 * parameter between them (the IR keeps no `not`: two groups testing the same strings are taken for
 * a name and its complement), and all decay as the optimizer says.
 */
export function splitsAllByOtherNames(params: Expr, scope: Scope): boolean {
  const assigned = params.kind === 'name' ? scope.assignmentsOf(params.id) : undefined;
  const groups = assigned?.length === 1 ? assigned[0] : params;
  if (groups.kind !== 'group' || groups.keys || groups.subscript || groups.items.length < 2) return false;
  const splits: { strings: string; model: string }[] = [];
  for (const group of groups.items) {
    const index = group.kind === 'group' && group.keys ? group.keys.indexOf('params') : -1;
    if (group.kind !== 'group' || index < 0 || group.keys!.includes('weight_decay')) return false;
    const comprehension = group.items[index];
    if (comprehension.kind !== 'group' || comprehension.items.length !== 3 || comprehension.items[1].kind !== 'group') return false;
    const clause = comprehension.items[1];
    const iterated = clause.items[clause.items.length - 1];
    const model = iterated && namedParametersOf(iterated, scope);
    const strings = testedStrings(comprehension.items[2], scope, 0);
    const modelName = model && dottedName(model);
    if (!modelName || !strings || strings.length === 0 || strings.some((text) => NORM_OR_BIAS_NAME.test(text))) return false;
    splits.push({ strings: [...strings].sort().join('\n'), model: modelName });
  }
  return splits.every((split) => split.model === splits[0].model && split.strings === splits[0].strings);
}

/** `model.named_parameters()`, or a name bound once to it (`list(model.named_parameters())`): the model. */
export function namedParametersOf(expr: Expr, scope: Scope): Expr | undefined {
  const assigned = expr.kind === 'name' ? scope.assignmentsOf(expr.id) : undefined;
  let call = assigned?.length === 1 ? assigned[0] : expr;
  if (call.kind === 'call' && call.callee.kind === 'name' && call.callee.id === 'list' && call.args.length === 1) call = call.args[0];
  return call.kind === 'call' && call.callee.kind === 'attr' && call.callee.attr === 'named_parameters' ? call.callee.object : undefined;
}

/** What a function of the scope (or an enclosing one) returns, when its body is that one `return`. */
function onlyReturn(name: string, scope: Scope): Expr | undefined {
  const body = scope.functionNamed(name)?.fn.body;
  return body?.length === 1 && body[0].kind === 'return' ? body[0].value : undefined;
}

/** Lambdas and one-line functions followed into, at most (`include = lambda n, p: not exclude(n, p)`). */
const MAX_LAMBDA_DEPTH = 3;

/**
 * The strings a condition tests names against, when it tests nothing else: string literals, names,
 * `.endswith` / `.startswith`, `p.requires_grad`, lambdas doing the same. Undefined for anything
 * else (`p.ndim < 2` splits by shape, whatever the names).
 */
function testedStrings(expr: Expr, scope: Scope, depth: number, inAny = false): string[] | undefined {
  const all = (exprs: readonly Expr[], anyArgs = inAny): string[] | undefined => {
    const strings: string[] = [];
    for (const item of exprs) {
      const found = testedStrings(item, scope, depth, anyArgs);
      if (!found) return undefined;
      strings.push(...found);
    }
    return strings;
  };
  switch (expr.kind) {
    case 'str':
      return [expr.value];
    case 'name':
      // `any(nd in n for nd in new_layer)` with `new_layer = ['extractor', 'bilinear']`, `n.startswith(prefixes)`:
      // that list's strings (not `n in no_decay`, a test of the whole name).
      return (inAny ? stringList(expr, scope) : undefined) ?? [];
    case 'attr':
      return expr.attr === 'requires_grad' ? [] : undefined;
    case 'group':
      return all(expr.items);
    case 'call': {
      if (expr.keywords.length > 0) return undefined;
      const { callee } = expr;
      if (callee.kind === 'attr' && (callee.attr === 'endswith' || callee.attr === 'startswith') && callee.object.kind === 'name') return all(expr.args, true);
      if (callee.kind !== 'name') return undefined;
      if (callee.id === 'any' || callee.id === 'all') return all(expr.args, true);
      if (depth >= MAX_LAMBDA_DEPTH) return undefined;
      const assigned = scope.assignmentsOf(callee.id);
      const lambda = assigned?.length === 1 && assigned[0].kind === 'lambda' ? assigned[0] : undefined;
      // `def exclude(n, p): return 'bn' in n or 'bias' in n`: its one returned test.
      const returned = lambda ? lambda.body : onlyReturn(callee.id, scope);
      return returned ? testedStrings(returned, scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** A list of string literals, or a name bound once to one (a parameter: its default, `no_decay_name_list=['bias', ...]`). */
function stringList(expr: Expr, scope: Scope): string[] | undefined {
  const byDefault = expr.kind === 'name' && scope.params.has(expr.id) && !scope.assigns.has(expr.id) ? scope.fn?.params.find((param) => param.name === expr.id)?.defaultValue : undefined;
  const list = byDefault ? [byDefault] : expr.kind === 'name' ? scope.assignmentsOf(expr.id) : [expr];
  if (list?.length !== 1 || list[0].kind !== 'group' || list[0].keys || list[0].subscript) return undefined;
  const strings = list[0].items.map((item) => (item.kind === 'str' ? item.value : undefined));
  return strings.every((item) => item !== undefined) ? (strings as string[]) : undefined;
}

/**
 * The names (or name endings) of the model's normalization weights, when known: a Hugging Face
 * model loaded with `from_pretrained`, or an object of a workspace class.
 */
export function normWeightNames(host: FrameworkHost, model: Expr, scope: Scope): string[] | undefined {
  // Rebinding the model to a wrapper of itself (`model, opt = accelerator.prepare(model, opt)`) keeps its names.
  // `self.student.named_parameters()`: what the class assigns to the attribute (`self.student = ViTForImageClassification.from_pretrained(...)`).
  const ownClass = model.kind === 'attr' ? classOfReceiver(model.object, scope) : undefined;
  const attributeValues = ownClass && model.kind === 'attr' ? scope.module.instanceAttributes.get(ownClass)?.get(model.attr)?.map((assigned) => assigned.value) : undefined;
  const assigned = model.kind === 'name' ? scope.assignmentsOf(model.id)?.filter((value) => !wrapsItself(value, model.id)) : attributeValues;
  if (assigned?.length === 1) {
    const loaded = huggingFaceNorms(host, assigned[0], scope) ?? pretrainedWorkspaceNorms(host, assigned[0], scope);
    if (loaded) return loaded;
  }
  const objects = knownObjects(host.evaluate(model, scope));
  if (!objects) return undefined;
  const names: string[] = [];
  for (const object of objects) {
    const init = host.constructorOf(object);
    const found = init && classNorms(host, init.fn.body, host.moduleScope(init.module), '', { modules: 0 });
    if (!found) return undefined;
    names.push(...found);
  }
  return names;
}

/** A call given the name itself among its arguments (or an item of one's result): `prepare(model, ...)`, `model.to(device)`. */
function wrapsItself(value: Expr, name: string): boolean {
  const call = value.kind === 'element' ? value.of : value;
  if (call.kind !== 'call') return false;
  const receiver = call.callee.kind === 'attr' ? call.callee.object : undefined;
  return [...call.args, ...(receiver ? [receiver] : [])].some((arg) => arg.kind === 'name' && arg.id === name);
}

/** `GPT2LMHeadModel.from_pretrained('gpt2')` (moved with `.to(device)` or not), `BertModel(config)`: that family's names. */
function huggingFaceNorms(host: FrameworkHost, expr: Expr, scope: Scope): string[] | undefined {
  let call = expr;
  while (call.kind === 'call' && call.callee.kind === 'attr' && call.callee.attr !== 'from_pretrained') call = call.callee.object;
  if (call.kind !== 'call') return undefined;
  const dotted = dottedName(call.callee.kind === 'attr' && call.callee.attr === 'from_pretrained' ? call.callee.object : call.callee);
  const qualified = dotted ? host.qualify(dotted, scope.module) : '';
  if (!qualified.startsWith('transformers.')) return undefined;
  const className = qualified.slice(qualified.lastIndexOf('.') + 1);
  const loaded = className.startsWith('Auto') && call.callee.kind === 'attr' && call.callee.attr === 'from_pretrained' ? checkpointClass(host, call, scope) : className;
  return loaded === undefined ? undefined : HUGGING_FACE_NORMS.find(([family]) => family.test(loaded))?.[1];
}

/** `AutoModelForCausalLM.from_pretrained('gpt2')` (or a name holding the checkpoint): the class of the family it loads, when one. */
function checkpointClass(host: FrameworkHost, call: Expr & { kind: 'call' }, scope: Scope): string | undefined {
  const given = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'pretrained_model_name_or_path')?.value;
  // A command-line default (`--model_name_or_path` defaulting to 'gpt2') is the checkpoint the run loads.
  const value = (given ? host.evaluate(given, scope) : []).filter((tag) => tag.k !== 'configurable');
  const classes = new Set(value.map((tag) => (tag.k === 'str' ? CHECKPOINT_FAMILIES.find(([pattern]) => pattern.test(tag.value))?.[1] : undefined)));
  return classes.size === 1 ? [...classes][0] : undefined;
}

/** `BertForRelation.from_pretrained(path)` with the class the workspace's (a Hugging Face subclass): what its constructor assigns. */
function pretrainedWorkspaceNorms(host: FrameworkHost, expr: Expr, scope: Scope): string[] | undefined {
  if (expr.kind !== 'call' || expr.callee.kind !== 'attr' || expr.callee.attr !== 'from_pretrained') return undefined;
  const dotted = dottedName(expr.callee.object);
  const callee = dotted ? host.resolveCallee(dotted, scope) : undefined;
  return callee?.kind === 'function' && callee.constructs ? classNorms(host, callee.ref.fn.body, host.moduleScope(callee.ref.module), '', { modules: 0 }) : undefined;
}

/**
 * The normalization weights a workspace class's `__init__` assigns (`self.ln = nn.LayerNorm(d)`,
 * a class of its own named `*Norm*`), through its workspace sub-modules; undefined when a
 * sub-module is a library model whose names are not known.
 */
function classNorms(host: FrameworkHost, body: readonly Stmt[], scope: Scope, prefix: string, budget: { modules: number }): string[] | undefined {
  if (++budget.modules > MAX_MODULES) return undefined;
  const names: string[] = [];
  for (const stmt of walkStatements(body)) {
    if (stmt.kind !== 'assign' || stmt.targets.length !== 1) continue;
    const target = stmt.targets[0];
    if (target.kind !== 'attr' || target.object.kind !== 'name' || target.object.id !== 'self' || stmt.value.kind !== 'call') continue;
    const found = moduleNorms(host, stmt.value, scope, `${prefix}${target.attr}`, budget);
    if (!found) return undefined;
    names.push(...found);
  }
  return names;
}

/** The attributes a constructor assigns `nn.Parameter(...)`. */
function createdParameters(host: FrameworkHost, body: readonly Stmt[], scope: Scope): string[] {
  return [...walkStatements(body)].flatMap((stmt) => {
    if (stmt.kind !== 'assign' || stmt.targets.length !== 1 || stmt.value.kind !== 'call') return [];
    const target = stmt.targets[0];
    const dotted = dottedName(stmt.value.callee);
    const created = target.kind === 'attr' && target.object.kind === 'name' && target.object.id === 'self' && dotted !== undefined && memberOf(host.resolveCallee(dotted, scope), 'torch') === 'nn.Parameter';
    return created ? [target.attr] : [];
  });
}

/**
 * A PyTorch normalization layer with a learnt scale: not with `affine=False` /
 * `elementwise_affine=False`, and an InstanceNorm only with `affine=True` (its default is none).
 */
export function normHasWeight(member: string, call: Expr & { kind: 'call' }): boolean {
  if (keywordIs(call, 'affine', 'False') || keywordIs(call, 'elementwise_affine', 'False')) return false;
  return !/InstanceNorm/.test(member) || keywordIs(call, 'affine', 'True');
}

/** The normalization weights of one module built by `call` and kept as `attribute`; undefined when not known. */
function moduleNorms(host: FrameworkHost, call: Expr & { kind: 'call' }, scope: Scope, attribute: string, budget: { modules: number }): string[] | undefined {
  const dotted = dottedName(call.callee);
  if (!dotted) return [];
  const callee = host.resolveCallee(dotted, scope);
  const member = memberOf(callee, 'torch');
  if (member !== undefined) {
    if (/Norm/.test(member)) return normHasWeight(member, call) ? [`${attribute}.weight`] : [];
    // `nn.ModuleList([Block(d) for _ in range(n)])`, `nn.Sequential(nn.Linear(a, b), nn.LayerNorm(b))`: the items, by position.
    if (member !== 'nn.ModuleList' && member !== 'nn.Sequential') return [];
    const listed = member === 'nn.ModuleList' && call.args[0]?.kind === 'group' && !call.args[0].keys && !call.args[0].subscript ? call.args[0].items : call.args;
    const names: string[] = [];
    for (const [index, item] of listed.entries()) {
      if (item.kind !== 'call') continue;
      const found = moduleNorms(host, item, scope, `${attribute}.${index}`, budget);
      if (!found) return undefined;
      names.push(...found);
    }
    return names;
  }
  if (callee.kind === 'function' && callee.constructs) {
    // A class of the workspace named like a normalization layer (`RMSNorm`, `LayerNorm2d`; not
    // `WeightNormLinear` or a parameter-free `Normalize`): the parameters it creates (`self.gamma =
    // nn.Parameter(...)`), else the weight a PyTorch norm base gives it.
    const { module, className } = callee.constructs;
    if (/Norm(?:\d+d)?$/.test(className) && !/^(?:Weight|Spectral)Norm/.test(className)) {
      const own = createdParameters(host, callee.ref.fn.body, host.moduleScope(module));
      const inherits = (module.classBases.get(className) ?? []).some((base) => /Norm/.test(base));
      return (own.length > 0 ? own : inherits ? ['weight'] : []).map((name) => `${attribute}.${name}`);
    }
    return classNorms(host, callee.ref.fn.body, host.moduleScope(callee.ref.module), `${attribute}.`, budget);
  }
  const loaded = huggingFaceNorms(host, call, scope);
  if (loaded) return loaded.map((name) => `${attribute}.${name}`);
  return callee.kind === 'external' || callee.kind === 'unseen' ? undefined : [];
}
