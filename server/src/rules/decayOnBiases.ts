// WD203: every parameter of a module in one decayed group, biases and normalization weights too.
import type { Fix, Location } from '../analysis/findings';
import { formatNumber } from './describe';
import { indentOf, lineTextIn, linesOf, newlineOf, pointAt, textIn } from './fixText';
import type { Rule, RuleFinding } from './rule';

/**
 * PyTorch: the `model.parameters()` argument and the optimizer's statement, to split the groups;
 * optax: the transformation call that takes `mask=`.
 */
type ExcludeOneDimensional = { kind: 'groups'; allParameters: Location; optimizerStatement: Location } | { kind: 'mask'; decayCall: Location };

export const decayOnBiases: Rule<ExcludeOneDimensional> = {
  code: 'WD203',
  name: 'decay-on-biases',
  defaultSeverity: 'info',
  summary: 'Weight decay applied to biases and normalization parameters',
  finds: 'decay on biases and normalization parameters (`model.parameters()` in one group, optax decay without `mask=`)',
  check(facts) {
    return facts.optimizers.flatMap((optimizer): RuleFinding<ExcludeOneDimensional>[] => {
      const decay = optimizer.weightDecay;
      if (!decay || (decay.factor.k === 'num' && decay.factor.value <= 0)) return [];
      const wd = decay.factor.k === 'num' ? `=${formatNumber(decay.factor.value)}` : '';
      if (decay.missedNorms) {
        const { names, strings } = decay.missedNorms;
        const listed = (items: string[]) => items.map((item) => `'${item}'`).join(', ');
        return [
          {
            ...decay.missedNorms.site,
            message:
              `The no-decay split by names (${listed(strings)}) misses this model's normalization weights (${listed(names)}): ` +
              `they stay in the group with weight_decay${wd}. Add their names to the list, or split by shape (p.ndim <= 1).`,
            related: [{ ...decay.site, message: 'the decay these weights get' }],
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          },
        ];
      }
      if (decay.wholeNameTest) {
        const listed = decay.wholeNameTest.strings.map((item) => `'${item}'`).join(', ');
        return [
          {
            ...decay.wholeNameTest.site,
            message:
              `This group tests each whole parameter name (such as 'encoder.layer.0.bias') against the short names ${listed}, which no name equals: ` +
              `it keeps every bias and normalization weight with weight_decay${wd}. Test the names' parts: not any(nd in n for nd in no_decay).`,
            related: [{ ...decay.site, message: 'the decay these weights get' }],
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          },
        ];
      }
      if (!decay.allParameters) return [];
      if (decay.keras) {
        const { exclusions } = decay.keras;
        // One call names what is excluded; each further call replaces the names of the one before.
        // TensorFlow Addons: each minimize/apply_gradients names its own decay_var_list.
        if (exclusions.length === 1 || (decay.keras.addons && exclusions.length > 0)) return [];
        return [
          {
            ...decay.allParameters,
            message:
              exclusions.length === 0
                ? `weight_decay${wd} of ${optimizer.name} decays every trainable variable, biases and normalization scales included, which usually hurts. ` +
                  (decay.keras.addons
                    ? `Exclude them: pass the variables to decay as decay_var_list= to apply_gradients or minimize.`
                    : `Exclude them before training: optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta']).`)
                : `weight_decay${wd} of ${optimizer.name} still decays biases or normalization scales: each of the ${exclusions.length} exclude_from_weight_decay calls replaces the exclusions of the one before, so only the last one counts. ` +
                  `Pass every name in one call (var_names=['bias', 'gamma', 'beta']).`,
            related: exclusions.map((exclusion, index) => ({ ...exclusion, message: index === exclusions.length - 1 ? 'the only exclusion that counts' : 'replaced by the next call' })),
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          },
        ];
      }
      if (decay.optax) {
        return [
          {
            ...decay.allParameters,
            message:
              `weight_decay${wd} of ${optimizer.name} has no mask, so it decays every parameter, biases and normalization scales included, which usually hurts. ` +
              `Pass mask= a function of the params that is False for them (e.g. lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params)).`,
            related: [],
            data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
            fixes: [{ kind: 'mask', decayCall: decay.optax.call }],
          },
        ];
      }
      return [
        {
          ...decay.allParameters,
          message:
            `weight_decay${wd} applies to every parameter here, biases and normalization weights included, which usually hurts. ` +
            `Split them into a group with weight_decay=0 (e.g. parameters with p.ndim <= 1).`,
          related: [{ ...decay.site, message: 'the decay that applies to all of them' }],
          data: { weightDecay: decay.factor.k === 'num' ? decay.factor.value : undefined },
          fixes:
            decay.statement && decay.statement.uri === decay.allParameters.uri
              ? [{ kind: 'groups', allParameters: decay.allParameters, optimizerStatement: decay.statement }]
              : [],
        },
      ];
    });
  },
  fix: {
    does: 'splits the parameters into a decayed group and a group with `weight_decay=0.0` (one-dimensional: biases, normalization weights); optax: adds a `mask=` that leaves them out',
    edits(recipe, textOf) {
      if (recipe.kind === 'mask') return maskOptaxDecay(recipe.decayCall, textOf(recipe.decayCall.uri));
      return splitNoDecayGroup(recipe.allParameters, recipe.optimizerStatement, textOf(recipe.allParameters.uri));
    },
  },
};

/**
 * `SGD(model.parameters(), weight_decay=wd)` -> two groups: weights of two or more dimensions
 * decay, biases and normalization weights (one dimension) do not.
 */
function splitNoDecayGroup(params: Location, statement: Location, text: string | undefined): Fix | undefined {
  if (text === undefined) return undefined;
  const lines = linesOf(text);
  const call = lineTextIn(lines, params);
  if (!call) return undefined;
  const indent = indentOf(lines[statement.range.startLine]);
  const newline = newlineOf(text);
  const [decay, noDecay] = unusedGroupNames(text);
  return {
    title: 'Exclude biases and normalization weights from weight decay',
    edits: [
      {
        uri: params.uri,
        range: pointAt(statement.range.startLine, 0),
        newText: `${indent}${decay} = [p for p in ${call} if p.ndim > 1]${newline}${indent}${noDecay} = [p for p in ${call} if p.ndim <= 1]${newline}`,
      },
      { uri: params.uri, range: params.range, newText: `[{'params': ${decay}}, {'params': ${noDecay}, 'weight_decay': 0.0}]` },
    ],
  };
}

/** The first pair of names the file does not use: a fix applied after another in the same file (`check --fix` again) picks new ones. */
function unusedGroupNames(text: string): [string, string] {
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(text);
  for (let attempt = 1; ; attempt++) {
    const names: [string, string] =
      attempt === 1 ? ['decay_params', 'no_decay_params'] : attempt === 2 ? ['decayed_params', 'undecayed_params'] : [`decay_params_${attempt}`, `no_decay_params_${attempt}`];
    if (!names.some(used)) return names;
  }
}

/** `optax.adamw(1e-3)` -> `optax.adamw(1e-3, mask=...)`: decay only parameters of two or more dimensions. */
function maskOptaxDecay(call: Location, text: string | undefined): Fix | undefined {
  // The mask uses jax.tree_util: only offered where `jax` is imported by that name.
  if (text === undefined || !/^\s*import\s+jax\s*$/m.test(text)) return undefined;
  const source = textIn(linesOf(text), call);
  if (!source?.endsWith(')')) return undefined;
  // After a trailing comma (`optax.adamw(\n    1e-3,  # lr\n)`, comments aside) the keyword needs no comma of its own.
  const trailingComma = /,\s*\)$/.test(source.replace(/#[^\n]*/g, ''));
  const mask = 'mask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params)';
  const { endLine, endColumn } = call.range;
  return {
    title: 'Exclude biases and normalization scales from weight decay (mask=)',
    edits: [{ uri: call.uri, range: pointAt(endLine, endColumn - 1), newText: trailingComma ? `${mask}, ` : `, ${mask}` }],
  };
}
