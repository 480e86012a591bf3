// Decay terms a training body computes and uses, but that never reach what it trains on: WD104's
// second case (`total = loss + penalty` logged while `loss.backward()` trains on the bare loss).
import { siteKey } from './decayFlow';
import type { DiscardedTerm, Effect } from './effects';
import type { Expr } from './ir';
import { walkStatements } from './ir';
import type { Scope } from './scope';
import type { Value } from './values';

/** A decay term assigned to a name that is read again: it must reach a loss, a collection or the caller. */
export interface Penalty {
  term: DiscardedTerm;
  value: Value;
  /** `loss = loss + wd * l2` in a helper taking `loss`: the caller's tensor is not changed. */
  rebindsParameter?: boolean;
  /** `loss += wd * l2`: changes the tensor itself, so it is lost only when it comes after training on it. */
  inPlace?: boolean;
}

/**
 * Where a body's penalties (its own, and those its callees returned to it) end up. `discarded`:
 * the body trains (its optimizer losses all known) and they reach none of its losses, no
 * collection and no return value (`penalty = wd * sum(...)` added to a logged total while
 * `loss.backward()` differentiates the bare loss), or the body trains nothing, returns nothing and
 * rebinds a parameter to them (the caller's loss stays as it was). `returned`: they reach only what
 * the body returns, so its caller decides, unless the body takes a tape's gradients itself (the
 * value it returns is past differentiating). `returnsAreTrained`: the framework trains on the return value
 * (Lightning's `training_step`), which is then a loss, not a hand-over.
 */
export function penaltyOutcomes(
  penalties: readonly Penalty[],
  effects: readonly Effect[],
  returns: readonly Value[],
  returnsAreTrained: boolean,
  addedAfterTraining: readonly LateTerms[] = [],
): { discarded: DiscardedTerm[]; returned: Penalty[] } {
  if (penalties.length === 0) return { discarded: [], returned: [] };
  const sinks = effects.filter((effect): effect is Effect & { k: 'sink' } => effect.k === 'sink');
  const certain = sinks.length > 0 && !sinks.some((sink) => sink.loss.some((tag) => tag.k === 'opaque' || (tag.k === 'param' && !tag.derived)));
  const sitesIn = (values: readonly Value[]) => new Set(values.flatMap((value) => value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []))));
  const used = sitesIn(effects.flatMap((effect) => (effect.k === 'sink' ? [effect.loss] : effect.k === 'write' ? [effect.value] : [])));
  const handedOver = returnsAreTrained ? new Set<string>() : sitesIn(returns);
  const discarded: DiscardedTerm[] = [];
  const returned: Penalty[] = [];
  for (const penalty of penalties) {
    const sites = penalty.value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []));
    // Added to the loss after the call that trains on it (`loss.backward(); loss = loss + l2`).
    const late = sites.length > 0 ? addedAfterTraining.find((terms) => sites.every((site) => terms.sites.has(site))) : undefined;
    if (late) {
      discarded.push({ ...penalty.term, unreached: { sink: late.sink.site, method: late.sink.method, lossName: late.sink.lossName, afterIt: true } });
      continue;
    }
    if (penalty.inPlace || sites.some((site) => used.has(site))) continue;
    // A tape's gradient is taken here: what the body returns is past differentiating.
    if (sites.some((site) => handedOver.has(site)) && !(certain && sinks.every((sink) => sink.method === 'gradient'))) returned.push(penalty);
    else if (certain) {
      const sink = sinks[0];
      discarded.push({ ...penalty.term, unreached: { sink: sink.site, method: sink.method, lossName: sink.lossName } });
    } else if (penalty.rebindsParameter && sinks.length === 0 && returns.length === 0) discarded.push({ ...penalty.term, rebindsParameter: true });
  }
  return { discarded, returned };
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

type SinkEffect = Effect & { k: 'sink' };

/** Decay terms (by site) that join a name after a call trained on it, and that call. */
export interface LateTerms {
  sites: ReadonlySet<string>;
  sink: SinkEffect;
}

/**
 * One block's statements in order, for what the flow-insensitive values cannot tell: a term added
 * to `loss` after `loss.backward()` (or `minimize(loss)`, `tape.gradient(loss, ...)`) in the same
 * block is in the name's value, but not in what was trained.
 */
export class StatementOrder {
  private readonly assignments: { index: number; name: string; value: Value }[] = [];
  private readonly sinks: { index: number; sink: SinkEffect }[] = [];

  assigned(index: number, name: string, value: Value): void {
    this.assignments.push({ index, name, value });
  }

  trained(index: number, sink: SinkEffect): void {
    if (sink.lossName) this.sinks.push({ index, sink });
  }

  /**
   * For each training call on a name: the decay terms that join the name later in the block, before
   * any later call trains on it again, and that no assignment before the call (`assignedBefore`,
   * in the scope, by line) already held.
   */
  termsAfterTraining(assignedBefore: (name: string, line: number) => readonly Expr[], valueOf: (expr: Expr) => Value): LateTerms[] {
    const found: LateTerms[] = [];
    for (const { index, sink } of this.sinks) {
      const name = sink.lossName!;
      if (this.sinks.some((other) => other.index > index && other.sink.lossName === name)) continue;
      const later = this.assignments.filter((assignment) => assignment.index > index && assignment.name === name);
      if (later.length === 0) continue;
      const sites = new Set(later.flatMap(({ value }) => decaySites(value)));
      for (const expr of assignedBefore(name, sink.site.range.startLine)) for (const site of decaySites(valueOf(expr))) sites.delete(site);
      if (sites.size > 0) found.push({ sites, sink });
    }
    return found;
  }
}

function decaySites(value: Value): string[] {
  return value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []));
}
