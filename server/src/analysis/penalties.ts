// Decay terms a training body computes and uses, but that never reach what it trains on: WD104's
// second case (`total = loss + penalty` logged while `loss.backward()` trains on the bare loss).
import { siteKey } from './decayFlow';
import type { DiscardedTerm, Effect } from './effects';
import { childExprs, dottedName, walkStatements, type Expr, type Stmt } from './ir';
import type { Scope } from './scope';
import type { Site, Value } from './values';

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

/** An assignment to a name or an attribute (`loss`, `self.loss`), as a block's order sees it. */
export interface Assignment {
  name: string;
  value: Value;
  site: Site;
  /** Its value builds a decay term right there (`xent + wd * l2`). */
  buildsTerm: boolean;
  augmented: boolean;
}

/**
 * One block's statements in order, for what the flow-insensitive values cannot tell: a term added
 * to `loss` after `loss.backward()` (or `minimize(loss)`, `tape.gradient(loss, ...)`) in the same
 * block is in the name's value, but not in what was trained; and a term assigned to a name that a
 * later assignment overwrites before anything reads it is lost. Assignments made inside a nested
 * statement count at that statement's place.
 */
export class StatementOrder {
  private readonly assignments: { index: number; assignment: Assignment }[] = [];
  private readonly sinks: { index: number; sink: SinkEffect }[] = [];

  constructor(private readonly stmts: readonly Stmt[]) {}

  assigned(index: number, assignment: Assignment): void {
    this.assignments.push({ index, assignment });
  }

  trained(index: number, sink: SinkEffect): void {
    if (sink.lossName) this.sinks.push({ index, sink });
  }

  /** Every assignment of the block, nested ones included, for the enclosing block. */
  all(): Assignment[] {
    return this.assignments.map(({ assignment }) => assignment);
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
      const later = this.assignments.filter((entry) => entry.index > index && entry.assignment.name === name);
      if (later.length === 0) continue;
      const sites = new Set(later.flatMap(({ assignment }) => decaySites(assignment.value)));
      for (const expr of assignedBefore(name, sink.site.range.startLine)) for (const site of decaySites(valueOf(expr))) sites.delete(site);
      if (sites.size > 0) found.push({ sites, sink });
    }
    return found;
  }

  /**
   * `self.loss = xent + wd * l2` and, later in the block, `self.loss = xent`: the term is
   * overwritten when nothing trains on the name or reads it in between.
   */
  overwrittenTerms(): { assignment: Assignment; by: Site }[] {
    const found: { assignment: Assignment; by: Site }[] = [];
    for (const { index, assignment } of this.assignments) {
      if (!assignment.buildsTerm) continue;
      const sites = decaySites(assignment.value);
      const next = this.assignments.find((entry) => entry.index > index && entry.assignment.name === assignment.name);
      if (!next || next.assignment.augmented || decaySites(next.assignment.value).some((site) => sites.includes(site))) continue;
      const trainedBetween = this.sinks.some((entry) => entry.index >= index && entry.index < next.index && entry.sink.lossName === assignment.name);
      const readBetween = this.stmts.slice(index + 1, next.index).some((stmt) => readsName(stmt, assignment.name));
      if (!trainedBetween && !readBetween) found.push({ assignment, by: next.assignment.site });
    }
    return found;
  }
}

/** The statement reads `name` (a name or a dotted attribute), nested statements included. */
function readsName(stmt: Stmt, name: string): boolean {
  const exprs: Expr[] = [];
  for (const inner of walkStatements([stmt])) {
    if (inner.kind === 'assign') {
      exprs.push(inner.value);
      // Assigning a name or an attribute writes it; `x += t` and a subscript or tuple target read.
      for (const target of inner.targets) {
        if (inner.augmented) exprs.push(target);
        else if (target.kind === 'attr') exprs.push(target.object);
        else if (target.kind !== 'name') exprs.push(target);
      }
    } else if (inner.kind === 'expr') exprs.push(inner.value);
    else if (inner.kind === 'return' && inner.value) exprs.push(inner.value);
    else if (inner.kind === 'if') exprs.push(inner.test);
  }
  while (exprs.length > 0) {
    const expr = exprs.pop()!;
    if ((expr.kind === 'name' || expr.kind === 'attr') && dottedName(expr) === name) return true;
    exprs.push(...childExprs(expr));
  }
  return false;
}

function decaySites(value: Value): string[] {
  return value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []));
}
