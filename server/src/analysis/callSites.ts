// What a call of a user function passes and creates, as the callee's summary is instantiated with
// it: the caller's names for its arguments, and the variable a helper call builds.
import { assignedName, site, type CallExpr, type EvalContext } from './evalContext';
import { dottedName, type Expr, type FunctionDef } from './ir';
import type { Scope } from './scope';
import type { FunctionRef } from './summaryCache';
import type { DecayTerm } from './values';

/**
 * The caller's dotted names for the parameters (`l2_penalty(net)`: `model` -> `net`; the receiver
 * of a method call for `self`). `receivers`: how many argument values precede the call's own (the receiver).
 */
export function argumentNames(fn: FunctionDef, call: CallExpr, receivers: number): Map<string, string> | undefined {
  let names: Map<string, string> | undefined;
  fn.params.forEach((param, index) => {
    if (param.rest) return;
    const expr = index < receivers ? (call.callee.kind === 'attr' ? call.callee.object : undefined) : call.args[index - receivers] ?? call.keywords.find((keyword) => keyword.name === (param.keyword ?? param.name))?.value;
    const dotted = expr && dottedName(expr);
    if (dotted && dotted !== param.name) (names ??= new Map()).set(param.name, dotted);
  });
  return names;
}

/** The variable a helper call creates: `kernel = _variable_with_weight_decay('weights', shape=[5, 5, 3, 64], ...)`. */
export function variableOfCall(call: CallExpr, ref: FunctionRef, scope: Scope, context?: EvalContext): NonNullable<DecayTerm['variable']> {
  const shapeIndex = ref.fn.params.findIndex((param) => param.name === 'shape');
  const shapeExpr = call.keywords.find((keyword) => keyword.name === 'shape')?.value ?? (shapeIndex >= 0 ? call.args[shapeIndex] : undefined);
  return { ...assignedName(call, scope, context), call: site(scope, call.range), helper: ref.fn.name, shape: shapeExpr ? describeShape(shapeExpr) : undefined };
}

function describeShape(expr: Expr): string | undefined {
  if (expr.kind !== 'group') return undefined;
  return `[${expr.items.map((item) => (item.kind === 'num' ? String(item.value) : item.kind === 'name' ? item.id : '?')).join(', ')}]`;
}
