// TF-slim's `arg_scope` (and tf.contrib.framework's): `with slim.arg_scope([slim.conv2d], weights_regularizer=R):`
// gives the listed layer functions keyword defaults, for calls inside the block and in every
// function called from it. A layer call without a regularizer of its own waits in its function's
// summary (`layerCalls`) for the scope of a caller.
import { assignedName, site, type ArgScope, type CallExpr, type EvalContext } from '../evalContext';
import { dottedName, type Keyword } from '../ir';
import type { Scope } from '../scope';
import { memberOf, type Framework, type FrameworkHost } from './framework';
import { regularizerWrite } from './regularizers';
import { regularizerKeywords } from './tensorflowNames';

function isArgScope(member: string): boolean {
  return member === 'contrib.framework.arg_scope' || member === 'contrib.slim.arg_scope';
}

/** slim and tf.contrib.layers functions, which `arg_scope` can give defaults (tf.keras layers ignore it). */
function takesArgScope(member: string): boolean {
  return member.startsWith('contrib.slim.') || member.startsWith('contrib.layers.');
}

/** The TensorFlow member a name in the scope's module stands for. */
function tensorflowMemberAt(host: FrameworkHost, dotted: string, scope: Scope): string | undefined {
  return memberOf(host.resolveCallee(dotted, scope), 'tensorflow');
}

/** The keyword defaults the enclosing arg_scopes give a call of this member. */
export function scopedKeywords(member: string, context: EvalContext | undefined): Keyword[] | undefined {
  return context?.enclosing?.argScopes.flatMap((argScope) => (argScope.functions.has(member) ? argScope.keywords : []));
}

/** A slim layer call without a regularizer: a caller's arg_scope may still give it one. */
export function recordLayerCall(host: FrameworkHost, member: string, call: CallExpr, scoped: readonly Keyword[] | undefined, scope: Scope, context: EvalContext | undefined): void {
  if (!context || !takesArgScope(member)) return;
  const given = [...call.keywords, ...(scoped ?? [])].map((keyword) => keyword.name);
  if (given.some((name) => regularizerKeywords.has(name))) return;
  host.addLayerCall({ member, site: site(scope, call.range), given, ...assignedName(call, scope, context) });
}

export const slim: Framework = {
  name: 'slim',
  argScope(item, scope, host) {
    const dotted = dottedName(item.callee);
    const member = dotted ? tensorflowMemberAt(host, dotted, scope) : undefined;
    if (member === undefined || !isArgScope(member)) return undefined;
    // The first argument lists the layer functions the defaults apply to.
    const listed = item.args[0];
    const functions = new Set<string>();
    for (const fn of listed?.kind === 'group' ? listed.items : listed ? [listed] : []) {
      const name = dottedName(fn);
      const resolved = name ? tensorflowMemberAt(host, name, scope) : undefined;
      if (resolved !== undefined) functions.add(resolved);
      // A function of the workspace decorated with `@add_arg_scope` (`arg_scope([L.conv], wd=wd)`): by its key.
      const callee = name && resolved === undefined ? host.resolveCallee(name, scope) : undefined;
      if (callee?.kind === 'function') functions.add(callee.ref.key);
    }
    return { functions, keywords: item.keywords } satisfies ArgScope;
  },
  applyArgScope(layer, inherited, scope, context, host) {
    if (!inherited.some((keyword) => regularizerKeywords.has(keyword.name))) return false;
    // The regularizer is evaluated where the scope is.
    for (const keyword of inherited) {
      if (!regularizerKeywords.has(keyword.name)) continue;
      for (const tag of host.evaluate(keyword.value, scope)) {
        if (tag.k !== 'regularizer') continue;
        context.effects.push(regularizerWrite(tag, site(scope, keyword.range), { name: layer.name, nameSite: layer.nameSite, call: layer.site, helper: keyword.name }, false));
      }
    }
    return true;
  },
};
