// PyTorch, keyed by the name after `torch.`: optimizers with their own weight_decay (and parameter
// groups that carry one), penalty building blocks (`p.pow(2).sum()`, `torch.norm`), and the calls
// that train (`loss.backward()`, `torch.autograd.grad`).
import { proxyLayerOf, torchLayers } from './proxyLayers';
import { isPassedParameter, keywordGiving, momentumVariant, passThroughMethods, site, statementSite, type CallExpr } from '../evalContext';
import { appendAll, childExprs, dottedExpr, dottedName, indexedName, isConstant, keywordIs, SPLAT, walkExpressions, walkStatements, type Expr, type FunctionDef, type Keyword, type Param, type Stmt } from '../ir';
import { groupDecays, isAllParameters, parametersOwner, parametersOwners } from '../parameterGroups';
import { nameFilter, namedParametersOf, normHasWeight, normWeightNames, splitsAllByOtherNames, wholeNameMembership } from './noDecayNames';
import type { Range } from '../findings';
import { Scope } from '../scope';
import { argumentExpr } from '../callSites';
import { classOfReceiver } from '../calleeResolution';
import { isReceiver } from '../instantiation';
import { classOfMethod, targetNames, type ModuleInfo } from '../moduleInfo';
import type { FunctionRef } from '../summaryCache';
import { negatedTerms, normOf, perRow, squareOf, sumOf, type NormOrder } from '../valueArithmetic';
import { asData, EMPTY, factorOf, UNNAMED_OPTIMIZER, fieldSite, isDisabled, knownObjects, knownValue, normsMissed, unionOf, type InstanceTag, type Tag, type OptimizerDecay, type OptimizerKind, type OptimizerTag, type Site, type Value } from '../values';
import { memberOf, type Framework, type FrameworkHost, type LibraryCall, type MethodCall } from './framework';

const optimizers: Record<string, OptimizerKind> = {
  'optim.SGD': 'sgd',
  'optim.Adam': 'adam',
  'optim.AdamW': 'adamw',
  'optim.RMSprop': 'adaptive',
  'optim.Adagrad': 'adaptive',
  'optim.Adadelta': 'adaptive',
  'optim.Adamax': 'adam',
  'optim.NAdam': 'adam',
  'optim.RAdam': 'adam',
  // Averaged SGD: its own weight_decay, an update of its own (no WD301 arithmetic).
  'optim.ASGD': 'unknown',
};

/** torch.optim's optimizers by their own names (`Adam`), for a class looked up by a name a caller gives. */
const optimizersByName: Record<string, OptimizerKind> = Object.fromEntries(Object.entries(optimizers).map(([member, kind]) => [member.slice('optim.'.length), kind]));

type TorchRole = 'sum' | 'square' | 'norm' | 'gradients' | 'negate';

const roles: Record<string, TorchRole> = {
  sum: 'sum',
  square: 'square',
  norm: 'norm',
  'linalg.norm': 'norm',
  'autograd.grad': 'gradients',
  'autograd.backward': 'gradients',
  neg: 'negate',
  negative: 'negate',
};

/** Functions whose result is their input rearranged or combined; the others compute data (torch.nn.functional, layers). */
const passThroughFunctions = new Set(['mean', 'add', 'sub', 'mul', 'div', 'stack', 'cat', 'clone', 'squeeze', 'reshape', 'where', 'maximum', 'minimum']);

function torchPassesThrough(member: string): boolean {
  return passThroughFunctions.has(member);
}

/** `torch.optim.SGD` -> `optim.SGD`, `transformers.AdamW` as it is; undefined outside PyTorch. */
function torchMember(fullName: string): string | undefined {
  if (Object.hasOwn(libraryOptimizers, fullName)) return fullName;
  const match = /^torch(?:\.(.*))?$/.exec(fullName);
  return match ? match[1] ?? '' : undefined;
}

/**
 * Optimizers of libraries built on PyTorch, by their import path, taken as torch's: Hugging Face's
 * AdamW (`from transformers import AdamW`, decoupled, no decay unless given) and the BertAdam of
 * pytorch_pretrained_bert (decoupled, 0.01 unless given).
 */
const libraryOptimizers: Record<string, OptimizerKind> = {
  'transformers.AdamW': 'adamw',
  'transformers.optimization.AdamW': 'adamw',
  'pytorch_transformers.AdamW': 'adamw',
  'pytorch_transformers.optimization.AdamW': 'adamw',
  'pytorch_pretrained_bert.BertAdam': 'adamw',
  'pytorch_pretrained_bert.optimization.BertAdam': 'adamw',
};

/** The weight_decay an optimizer applies when none is given (position, keyword, mapping or groups). */
const defaultDecays: Record<string, number> = {
  'optim.AdamW': 0.01,
  'pytorch_pretrained_bert.BertAdam': 0.01,
  'pytorch_pretrained_bert.optimization.BertAdam': 0.01,
};

function torchOptimizerKind(member: string): OptimizerKind | undefined {
  // `getattr(torch.optim, name)` with a name not known: some optimizer of torch.optim.
  return optimizers[member] ?? libraryOptimizers[member] ?? (member === 'optim.*' ? 'unknown' : undefined);
}

function torchRole(member: string): TorchRole | undefined {
  return roles[member];
}

/** A module's weight attribute: `weight`, and a recurrent layer's `weight_ih_l0` / `weight_hh_l1`. */
const moduleWeight = /^weight(?:_[a-z]{2}_l\d+)?$/;

/** Tensor methods that return a new tensor (`add_` is the in-place one). */
const outOfPlaceArithmetic = new Set(['add', 'sub', 'mul', 'div']);

export const torch: Framework = {
  name: 'torch',
  // Only through an import: a local name `torch` is not the library.
  memberOf: ({ qualified, imported }) => (imported ? torchMember(qualified) : undefined),
  call: callTorch,
  methodCall: torchMethod,
  holdsAllParameters,
  handedNormNames,
  // `model.gc1.weight`, `self.layers[0].weight`, `self.rnn.weight_ih_l0`: one of that module's
  // parameters, so `w ** 2`, `w.pow(2)` and `torch.norm(w)` are penalties on them.
  attribute({ host, expr, scope }) {
    if (![...scope.module.imports.values()].some((target) => target.dotted === 'torch' || target.dotted.startsWith('torch.'))) return undefined;
    const owner = indexedName(expr.object);
    if (!owner) return undefined;
    // `model.V`, `self.W` with `self.W = nn.Parameter(...)` in the class: a parameter of that object.
    return moduleWeight.test(expr.attr) || holdsParameter(host, expr, scope) ? [{ k: 'weights', of: owner }] : undefined;
  },
  stopsGradients(item, scope, host) {
    const dotted = dottedName(item.callee);
    const member = dotted ? torchMember(host.qualify(dotted, scope.module)) : undefined;
    return member === 'no_grad' || member === 'inference_mode' || (member === 'set_grad_enabled' && item.args[0] !== undefined && isConstant(item.args[0], 'False'));
  },
  // `loss.add(wd * l2)` computes a new tensor with the term: as a statement of its own, it is dropped.
  buildsDecayTerm: (callee, call) =>
    (!callee || callee.kind === 'value') && call.callee.kind === 'attr' && outOfPlaceArithmetic.has(call.callee.attr) && call.args.some((arg) => arg.kind === 'binop' && arg.op === '*'),
  handedInClass: handedInOptimizer,
};

/** `opt_cls(model.parameters(), lr=lr, weight_decay=wd)`: parameters first, then an optimizer's keywords (or a mapping of them). */
const optimizerKeywords = new Set(['lr', 'weight_decay', 'momentum', SPLAT]);
function handedInOptimizer(call: CallExpr): string | undefined {
  const params = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'params')?.value;
  return params && call.keywords.some((keyword) => optimizerKeywords.has(keyword.name)) ? 'optim.*' : undefined;
}

/** Where the decay is written: its keyword, or the entry of the mapping splatted into the call (`kwargs['weight_decay'] = wd`). */
function decaySite(host: FrameworkHost, keyword: Keyword, scope: Scope): Site {
  return (keyword.name === SPLAT ? fieldSite(host.evaluate(keyword.value, scope), 'weight_decay') : undefined) ?? site(scope, keyword.range);
}

/** Optimizers with their own weight_decay, penalty building blocks, autograd. */
function callTorch(library: LibraryCall): Value {
  const { host, member, byName, args, scope, context, at: callSite } = library;
  // pytorch_pretrained_bert up to 0.4 named BertAdam's decay `weight_decay_rate`.
  const renamed = /BertAdam$/.test(member) ? library.call.keywords.find((keyword) => keyword.name === 'weight_decay_rate') : undefined;
  const call: CallExpr = renamed ? { ...library.call, keywords: library.call.keywords.map((keyword) => (keyword === renamed ? { ...keyword, name: 'weight_decay' } : keyword)) } : library.call;
  const keywords = renamed ? new Map([...library.keywords].map(([name, value]) => [name === 'weight_decay_rate' ? 'weight_decay' : name, value])) : library.keywords;
  // `nn.Conv2d(3, 16, 5)`, `nn.Linear(128, 10)`: a layer of the model, for sweep proxies.
  const layer = proxyLayerOf(torchLayers, member, call, args, keywords, callSite);
  if (layer) context?.effects.push(layer);
  // NAdam and RAdam with `decoupled_weight_decay=True` decay like AdamW.
  const decoupled = keywordIs(call, 'decoupled_weight_decay', 'True');
  const kind = decoupled ? 'adamw' : torchOptimizerKind(member);
  if (kind) {
    const params = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'params')?.value;
    const given = keywordGiving('weight_decay', call, keywords);
    // Without its own weight_decay= (or with 0 there, `AdamW(params, weight_decay=0.)`), the first
    // parameter group that decays (`{'params': heads, 'weight_decay': wd}`): a group's own decay wins.
    const groups = params ? groupDecays(params, scope) : [];
    const decayingGroups = groups.filter((candidate) => !isDisabled(host.evaluate(candidate.decay.value, scope)));
    const ownDecay = given && decayingGroups.length > 0 && isDisabled(keywords.get('weight_decay') ?? host.evaluate(given.value, scope)) ? undefined : given;
    const decaying = ownDecay ? [] : decayingGroups;
    const group = decaying[0];
    const decayKeyword = ownDecay ?? group?.decay;
    // torch.optim.AdamW decays by 0.01 unless told otherwise (by position, a mapping or its groups).
    const givenOtherwise = call.keywords.some((keyword) => keyword.name === SPLAT) || call.args.length >= 5 || groups.length > 0;
    const defaultDecay = !decayKeyword && !givenOtherwise ? defaultDecays[member] : undefined;
    const decayOf = (keyword: Keyword | undefined, decayed: Expr | undefined): OptimizerDecay => {
      // A helper's `params` parameter as it is: named so, and a call renames it to its argument's module.
      const passedOn = decayed?.kind === 'name' && isPassedParameter(decayed.id, scope) ? decayed.id : undefined;
      const owner = storedOnInstance(decayed ? parametersOwner(decayed, scope) : undefined, scope) ?? passedOn;
      const handedModel = decayed && modelParameterOf(decayed, scope);
      return {
        factor: keyword ? factorOf(keyword === ownDecay ? (keywords.get('weight_decay') ?? host.evaluate(keyword.value, scope)) : host.evaluate(keyword.value, scope)) : { k: 'num', value: defaultDecay ?? 0, site: callSite },
        site: keyword ? decaySite(host, keyword, scope) : callSite,
        // A group that holds a whole module's parameters (`dict(params=model.conv1.parameters(), weight_decay=5e-4)`) decays its biases too.
        allParameters:
          decayed && ((!groups.some((candidate) => candidate.params === decayed && candidate.chosenPerParameter) && holdsAllParameters(decayed, scope, host)) || (keyword && keyword !== ownDecay && decaysEveryParameterAlike(host, decayed, keyword.value, scope)))
            ? site(scope, decayed.range)
            : undefined,
        allParametersFrom: passedOn ? { param: passedOn } : handedModel ? { param: handedModel, ofModule: true } : undefined,
        // At the decaying group's params when the split is into groups: the filter that misses the norms.
        ...(decayed && !ownDecay ? missedNorms(host, decayed, scope, site(scope, decayed.range)) : {}),
        ...(decayed && !ownDecay && !group ? returnedGroupsMissedNorms(host, decayed, scope) : {}),
        wholeNameTest: decayed && !ownDecay ? wholeNameTestOf(decayed, scope) : undefined,
        parametersOf: owner,
        callee: call.callee.kind === 'attr' ? site(scope, call.callee.range) : undefined,
        // The quick fix splits the optimizer's params argument, not a group inside it.
        statement: keyword && keyword !== ownDecay ? undefined : statementSite(scope, context),
      };
    };
    // `Adam(model.parameters(), **optimizer_param)` in a helper given the options: each call's mapping decides.
    // (Not when the helper pops the decay out of the mapping first: `wd = cfg.pop('weight_decay')`.)
    const splat = decayKeyword || defaultDecay !== undefined ? undefined : call.keywords.find((keyword) => keyword.name === SPLAT && !(keyword.value.kind === 'name' && scope.poppedKeys(keyword.value.id).has('weight_decay')));
    const mapping = splat ? givenMapping(host.evaluate(splat.value, scope)) : undefined;
    const decayFromMapping = (): OptimizerDecay | undefined =>
      splat && mapping ? { ...decayOf(splat, params), factor: { k: 'param', name: mapping.name, path: [...(mapping.path ?? []), 'weight_decay'] }, ifMappingHas: mapping } : undefined;
    const momentum = factorOf(keywords.get('momentum') ?? EMPTY);
    const variant = momentumVariant(call, keywords, 'nesterov');
    // A momentum the caller gives (`momentum=momentum` in a helper): some momentum, its value decided per call.
    const withMomentum = (momentum.k === 'num' && momentum.value > 0) || momentum.k === 'param';
    const tag: OptimizerTag = {
      k: 'optimizer',
      name: member === 'optim.*' ? UNNAMED_OPTIMIZER : member.split('.').pop()!,
      kind: kind === 'sgd' && withMomentum ? 'momentum' : kind,
      ...(member === 'optim.*' && byName ? { kindByName: { name: byName, kinds: optimizersByName, ...(withMomentum ? { withMomentum } : {}) } } : {}),
      learningRate: factorOf(args[1] ?? keywords.get('lr') ?? EMPTY),
      site: callSite,
      ...(variant ? { momentum: knownValue(momentum), ...variant } : {}),
      ...(momentum.k === 'param' ? { momentumGiven: momentum } : {}),
      weightDecay: decayKeyword || defaultDecay !== undefined ? decayOf(decayKeyword, group ? group.params : params) : decayFromMapping(),
    };
    context?.effects.push({ k: 'optimizer', tag, site: callSite });
    // Each further group that decays (`dict(params=model.fc_parameters, weight_decay=args.wd2)`) is checked as well.
    for (const other of decaying.slice(1)) context?.effects.push({ k: 'optimizer', tag: { ...tag, weightDecay: decayOf(other.decay, other.params) }, site: callSite });
    return [tag];
  }
  const first = args[0] ?? EMPTY;
  const role = torchRole(member);
  // `torch.sum(e ** 2, dim=1)`, `torch.norm(e, p=2, dim=1)`: per-row values (a distance, a cosine's denominator), no penalty.
  if ((role === 'norm' || role === 'sum') && reducesAlongDim(call, role === 'norm' ? 2 : 1)) return perRow(unionOf(args));
  switch (role) {
    case 'square':
      return squareOf(first, callSite);
    case 'norm':
      return normOf(first, callSite, euclideanNorm(args[1], keywords.get('p') ?? keywords.get('ord')));
    case 'sum':
      return sumOf(first, callSite) ?? unionOf(args);
    case 'gradients':
      context?.effects.push({ k: 'sink', loss: first, optimizer: EMPTY, site: callSite, method: 'torch.autograd.grad' });
      return EMPTY;
    case 'negate':
      return negatedTerms(first, callSite, true);
    default: {
      const value = unionOf([...args, ...keywords.values()]);
      return torchPassesThrough(member) ? value : asData(value);
    }
  }
}

/**
 * `torch.norm(w)`, `w.norm(2)`, `torch.norm(w, p=self.p)` with `p` 2 (`ord` for linalg.norm): the
 * 2-norm (the default); `p=p` with `p` a parameter: its name, for each call to decide.
 */
function euclideanNorm(positional: Value | undefined, keyword: Value | undefined): NormOrder | undefined {
  const p = keyword ?? positional;
  if (p?.length === 1 && p[0].k === 'param' && !p[0].derived && !p[0].path) return { order: p[0].name };
  const euclidean = p === undefined || (p.length > 0 && p.every((tag) => (tag.k === 'num' && tag.value === 2) || (tag.k === 'str' && tag.value === 'fro')));
  return euclidean ? { euclidean: true } : undefined;
}

/** Tensor methods of penalties (`p.pow(2)`, `.square()`, `.sum()`, `.norm()`), parameter lists, `add_param_group`, `backward`. */
function torchMethod({ host, method, call, callee, receiver, args, keywords, scope, context, at }: MethodCall): Value | undefined {
  if ((method === 'pow' && args[0]?.some((tag) => tag.k === 'num' && tag.value === 2)) || method === 'square') return squareOf(receiver, at);
  // `loss = log_post.neg()`: a maximized objective turned into the loss.
  if ((method === 'neg' || method === 'negative') && call.args.length === 0) return negatedTerms(receiver, at, true);
  // `e.pow(2).sum(-1)`, `e.norm(dim=1)`: per-row values, no penalty.
  if ((method === 'sum' || method === 'norm') && reducesAlongDim(call, method === 'norm' ? 1 : 0)) return perRow(receiver);
  const summed = method === 'sum' ? sumOf(receiver, at) : undefined;
  if (summed) return summed;
  if (method === 'norm') return normOf(receiver, at, euclideanNorm(args[0], keywords.get('p')));
  // `self.user_embedding(users)`: rows of that table, its parameters (recommenders penalize the rows of a batch).
  if (holdsEmbedding(host, callee, receiver, scope)) return [{ k: 'weights', of: dottedName(callee) ?? callee.attr }];
  // The loop variable of `for name, p in model.named_parameters()` holds this module's parameters.
  if ((method === 'parameters' || method === 'named_parameters') && call.args.length === 0) {
    const owner = dottedName(callee.object);
    if (owner) return [{ k: 'weights', of: owner }];
  }
  if (method === 'add_param_group' && call.args[0]) {
    // `optimizer.add_param_group({'params': g, 'weight_decay': wd})`: that group decays too.
    const group = groupDecays(call.args[0], scope).find((candidate) => !isDisabled(host.evaluate(candidate.decay.value, scope)));
    for (const tag of group ? receiver : []) {
      if (tag.k !== 'optimizer' || tag.weightDecay?.optax || tag.weightDecay?.keras) continue;
      const decaySite = site(scope, group!.decay.range);
      const weightDecay: OptimizerDecay = { factor: factorOf(host.evaluate(group!.decay.value, scope)), site: decaySite, parametersOf: group!.params ? parametersOwner(group!.params, scope) : undefined };
      context?.effects.push({ k: 'optimizer', tag: { ...tag, weightDecay }, site: tag.site });
    }
    return EMPTY;
  }
  if (method === 'backward' && call.args.length === 0) {
    // `loss.backward()`: PyTorch's sink.
    context?.effects.push({ k: 'sink', loss: receiver, optimizer: EMPTY, site: at, method: 'backward', lossName: dottedName(callee.object), lossSite: site(scope, callee.object.range), statement: statementSite(scope, context) });
    return EMPTY;
  }
  return undefined;
}

/**
 * In a constructor, a module it is given and stores (`self.model = model`) by its name on the
 * instance (`self.model`), as the other methods name it.
 */
function storedOnInstance(owner: string | undefined, scope: Scope): string | undefined {
  const fn = scope.fn;
  const head = owner?.split('.')[0];
  if (!owner || !head || !fn?.name.endsWith('.__init__') || !fn.params.some((param) => param.name === head && !param.rest)) return owner;
  const stored = fn.body.flatMap((stmt) =>
    stmt.kind === 'assign' && stmt.targets.length === 1 && stmt.targets[0].kind === 'attr' && stmt.targets[0].object.kind === 'name' && stmt.targets[0].object.id === 'self' && stmt.value.kind === 'name' && stmt.value.id === head ? [stmt.targets[0].attr] : [],
  );
  return stored.length === 1 ? `self.${stored[0]}${owner.slice(head.length)}` : owner;
}

/** `self.W`, `model.W`: the class of the object (in the workspace) assigns the attribute `nn.Parameter(...)` and nothing else. */
function holdsParameter(host: FrameworkHost, expr: Expr & { kind: 'attr' }, scope: Scope): boolean {
  // On a variable only: evaluating the object of every link of a long chain (`a.b.c.d`) again would repeat that chain's work.
  if (expr.object.kind !== 'name') return false;
  const className = classOfReceiver(expr.object, scope);
  const objects = className ? undefined : knownObjects(host.evaluate(expr.object, scope));
  const assigned = className ? scope.module.instanceAttributes.get(className)?.get(expr.attr) : objects?.length === 1 ? assignedToAttribute(host, objects[0], expr.attr)?.values : undefined;
  return assigned !== undefined && assigned.length > 0 && assigned.every(({ value }) => isParameterCall(value));
}

/** `self.table`, `model.table`: the class assigns the attribute an `nn.Embedding(...)` (or `nn.Embedding.from_pretrained(...)`) and nothing else. */
function holdsEmbedding(host: FrameworkHost, callee: Expr & { kind: 'attr' }, receiver: Value, scope: Scope): boolean {
  const className = classOfReceiver(callee.object, scope);
  // `model.user_emb(u)` on an object of a workspace class: that class's attribute, read in the class's module.
  const objects = className ? undefined : knownObjects(receiver);
  const assigned = className ? { values: scope.module.instanceAttributes.get(className)?.get(callee.attr), scope } : objects?.length === 1 ? assignedToAttribute(host, objects[0], callee.attr) : undefined;
  return (
    assigned?.values !== undefined &&
    assigned.values.length > 0 &&
    assigned.values.every(({ value }) => {
      const dotted = value.kind === 'call' ? dottedName(value.callee) : undefined;
      const member = dotted ? memberOf(host.resolveCallee(dotted, assigned.scope), 'torch') : undefined;
      return member === 'nn.Embedding' || member === 'nn.Embedding.from_pretrained';
    })
  );
}

/** `n not in no_decay` on whole names: the group keeps every parameter (WD203 at its params). */
function wholeNameTestOf(decayed: Expr, scope: Scope): OptimizerDecay['wholeNameTest'] {
  const strings = wholeNameMembership(decayed, scope);
  return strings ? { site: site(scope, decayed.range), strings } : undefined;
}

/**
 * A decayed group of `named_parameters()` filtered by names: the model's normalization weights
 * none of its strings match, or, in a helper given the model, the parameter each call decides by.
 */
function missedNorms(host: FrameworkHost, decayed: Expr, scope: Scope, at: Site): Pick<OptimizerDecay, 'missedNorms' | 'missedNormsFrom'> {
  const filter = nameFilter(decayed, scope);
  if (!filter) return {};
  // A model a library mostly freezes (`get_peft_model`, `requires_grad_(False)`): its norms get no gradient, so no decay.
  const owner = filter.model && dottedName(filter.model);
  if (owner && freezesParameters(host, owner, scope)) return {};
  const norms = filter.model && normWeightNames(host, filter.model, scope);
  if (!norms) return filter.handedIn ? { missedNormsFrom: { ...filter.handedIn, site: at, strings: filter.strings } } : {};
  const names = normsMissed(norms, filter.strings);
  return names.length > 0 ? { missedNorms: { site: at, names, strings: filter.strings } } : {};
}

/**
 * `groups = get_optimizer_grouped_parameters(model, wd)` (DeepSpeed-Chat, many fine-tuning
 * scripts): a workspace function returning groups split by parameter names in its own code; the
 * caller's model's normalization weights a decayed group's strings miss, at that group's params.
 */
function returnedGroupsMissedNorms(host: FrameworkHost, params: Expr, scope: Scope): Pick<OptimizerDecay, 'missedNorms'> {
  const call = params.kind === 'name' ? host.onlyAssignment(params.id, scope) : params;
  const dotted = call?.kind === 'call' ? dottedName(call.callee) : undefined;
  const callee = dotted ? host.resolveCallee(dotted, scope) : undefined;
  if (call?.kind !== 'call' || callee?.kind !== 'function' || callee.self || callee.constructs) return {};
  const { ref } = callee;
  const helperScope = scopeOf(host, ref);
  for (const stmt of walkStatements(ref.fn.body)) {
    if (stmt.kind !== 'return' || !stmt.value) continue;
    for (const group of groupDecays(stmt.value, helperScope)) {
      if (!group.params || isDisabled(host.evaluate(group.decay.value, helperScope))) continue;
      const filter = nameFilter(group.params, helperScope);
      if (!filter?.handedIn?.ofModule) continue;
      const given = argumentExpr(ref.fn, call, ref.fn.params.findIndex((param) => param.name === filter.handedIn!.param), 0);
      const norms = given && normWeightNames(host, given, scope);
      const names = norms ? normsMissed(norms, filter.strings) : [];
      if (names.length > 0) return { missedNorms: { site: site(helperScope, group.params.range), names, strings: filter.strings } };
    }
  }
  return {};
}

/**
 * `for name, p in model.named_parameters(): ... groups += [{'params': [p], 'weight_decay': wd}]`
 * with one decay for every parameter (no test of its name or shape sets it, none skips a parameter
 * but a frozen one): every parameter of the model decays, biases and norms included.
 */
function decaysEveryParameterAlike(host: FrameworkHost, params: Expr, decay: Expr, scope: Scope): boolean {
  const item = params.kind === 'group' && !params.keys && !params.subscript && params.items.length === 1 ? params.items[0] : params;
  if (item.kind !== 'name') return false;
  const loop = [...walkStatements(scope.fn ? scope.fn.body : scope.module.ir.body, false)].find((stmt) => stmt.kind === 'block' && stmt.loop && targetNames([stmt.loop.target]).includes(item.id));
  const iterable = loop?.kind === 'block' ? loop.loop?.iterable : undefined;
  if (loop?.kind !== 'block' || iterable?.kind !== 'call' || iterable.callee.kind !== 'attr' || !PARAMETER_ITERATORS.has(iterable.callee.attr)) return false;
  // A skip (`if 'bn' in name: continue`, a `continue` being an empty block) leaves a parameter out; one on `requires_grad` keeps what trains.
  const readsRequiresGrad = (test: Expr) => [...walkExpressions([test])].some((expr) => expr.kind === 'attr' && expr.attr === 'requires_grad');
  const skips = (stmt: Stmt) => stmt.kind === 'if' && stmt.body.every((inner) => inner.kind === 'block' && inner.body.length === 0) && !readsRequiresGrad(stmt.test);
  if ([...walkStatements(loop.body, false)].some(skips)) return false;
  if ((decay.kind === 'name' && (scope.assignmentsOf(decay.id)?.length ?? 0) > 1) || isDisabled(host.evaluate(decay, scope))) return false;
  const every: Expr = { kind: 'call', callee: { kind: 'attr', object: iterable.callee.object, attr: 'parameters', range: iterable.range }, args: [], keywords: [], range: iterable.range };
  return holdsAllParameters(every, scope, host);
}

const PARAMETER_ITERATORS = new Set(['parameters', 'named_parameters']);

/** A function's own scope, inside its parent's or its module's. */
function scopeOf(host: FrameworkHost, ref: FunctionRef): Scope {
  return new Scope(ref.module, ref.fn, ref.parent ?? host.moduleScope(ref.module), ref.key);
}

/** The normalization weight names of the module a call hands a helper: as it is, or the receiver of its `named_parameters()`. */
function handedNormNames(host: FrameworkHost, given: Expr, ofModule: boolean, scope: Scope): string[] | undefined {
  const model = ofModule ? given : namedParametersOf(given, scope);
  return model && normWeightNames(host, model, scope);
}

/** A reduction given a dimension (`dim=`, `axis=`, or the positional argument at `dimAt`): it keeps one value per row. */
function reducesAlongDim(call: CallExpr, dimAt: number): boolean {
  return call.keywords.some((keyword) => keyword.name === 'dim' || keyword.name === 'axis') || (call.args.length > dimAt && call.args[dimAt].kind !== 'none');
}

/** PyTorch layers with a bias unless given `bias=False`. */
const BIASED_LAYER = /^nn\.(?:Linear|Bilinear|Conv\w*|LazyLinear|LazyConv\w*|RNN|LSTM|GRU)$/;

/**
 * A PyTorch layer call that creates no bias and no normalization parameters (`nn.Linear(a, b,
 * bias=False)`, `nn.ReLU()`, `nn.BatchNorm2d(c, affine=False)`).
 */
function layerOwnsOnlyWeights(member: string, call: CallExpr): boolean {
  // A norm layer has a scale and shift unless told otherwise (`affine=False`, `elementwise_affine=False`).
  if (/Norm/.test(member)) return !normHasWeight(member, call);
  if (member === 'nn.MultiheadAttention') return false;
  const biased = BIASED_LAYER.test(member);
  return !biased || keywordIs(call, 'bias', 'False');
}


/** A `**mapping` that is a parameter as it is (or a field of one): the caller's mapping, by name and path. */
function givenMapping(value: Value): { name: string; path?: readonly string[] } | undefined {
  const only = value.length === 1 ? value[0] : undefined;
  // `**cfg['optim_params']` reads a field (derived, with its path): no arithmetic makes a mapping.
  return only?.k === 'param' && (!only.derived || only.path) && !only.called && !only.scaled ? { name: only.name, path: only.path } : undefined;
}

/**
 * The parameters decay biases or norms: every parameter of a module that has some (`model.parameters()`,
 * a split by names that misses them, a list the model stores or a method returns), not mostly frozen.
 */
function holdsAllParameters(params: Expr, scope: Scope, host: FrameworkHost, depth = 0): boolean {
  if ((isAllParameters(params, scope) || splitsAllByOtherNames(params, scope)) && !onlyWeightsOf(host, params, scope) && !parametersOwners(params, scope).some((owner) => freezesParameters(host, owner, scope))) return true;
  // Groups that only set their own learning rates (`[{'params': self.base.parameters(), 'lr': 0.1 * lr}, ...]`):
  // each decays as the optimizer says, so one holding a whole module's parameters decays its biases.
  const groups = groupsWithoutDecay(params, scope);
  if (groups.some((group) => holdsAllParameters(group, scope, host, depth))) return true;
  const stored = depth < 2 ? parameterListsOfModel(host, params, scope) : [];
  return stored.length > 0 && stored.every((list) => holdsAllParameters(list.expr, list.scope, host, depth + 1));
}

/**
 * The params of each group of a list of groups when no group sets its own decay: a list literal, or
 * a name set to one or filled by appends (`params_list.append(dict(params=module.parameters(), lr=lr))`).
 */
function groupsWithoutDecay(params: Expr, scope: Scope): Expr[] {
  const isList = (expr: Expr) => expr.kind === 'group' && !expr.keys && !expr.subscript && !expr.tuple;
  const assigned = params.kind === 'name' ? scope.assignmentsOf(params.id) : [params];
  if (!assigned || !assigned.every(isList)) return [];
  const items = [...assigned.flatMap((list) => (list.kind === 'group' ? list.items : [])), ...(params.kind === 'name' ? scope.appendedTo(params.id) : [])];
  // (A group with an entry splatted in, `{..., **no_wd}`, may set its own decay.)
  const paramsOf = (group: Expr): Expr | undefined => {
    // (A splatted entry has no string key; IR reused from an earlier parse holds it as null.)
    if (group.kind === 'group' && group.keys) return group.keys.includes('weight_decay') || group.keys.some((key) => typeof key !== 'string') ? undefined : group.items[group.keys.indexOf('params')];
    const isDict = group.kind === 'call' && group.callee.kind === 'name' && group.callee.id === 'dict';
    return isDict && !group.keywords.some((keyword) => keyword.name === 'weight_decay' || keyword.name === SPLAT) ? group.keywords.find((keyword) => keyword.name === 'params')?.value : undefined;
  };
  const groups = items.map(paramsOf);
  return groups.length > 0 && groups.every((group) => group !== undefined) ? (groups as Expr[]) : [];
}

/**
 * `model.params2`, `model.get_weights()` on a workspace model: the lists its class stores in the
 * attribute (`self.params2 = list(self.fcs.parameters())`) or the method returns, each with the
 * scope of the method that writes it.
 */
function parameterListsOfModel(host: FrameworkHost, params: Expr, scope: Scope): { expr: Expr; scope: Scope }[] {
  const byMethod = params.kind === 'call' && params.callee.kind === 'attr';
  const access = byMethod ? (params.callee as Expr & { kind: 'attr' }) : params.kind === 'attr' ? params : undefined;
  if (!access) return [];
  return host.evaluate(access.object, scope).flatMap((tag) => {
    const ref = tag.k === 'instance' ? host.constructorOf(tag) : undefined;
    if (tag.k !== 'instance' || !ref || !ref.fn.name.startsWith(`${tag.className}.`)) return [];
    const methodScope = (fn: FunctionDef) => new Scope(ref.module, fn, host.moduleScope(ref.module), `${ref.module.uri}#${fn.name}`);
    if (!byMethod) return (ref.module.instanceAttributes.get(tag.className)?.get(access.attr) ?? []).map(({ value, method }) => ({ expr: value, scope: methodScope(method) }));
    const method = ref.module.methods.find((fn) => fn.name === `${tag.className}.${access.attr}`);
    if (!method) return [];
    const returned = [...walkStatements(method.body, false)].flatMap((stmt) => (stmt.kind === 'return' && stmt.value ? [stmt.value] : []));
    return returned.map((expr) => ({ expr, scope: methodScope(method) }));
  });
}

/** Library calls that leave most of a model frozen (LoRA): its frozen biases and norms get no gradient, so no decay. */
const FREEZING_CALLS = /(?:^|\.)(?:get_peft_model|prepare_model_for_(?:kbit|int8)_training|mark_only_lora_as_trainable)$/;

/**
 * `model = get_peft_model(model, config)` (here or in the module `model` is imported from),
 * `mark_only_lora_as_trainable(model)`, `model.requires_grad_(False)`: which of its parameters
 * still train (and decay) is not known.
 */
function freezesParameters(host: FrameworkHost, owner: string, scope: Scope): boolean {
  const freezes = (value: Expr) => value.kind === 'call' && FREEZING_CALLS.test(dottedName(value.callee) ?? '');
  for (const stmt of walkStatements(scope.fn ? scope.fn.body : scope.module.ir.body)) {
    if (stmt.kind !== 'expr' || stmt.value.kind !== 'call') continue;
    const call = stmt.value;
    if (freezes(call) && call.args[0] && dottedName(call.args[0]) === owner) return true;
    if (dottedName(call.callee) === `${owner}.requires_grad_` && isConstant(call.args[0], 'False')) return true;
  }
  if ((scope.assignmentsOf(owner) ?? []).some((value) => freezes(value) || returnsFrozen(host, value, scope, freezes))) return true;
  const target = scope.module.imports.get(owner);
  const imported = target && host.importedModule(target, scope.module);
  const member = target?.dotted.split('.').pop();
  return imported !== undefined && member !== undefined && imported !== scope.module && (imported.assigns.get(member) ?? []).some(freezes);
}

/** `model = add_lora(model)` where the workspace's `add_lora` returns what `get_peft_model(...)` made. */
function returnsFrozen(host: FrameworkHost, value: Expr, scope: Scope, freezes: (value: Expr) => boolean): boolean {
  const dotted = value.kind === 'call' ? dottedName(value.callee) : undefined;
  const callee = dotted ? host.resolveCallee(dotted, scope) : undefined;
  if (callee?.kind !== 'function') return false;
  const statements = [...walkStatements(callee.ref.fn.body)];
  const frozenNames = new Set(statements.flatMap((stmt) => (stmt.kind === 'assign' && freezes(stmt.value) ? stmt.targets.flatMap((target) => (target.kind === 'name' ? [target.id] : [])) : [])));
  return statements.some((stmt) => stmt.kind === 'return' && stmt.value !== undefined && (freezes(stmt.value) || (stmt.value.kind === 'name' && frozenNames.has(stmt.value.id))));
}

/** `model.parameters()` (or what is trainable of them) on a helper's `model` parameter (not `self`): the parameter's name. */
function modelParameterOf(params: Expr, scope: Scope): string | undefined {
  if (!isAllParameters(params, scope)) return undefined;
  const owners = parametersOwners(params, scope, 2);
  const model = owners.length === 1 ? owners[0] : undefined;
  return model !== undefined && !model.includes('.') && !isReceiver(model) && isPassedParameter(model, scope) ? model : undefined;
}

/** Every module the parameters come from (`params + list(cond.parameters())`: both) creates no bias and no norm. */
function onlyWeightsOf(host: FrameworkHost, params: Expr, scope: Scope): boolean {
  const owners = parametersOwners(params, scope);
  return owners.length > 0 && owners.every((owner) => ownsOnlyWeights(host, storedOnInstance(owner, scope), scope, params.range));
}

/**
 * The module is an instance of a workspace class that provably has no biases and no
 * normalization layers (every Linear/Conv with `bias=False`, helpers and sub-modules of the
 * workspace likewise): decaying all its parameters decays weights only.
 */
function ownsOnlyWeights(host: FrameworkHost, owner: string | undefined, scope: Scope, at: Range): boolean {
  const built = owner ? scope.assignmentsOf(owner) : undefined;
  // Of its assignments, those that build a module (not `model = model.cuda()`) decide.
  const decided = built?.flatMap((expr) => buildsWeightsOnly(host, expr, scope) ?? []);
  if (decided && decided.length > 0) return decided.every(Boolean);
  if (!owner) return false;
  // `self.parameters()` in a module's own method (a LightningModule's configure_optimizers): its class's.
  const ownClass = owner === 'self' ? classOfReceiver(dottedExpr(owner, at), scope) : undefined;
  if (ownClass) {
    const init = host.constructorOf({ k: 'instance', uri: scope.module.uri, className: ownClass });
    return init !== undefined && !storesHandedInModule(host, init.fn, scope, at) && buildsOnlyWeights(host, init, 0, { module: scope.module, className: ownClass });
  }
  // `self.convs = nn.ModuleList()` and `self.convs.append(GraphConvolution(...))` in the class's methods: what they build and append.
  const receiverClass = /^self\.\w+$/.test(owner) ? classOfReceiver(dottedExpr('self', at), scope) : undefined;
  const builtByClass = receiverClass ? modulesBuiltInto(scope.module, receiverClass, owner.slice('self.'.length)).map((expr) => buildsWeightsOnly(host, expr, host.moduleScope(scope.module))) : [];
  if (builtByClass.length > 0 && builtByClass.every((decided) => decided !== undefined)) return builtByClass.every(Boolean);
  // `self.model`, stored from a constructor argument: the objects the constructions pass.
  const held = owner.startsWith('self.') ? knownObjects(host.evaluate(dottedExpr(owner, at), scope)) : undefined;
  if (held) {
    return held.every((object) => {
      const init = host.constructorOf(object);
      return init !== undefined && buildsOnlyWeights(host, init, 0, { module: init.module, className: object.className }) && keptModulesOwnOnlyWeights(host, init, owner, scope, at);
    });
  }
  // `model.user_emb`: what the class of `model` assigns to that attribute.
  const dot = owner.lastIndexOf('.');
  const objects = dot > 0 ? knownObjects(host.evaluate(dottedExpr(owner.slice(0, dot), at), scope)) : undefined;
  return (
    objects !== undefined &&
    objects.every((object) => {
      const assigned = assignedToAttribute(host, object, owner.slice(dot + 1));
      return assigned !== undefined && assigned.values.length > 0 && assigned.values.every(({ value }) => buildsWeightsOnly(host, value, assigned.scope) === true);
    })
  );
}

/** What a class's methods assign to `self.<attr>` and append to it (an empty `nn.ModuleList()` is its appended items). */
function modulesBuiltInto(module: ModuleInfo, className: string, attr: string): Expr[] {
  const isAttribute = (expr: Expr) => expr.kind === 'attr' && expr.attr === attr && expr.object.kind === 'name' && expr.object.id === 'self';
  const built: Expr[] = [];
  for (const { value, method } of module.instanceAttributes.get(className)?.get(attr) ?? []) {
    const emptyContainer = value.kind === 'call' && value.args.length === 0 && value.keywords.length === 0 && /(?:ModuleList|Sequential)$/.test(dottedName(value.callee) ?? '');
    if (!emptyContainer) {
      built.push(value);
      continue;
    }
    for (const stmt of walkStatements(method.body, false)) {
      if (stmt.kind === 'expr' && stmt.value.kind === 'call' && stmt.value.callee.kind === 'attr' && stmt.value.callee.attr === 'append' && isAttribute(stmt.value.callee.object) && stmt.value.args[0]) built.push(stmt.value.args[0]);
    }
  }
  return built;
}

/**
 * A task keeping the network it is given (`self.nnet = nnet`) holds that network's parameters
 * too: each module the constructions pass for what the constructor keeps must own only weights
 * (an object of unknown origin may be any module; numbers and records are no modules).
 */
function keptModulesOwnOnlyWeights(host: FrameworkHost, init: FunctionRef, owner: string, scope: Scope, at: Range): boolean {
  const params = new Set(init.fn.params.slice(1).map((param) => param.name));
  for (const stmt of walkStatements(init.fn.body)) {
    if (stmt.kind !== 'assign' || stmt.value.kind !== 'name' || !params.has(stmt.value.id)) continue;
    for (const target of stmt.targets) {
      if (target.kind !== 'attr' || target.object.kind !== 'name' || target.object.id !== 'self') continue;
      const kept = host.evaluate(dottedExpr(`${owner}.${target.attr}`, at), scope);
      if (kept.some((tag) => tag.k === 'opaque')) return false;
      for (const object of kept.flatMap((tag) => (tag.k === 'instance' ? [tag] : []))) {
        const keptInit = host.constructorOf(object);
        if (!keptInit || !buildsOnlyWeights(host, keptInit, 1, { module: keptInit.module, className: object.className })) return false;
      }
    }
  }
  return true;
}

/** What the class of a workspace object assigns to one of its attributes (`self.user_emb = ...`), read in the class's module. */
function assignedToAttribute(host: FrameworkHost, object: InstanceTag, attr: string): { values: readonly { value: Expr }[]; scope: Scope } | undefined {
  const init = host.constructorOf(object);
  const values = init?.module.instanceAttributes.get(classOfMethod(init.fn))?.get(attr);
  return init && values ? { values, scope: host.moduleScope(init.module) } : undefined;
}

/**
 * `Net()`, `nn.Linear(784, 64, bias=False)`, `nn.Embedding(n, d)`: whether the module built holds
 * weights only (containers and model zoos hold anything); undefined for what builds no module.
 */
function buildsWeightsOnly(host: FrameworkHost, built: Expr, scope: Scope): boolean | undefined {
  let expr = built;
  // `Net().to(device)`: the module itself, moved.
  while (expr.kind === 'call' && expr.callee.kind === 'attr' && passThroughMethods.has(expr.callee.attr)) expr = expr.callee.object;
  const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
  const callee = dotted ? host.resolveCallee(dotted, scope) : undefined;
  if (callee?.kind === 'function' && callee.ref.fn.name.endsWith('.__init__')) return buildsOnlyWeights(host, callee.ref, 0, callee.constructs, expr.kind === 'call' ? { call: expr, scope } : undefined);
  const member = memberOf(callee, 'torch');
  if (member === undefined || expr.kind !== 'call') return undefined;
  // `nn.Sequential(nn.Linear(32, 64, bias=False), nn.ReLU(), ...)`: each of its modules.
  if (member === 'nn.Sequential' || member === 'nn.ModuleList') {
    const listed = member === 'nn.ModuleList' && expr.args[0]?.kind === 'group' && !expr.args[0].keys ? expr.args[0] : undefined;
    // `nn.ModuleList(Block(d) for _ in range(n))`: the one module a comprehension builds.
    const comprehension = [listed, expr.args.length === 1 ? expr.args[0] : undefined].find(isComprehension);
    const items = comprehension ? [comprehension.items[0]] : (listed?.items ?? expr.args);
    return items.length > 0 && items.every((item) => (item.kind === 'call' && buildsWeightsOnly(host, item, scope)) || layerBuildsOnlyWeights(host, item, scope));
  }
  return member === 'nn.Embedding' || (BIASED_LAYER.test(member) && layerOwnsOnlyWeights(member, expr));
}

/** `[f(x) for x in xs if c]` as the parser gives it: the element, then one plain group per `for` or `if` clause. */
function isComprehension(expr: Expr | undefined): expr is Expr & { kind: 'group' } {
  return expr?.kind === 'group' && !expr.keys && !expr.tuple && !expr.subscript && expr.items.length >= 2 && expr.items.slice(1).every((clause) => clause.kind === 'group' && !clause.tuple && !clause.keys);
}

/** A library layer of a container (`nn.ReLU()`, `nn.Linear(4, 4, bias=False)`) that makes no bias or norm. */
function layerBuildsOnlyWeights(host: FrameworkHost, item: Expr, scope: Scope): boolean {
  const dotted = item.kind === 'call' ? dottedName(item.callee) : undefined;
  const member = dotted ? memberOf(host.resolveCallee(dotted, scope), 'torch') : undefined;
  return member !== undefined && item.kind === 'call' && layerOwnsOnlyWeights(member, item);
}

/**
 * A constructor that keeps on `self` a parameter that may be a module (no default, or one that is
 * not a constant: `self.module = module`): whose parameters those are is the caller's. A parameter
 * named for configuration kept as it is (`self.args = args`), for which every construction passes a
 * record (the parsed command line), is no module, nor is what is read from it.
 */
function storesHandedInModule(host: FrameworkHost, init: FunctionDef, scope: Scope, at: Range): boolean {
  const handedIn = new Set(init.params.slice(1).filter((param) => !param.defaultValue || !['num', 'str', 'none', 'neg'].includes(param.defaultValue.kind)).map((param) => param.name));
  const stores = [...walkStatements(init.body)].flatMap((stmt) => (stmt.kind === 'assign' && stmt.targets.some((target) => target.kind === 'attr') ? [stmt] : []));
  for (const stmt of stores) {
    const kept = stmt.value.kind === 'name' && handedIn.has(stmt.value.id) && CONFIG_NAME.test(stmt.value.id) ? stmt.value.id : undefined;
    const target = stmt.targets.find((candidate) => candidate.kind === 'attr');
    if (kept && target?.kind === 'attr' && holdsNoModule(host.evaluate(dottedExpr(`self.${target.attr}`, at), scope))) handedIn.delete(kept);
  }
  return stores.some((stmt) => [...walkExpressions([stmt.value])].some((expr) => expr.kind === 'name' && handedIn.has(expr.id)));
}

/** The names configuration goes by (`args`, `cfg`, `hparams`): a module's data (a layer's sizes) is no record of it. */
const CONFIG_NAME = /^(?:args|opts?|cfg|conf|config|configs|hparams|hp|hps|params|flags|options|settings)$/;

/** What the constructions pass is a record of configuration (with numbers, strings, library classes), no object that may be a module. */
const configurationParts = new Set<Tag['k']>(['fields', 'num', 'str', 'none', 'configurable', 'member']);
function holdsNoModule(value: Value): boolean {
  return value.some((tag) => tag.k === 'fields') && value.every((tag) => configurationParts.has(tag.k));
}

/** The statements under `if bias:` on a parameter the construction leaves off (switchedOff). */
function offByDefault(fn: FunctionDef, construction?: Construction): Stmt[] {
  const isOff = switchedOff(fn, construction);
  return [...walkStatements(fn.body)].flatMap((stmt) => (stmt.kind === 'if' && stmt.test.kind === 'name' && isOff(stmt.test.id) ? stmt.body : []));
}

/** Arguments a call of the function passes before its own: `self` for a constructor, none for a factory. */
function receiversOf(fn: FunctionDef): number {
  return fn.name.endsWith('.__init__') ? 1 : 0;
}

/** A call of a constructor or layer factory, and the call that built its caller (`ResBlock(conv, ...)` inside `EDSR(conv=...)`). */
interface Construction {
  call: CallExpr;
  scope: Scope;
  outer?: Construction;
}

/**
 * What a parameter holds for this construction (`conv` in `ResBlock(conv, n_feats, 3)`): the
 * argument passed, or, when that is the caller's own parameter, what the caller's construction
 * passes for it; else the default. The expression and the scope it is read in.
 */
function parameterArgument(fn: FunctionDef, param: Param, construction: Construction | undefined, scope: Scope, depth = 0): { expr?: Expr; scope: Scope } {
  const passed = construction && depth < 4 ? argumentExpr(fn, construction.call, fn.params.indexOf(param), receiversOf(fn)) : undefined;
  if (!passed || !construction) return { expr: param.defaultValue, scope };
  const callerFn = construction.scope.fn;
  const callerParam = passed.kind === 'name' ? callerFn?.params.find((candidate) => candidate.name === passed.id) : undefined;
  if (!callerFn || !callerParam) return { expr: passed, scope: construction.scope };
  return parameterArgument(callerFn, callerParam, construction.outer, construction.scope, depth + 1);
}

/**
 * Which parameters of a constructor or layer factory defaulting to False or None the call (when
 * known) leaves off: not passed (nor possibly by a `**mapping`), passed False or None, or passed
 * its own such parameter (`use_bias=use_bias`).
 */
function switchedOff(fn: FunctionDef, construction?: Construction): (param: string) => boolean {
  const off = (expr: Expr | undefined) => isConstant(expr, 'False') || expr?.kind === 'none';
  const receivers = receiversOf(fn);
  const leftOff = (param: string) => {
    if (!construction) return true;
    const index = fn.params.findIndex((candidate) => candidate.name === param);
    const given = argumentExpr(fn, construction.call, index, receivers);
    // `MyLinear(32, 64, **layer_kwargs)`: the mapping may turn it on.
    if (!given && construction.call.keywords.some((keyword) => keyword.name === SPLAT)) return false;
    if (!given || off(given)) return true;
    const outer = given.kind === 'name' ? construction.scope.fn?.params.find((candidate) => candidate.name === given.id) : undefined;
    return off(outer?.defaultValue);
  };
  return (param) => off(fn.params.find((candidate) => candidate.name === param)?.defaultValue) && leftOff(param);
}

/** `nn.Parameter(...)`, `torch.nn.Parameter(...)`: a parameter made by hand. */
function isParameterCall(value: Expr): boolean {
  return value.kind === 'call' && /(?:^|\.)Parameter$/.test(dottedName(value.callee) ?? '');
}

/** `nn.Embedding(n_users, 1)`: an embedding table (a bias table when named so). */
function isEmbeddingCall(value: Expr): boolean {
  return value.kind === 'call' && /(?:^|\.)Embedding$/.test(dottedName(value.callee) ?? '');
}

/** `nn.Parameter(torch.ones(d))`, `nn.Parameter(torch.zeros(n))`, `nn.Parameter(torch.tensor(mu))`: a vector or a scalar. */
function madeAsVector(parameter: Expr): boolean {
  const made = parameter.kind === 'call' ? parameter.args[0] : undefined;
  const maker = made?.kind === 'call' ? /(?:^|\.)(zeros|ones|empty|randn|rand|Tensor|FloatTensor|tensor)$/.exec(dottedName(made.callee) ?? '')?.[1] : undefined;
  if (!maker || made?.kind !== 'call' || !made.args[0] || made.args[0].kind === 'group') return false;
  // `torch.tensor(mu)` holds its one value; the others take sizes, one size for a vector.
  return maker === 'tensor' || made.args.length === 1;
}

/** The classes a variable may hold, by name: `block = nn.Linear`, `block = self.blocks[kind]` with `blocks = {'a': GraphConv, ...}`. */
function classesHeldBy(name: string, scope: Scope): string[] {
  const dictValues = (mapping: Expr): Expr[] => {
    if (mapping.kind === 'group' && mapping.keys) return mapping.items;
    const className = mapping.kind === 'attr' && mapping.object.kind === 'name' && isReceiver(mapping.object.id) ? classOfReceiver(mapping.object, scope) : undefined;
    const assigned = className && mapping.kind === 'attr' ? scope.module.classAttributes.get(className)?.get(mapping.attr) : mapping.kind === 'name' ? scope.assignmentsOf(mapping.id) : undefined;
    return (assigned ?? []).flatMap((value) => (value.kind === 'group' && value.keys ? value.items : []));
  };
  return (scope.assignmentsOf(name) ?? []).flatMap((value) => {
    const candidates = value.kind === 'group' && value.subscript && value.items.length === 2 ? dictValues(value.items[0]) : [value];
    return candidates.flatMap((candidate) => dottedName(candidate) ?? []);
  });
}

/** `True`, or a parameter defaulting to a constant such as `False` (`self.bias = bias`, the switch for bias vectors, is no bias). */
function isFlag(value: Expr, fn: FunctionDef): boolean {
  const flag = (expr: Expr | undefined) => isConstant(expr, 'True') || isConstant(expr, 'False') || expr?.kind === 'none';
  return flag(value) || (value.kind === 'name' && flag(fn.params.find((param) => param.name === value.id)?.defaultValue));
}

/** `super().__init__(...)`, `super(Net, self).__init__(...)`. */
function isSuperInit(call: Expr & { kind: 'call' }): boolean {
  const callee = call.callee;
  return callee.kind === 'attr' && callee.attr === '__init__' && callee.object.kind === 'call' && callee.object.callee.kind === 'name' && callee.object.callee.id === 'super';
}

/** The constructors of a method's class's bases build no bias or norm either (a library base such as nn.Module builds none). */
function basesBuildOnlyWeights(host: FrameworkHost, ref: FunctionRef, scope: Scope, depth: number, built?: ClassName): boolean {
  const className = classOfMethod(ref.fn);
  for (const base of (className && ref.module.classBases.get(className)) || []) {
    const callee = host.resolveCallee(base, scope);
    if (callee.kind === 'function' ? !buildsOnlyWeights(host, callee.ref, depth + 1, built) : (callee.kind === 'external' || callee.kind === 'unseen') && !PARAMETER_FREE_BASE.test(host.qualify(base, scope.module))) return false;
  }
  return true;
}

/** Library base classes whose constructors make no parameters (a model class of a library, a ResNet, makes its own). */
const PARAMETER_FREE_BASE = /^(?:pytorch_lightning|lightning(?:\.pytorch)?)(?:\.core)?(?:\.module)?\.LightningModule$/;

/** A workspace class, where it is defined. */
type ClassName = { module: ModuleInfo; className: string };

/**
 * Whether a constructor (or a method it calls) builds only weights: no layer with a bias, no norm
 * with a scale. `built`: the class being constructed, whose overrides `self.method()` runs;
 * `construction`: the call that builds it, when known (an `if bias:` it turns on counts).
 */
function buildsOnlyWeights(host: FrameworkHost, ref: FunctionRef, depth: number, built?: ClassName, construction?: Construction): boolean {
  if (depth > 3) return false;
  const scope = scopeOf(host, ref);
  const exprs: Expr[] = [];
  const skipped = new Set(offByDefault(ref.fn, construction).flatMap((stmt) => [...walkStatements([stmt])]));
  const isOff = switchedOff(ref.fn, construction);
  for (const stmt of walkStatements(ref.fn.body)) {
    if (skipped.has(stmt)) continue;
    if (stmt.kind === 'assign') {
      if (stmt.targets.some((target) => target.kind === 'attr' && target.attr === 'bias') && !isFlag(stmt.value, ref.fn)) return false;
      // `self.user_bias = nn.Parameter(...)` or `nn.Embedding(n, 1)`, `self.gain = nn.Parameter(torch.ones(d))`:
      // a bias or a vector of scales or shifts, as a norm has (unless under a switch left off, skipped above).
      const namedBias = stmt.targets.some((target) => target.kind === 'attr' && /bias/i.test(target.attr));
      if ((isParameterCall(stmt.value) && (namedBias || madeAsVector(stmt.value))) || (namedBias && isEmbeddingCall(stmt.value))) return false;
      exprs.push(stmt.value);
    } else if (stmt.kind === 'expr') exprs.push(stmt.value);
    else if (stmt.kind === 'return' && stmt.value) exprs.push(stmt.value);
  }
  while (exprs.length > 0) {
    const expr = exprs.pop()!;
    appendAll(exprs, childExprs(expr));
    if (expr.kind === 'call' && isSuperInit(expr)) {
      // `super().__init__(...)`: what the base classes' constructors build (their `self._init_weights()` included).
      if (!basesBuildOnlyWeights(host, ref, scope, depth, built)) return false;
      continue;
    }
    const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
    if (!dotted || expr.kind !== 'call') continue;
    // `self._init_weights()`: the method as the class being built defines or inherits it.
    const ownMethod = built && /^self\.\w+$/.test(dotted) ? host.resolveCallee(`${built.className}.${dotted.slice('self.'.length)}`, host.moduleScope(built.module)) : undefined;
    const callee = ownMethod?.kind === 'function' ? ownMethod : host.resolveCallee(dotted, scope);
    const member = memberOf(callee, 'torch');
    if (member !== undefined) {
      // `nn.Conv2d(a, b, k, bias=bias)` in a factory whose `bias` defaults to False and the call leaves off.
      const bias = expr.keywords.find((keyword) => keyword.name === 'bias')?.value;
      const biasOff = BIASED_LAYER.test(member) && bias?.kind === 'name' && isOff(bias.id);
      if (!layerOwnsOnlyWeights(member, expr) && !biasOff) return false;
    } else if (callee.kind === 'value' && expr.callee.kind === 'name' && scope.isVariable(expr.callee.id)) {
      // `block = self.layer_dict[kind]` ... `block(n_in, n_out)`: a class held in a variable; a PyTorch
      // layer it may hold decides by this call's keywords, a class of another library may hold biases.
      // A parameter (`conv=default_conv`) holds what the construction passes, else its default; else anything.
      const name = expr.callee.id;
      const param = ref.fn.params.find((candidate) => candidate.name === name);
      const argument = param ? parameterArgument(ref.fn, param, construction, scope) : undefined;
      const given = argument?.expr && dottedName(argument.expr);
      const givenScope = argument?.scope ?? scope;
      if (param && !given) return false;
      for (const held of given ? [given] : classesHeldBy(name, scope)) {
        const heldCallee = host.resolveCallee(held, givenScope);
        const heldMember = memberOf(heldCallee, 'torch');
        if (heldMember !== undefined ? !layerOwnsOnlyWeights(heldMember, expr) : heldCallee.kind === 'external' || heldCallee.kind === 'unseen') return false;
        if (heldCallee.kind === 'function' && !buildsOnlyWeights(host, heldCallee.ref, depth + 1, built, { call: expr, scope, outer: construction })) return false;
      }
    } else if (callee.kind === 'function') {
      if (!buildsOnlyWeights(host, callee.ref, depth + 1, built, { call: expr, scope, outer: construction })) return false;
    } else if (callee.kind === 'external' || callee.kind === 'unseen') return false;
  }
  return true;
}
