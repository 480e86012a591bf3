// Decay terms a training body computes and uses, but that never reach what it trains on: WD104's
// second case (`total = loss + penalty` logged while `loss.backward()` trains on the bare loss).
import { siteKey } from './decayFlow';
import type { DiscardedTerm, Effect } from './effects';
import { walkStatements } from './ir';
import type { Scope } from './scope';
import type { Value } from './values';

/** A decay term assigned to a name that is read again: it must reach a loss, a collection or the caller. */
export interface Penalty {
  term: DiscardedTerm;
  value: Value;
}

/**
 * Penalties of a body that trains (its optimizer losses all known) that reach none of its losses,
 * no collection and no return value: `penalty = wd * sum(...)` added to a logged total while
 * `loss.backward()` differentiates the bare loss.
 */
export function unreachedPenalties(penalties: readonly Penalty[], effects: readonly Effect[], returns: readonly Value[]): DiscardedTerm[] {
  if (penalties.length === 0) return [];
  const sinks = effects.filter((effect): effect is Effect & { k: 'sink' } => effect.k === 'sink');
  if (sinks.length === 0 || sinks.some((sink) => sink.loss.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived)))) return [];
  const reached = new Set<string>();
  const note = (value: Value) => {
    for (const tag of value) if (tag.k === 'decay') reached.add(siteKey(tag.term.l2Site));
  };
  for (const effect of effects) {
    if (effect.k === 'sink') note(effect.loss);
    else if (effect.k === 'write') note(effect.value);
  }
  returns.forEach(note);
  return penalties.flatMap(({ term, value }) => {
    const decays = value.filter((tag) => tag.k === 'decay');
    if (decays.some((tag) => reached.has(siteKey(tag.term.l2Site)))) return [];
    const sink = sinks[0];
    return [{ ...term, unreached: { sink: sink.site, method: sink.method, lossName: sink.lossName } }];
  });
}

/** `terms.append(penalty)`: a list filled by mutation, which the flow-insensitive values do not follow. */
export function isCollectedByMutation(name: string, scope: Scope): boolean {
  const body = scope.fn ? scope.fn.body : scope.module.ir.body;
  for (const stmt of walkStatements(body)) {
    if (stmt.kind !== 'expr' || stmt.value.kind !== 'call' || stmt.value.callee.kind !== 'attr') continue;
    if (!mutatingMethods.has(stmt.value.callee.attr)) continue;
    if (stmt.value.args.some((arg) => arg.kind === 'name' && arg.id === name)) return true;
  }
  return false;
}

const mutatingMethods = new Set(['append', 'extend', 'insert', 'add', 'add_', 'update', 'put', 'add_loss', 'push']);
