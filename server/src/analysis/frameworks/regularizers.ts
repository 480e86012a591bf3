// Regularizers handed to layers and variables by keyword (`kernel_regularizer=l2(wd)` in Keras and
// TF.js, `regularizer=` in TF1, slim's `weights_regularizer=`): each one's term is written to the
// collection its framework keeps such terms in, `model.losses` or REGULARIZATION_LOSSES.
import { assignedName, site, type CallExpr, type EvalContext } from '../evalContext';
import type { Effect } from '../effects';
import { rangeWithin, SPLAT, type Keyword } from '../ir';
import type { Scope } from '../scope';
import { KERAS_LOSSES, REGULARIZATION_LOSSES, type DecayTerm, type Site, type Tag, type Value } from '../values';
import type { FrameworkHost } from './framework';
import { KERAS_DEFAULT_L2 } from './tensorflowNames';

/** Where a regularizer's term goes: `model.losses` for Keras-style models, else TF1's collection. */
function regularizationKey(keras: boolean): string {
  return keras ? KERAS_LOSSES : REGULARIZATION_LOSSES;
}

/**
 * `tf.get_variable(..., regularizer=R)`, `tf.layers.dense(..., kernel_regularizer=R)`: the library
 * puts R's term into its regularization losses; the variable is the call's assignment target.
 * `scoped`: keyword defaults of an enclosing `arg_scope`, which the call's own keywords override.
 */
export function recordRegularizers(
  host: FrameworkHost,
  call: CallExpr,
  keras: boolean,
  keywords: Map<string, Value>,
  scope: Scope,
  context: EvalContext | undefined,
  names: ReadonlySet<string>,
  scoped: readonly Keyword[] = [],
): void {
  if (!context) return;
  const inherited = scoped.filter((keyword) => !keywords.has(keyword.name));
  for (const keyword of inherited.length > 0 ? [...call.keywords, ...inherited] : call.keywords) {
    if (keyword.name === SPLAT) {
      recordSplatRegularizers(host, keyword, keras, scope, context, names, call);
      continue;
    }
    if (!names.has(keyword.name)) continue;
    for (const value of keywords.get(keyword.name) ?? host.evaluate(keyword.value, scope)) {
      // Keras also takes the name: kernel_regularizer='l2' is l2(0.01).
      const tag: Tag | undefined =
        value.k === 'str' && value.value === 'l2'
          ? { k: 'regularizer', factor: { k: 'num', value: KERAS_DEFAULT_L2, site: site(scope, keyword.value.range) }, gradScale: 2, site: site(scope, keyword.range) }
          : value;
      if (tag?.k === 'param' && !tag.derived) {
        // `Dense(64, kernel_regularizer=reg)` in a builder taking `reg`: the regularizer its caller passes, applied.
        const applied: Tag = { k: 'param', name: tag.name, path: tag.path, derived: true, called: true };
        // A layer class's constructor (`EncoderLayer(kernel_regularizer=l2(wd))`) is configured where
        // it is built: the term is reported where the caller makes the regularizer, as for `**kwargs`.
        const forwarded = isConstructor(scope) ? { forwarded: { call: site(scope, call.range), keyword: keyword.name } } : {};
        context.effects.push({ k: 'write', key: { k: 'lit', value: regularizationKey(keras) }, value: [applied], site: site(scope, keyword.range), origin: keras ? 'keras' : 'regularizer', ...forwarded });
        continue;
      }
      if (tag?.k !== 'regularizer') continue;
      const variable = { ...assignedName(call, scope, context), call: site(scope, call.range), helper: keyword.name };
      context.effects.push(regularizerWrite(tag, madeByConstructorCaller(tag, keyword, scope) ? tag.site : site(scope, keyword.range), variable, keras));
    }
  }
}

function isConstructor(scope: Scope): boolean {
  return scope.fn?.name.endsWith('.__init__') ?? false;
}

/**
 * A regularizer a layer class's constructor is handed (its parameter, or the attribute it keeps it in)
 * and that its caller made: reported where the caller makes it, the place that configures it.
 */
function madeByConstructorCaller(regularizer: Tag & { k: 'regularizer' }, keyword: Keyword, scope: Scope): boolean {
  const fn = scope.fn;
  if (!fn || !isConstructor(scope)) return false;
  const value = keyword.value;
  const handedIn = (value.kind === 'name' && scope.params.has(value.id)) || (value.kind === 'attr' && value.object.kind === 'name' && value.object.id === 'self');
  return handedIn && !(regularizer.site.uri === scope.module.uri && rangeWithin(regularizer.site.range, fn.range));
}

/**
 * `Conv2D(64, 3, **kwargs)` in a builder taking `**kwargs`: the regularizers its caller passes by
 * those keywords (`Upsampling(x, kernel_regularizer=l2(wd))`), applied.
 */
function recordSplatRegularizers(host: FrameworkHost, splat: Keyword, keras: boolean, scope: Scope, context: EvalContext, names: ReadonlySet<string>, call: CallExpr): void {
  const mapping = host.evaluate(splat.value, scope).find((tag) => tag.k === 'param' && !tag.derived);
  if (mapping?.k !== 'param') return;
  for (const name of names) {
    if (call.keywords.some((keyword) => keyword.name === name)) continue;
    const applied: Tag = { k: 'param', name: mapping.name, path: [...(mapping.path ?? []), name], derived: true, called: true };
    const forwarded = { call: site(scope, call.range), keyword: name };
    context.effects.push({ k: 'write', key: { k: 'lit', value: regularizationKey(keras) }, value: [applied], site: site(scope, splat.range), origin: keras ? 'keras' : 'regularizer', forwarded });
  }
}

/** A regularizer's term, written to the collection its framework keeps them in. */
export function regularizerWrite(tag: Tag & { k: 'regularizer' }, keywordSite: Site, variable: DecayTerm['variable'], keras: boolean): Effect {
  return {
    k: 'write',
    key: { k: 'lit', value: regularizationKey(keras) },
    value: [{ k: 'decay', term: { factor: tag.factor, gradScale: tag.gradScale, l2Site: keywordSite, variable } }],
    site: keywordSite,
    origin: keras ? 'keras' : 'regularizer',
  };
}

/** `tf.nn.l2_loss(w)` kept as it is (added to a collection, `add_loss`): a decay term of factor 1. */
export function unscaledAsDecay(tag: Tag, at: Site): Tag {
  return tag.k === 'l2' ? { k: 'decay', term: { factor: { k: 'num', value: 1, site: at }, gradScale: tag.gradScale, l2Site: tag.site, parametersOf: tag.parametersOf } } : tag;
}
