// A block's statements in order, for what the flow-insensitive values cannot tell: a term that
// joins a loss after the call that trained on it, and a term overwritten before anything reads it.
import { siteKey } from './decayFlow';
import type { DiscardedTerm, Effect } from './effects';
import { walkExpressions, dottedName, readExpressions, walkStatements, type Expr, type Stmt } from './ir';
import { knownDecay, type Site, type Value } from './values';

type SinkEffect = Effect & { k: 'sink' };

/** Decay terms and collection sums (by site) that join a loss only after the block's last training call, and that call. */
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
  /** The assigned expression (read only where a training call came before it). */
  expr: Expr;
}

/** It adds to the name's own value (`loss += t`, `loss = loss + t`). */
function extendsItself(assignment: Assignment): boolean {
  return assignment.augmented || namesIn(assignment.expr).has(assignment.name);
}

/**
 * How a block's statements run: in order (a body, a branch, a `with`), in order and again (a loop
 * body: what comes after the training call may feed the next iteration's), or in an order the IR
 * does not keep (`try`/`except`, `match`, unparsable regions: no order is read there).
 */
export type BlockOrder = 'sequential' | 'loop' | 'unordered';

/**
 * One block's statements in order, for what the flow-insensitive values cannot tell: a term added
 * to `loss` after `loss.backward()` (or `minimize(loss)`, `tape.gradient(loss, ...)`) in the same
 * block is in the name's value, but not in what was trained; and a term assigned to a name that a
 * later assignment overwrites before anything reads it is lost. Assignments made inside a nested
 * statement count at that statement's place, but never as a certain overwrite (a branch may not run).
 */
export class StatementOrder {
  private readonly assignments: { index: number; assignment: Assignment; direct: boolean }[] = [];
  private readonly sinks: { index: number; sink: SinkEffect }[] = [];

  constructor(
    private readonly stmts: readonly Stmt[],
    private readonly order: BlockOrder,
  ) {}

  /** `direct`: the statement at `index` is the assignment itself, not a block holding it. */
  assigned(index: number, assignment: Assignment, direct: boolean): void {
    this.assignments.push({ index, assignment, direct });
  }

  trained(index: number, sink: SinkEffect): void {
    this.sinks.push({ index, sink });
  }

  /** Every assignment of the block, nested ones included, for the enclosing block. */
  all(): Assignment[] {
    return this.assignments.map(({ assignment }) => assignment);
  }

  /**
   * The decay terms and collection sums no training call of the block saw, whatever the names'
   * flow-insensitive values hold: after the block's last training call, an assignment that adds to
   * a trained loss or to a name it was computed from (`loss.backward()` then `loss = loss + l2`;
   * `tape.gradient(enc_loss, ...)` then `cost += sum(model.losses)` where `enc_loss` came from
   * `cost`) brings terms that no assignment of that name before the call held (`assignedBefore`,
   * in the scope, by line), unless the name was computed afresh after the call. In a loop
   * body whose training call uses a loss not assigned before it there, what comes after it feeds
   * the next iteration.
   */
  private termsAfterTraining(assignedBefore: (name: string, line: number) => readonly Expr[], valueOf: (expr: Expr) => Value): LateTerms | undefined {
    const last = this.sinks[this.sinks.length - 1];
    if (!last || this.order === 'unordered') return undefined;
    const line = last.sink.site.range.startLine;
    const trained = this.sinks.flatMap(({ sink }) => (sink.lossName ? [sink.lossName] : []));
    if (this.order === 'loop' && trained.some((name) => !this.assignments.some((entry) => entry.index < last.index && entry.assignment.name === name))) return undefined;
    const feeding = new Set(trained);
    for (const name of trained) for (const expr of assignedBefore(name, line)) for (const read of namesIn(expr)) feeding.add(read);
    const heldBy = new Map<string, Set<string>>();
    const held = (name: string) => {
      let keys = heldBy.get(name);
      if (!keys) heldBy.set(name, (keys = new Set(assignedBefore(name, line).flatMap((expr) => termSites(valueOf(expr))))));
      return keys;
    };
    const extendsByAssignment = new Map<Assignment, boolean>();
    const extending = (assignment: Assignment) => {
      let extended = extendsByAssignment.get(assignment);
      if (extended === undefined) extendsByAssignment.set(assignment, (extended = extendsItself(assignment)));
      return extended;
    };
    const sites = new Set<string>();
    for (const { index, assignment } of this.assignments) {
      if (index <= last.index || !feeding.has(assignment.name) || !extending(assignment)) continue;
      // A value computed afresh after training (a validation pass: `loss = loss_fn(...)`, then `loss += ...`) is another value.
      if (this.assignments.some((entry) => entry.index > last.index && entry.index <= index && entry.assignment.name === assignment.name && !extending(entry.assignment))) continue;
      for (const site of termSites(assignment.value)) if (!held(assignment.name).has(site)) sites.add(site);
    }
    return sites.size > 0 ? { sites, sink: last.sink } : undefined;
  }

  /**
   * What the block's order says, put into the body's facts: late terms leave the losses of the
   * block's training calls (sums added late are marked `afterTraining`), overwritten terms join
   * `discarded`. Returns the late terms, for the body's penalties.
   */
  settle(effects: Effect[], discarded: DiscardedTerm[], assignedBefore: (name: string, line: number) => readonly Expr[], valueOf: (expr: Expr) => Value): LateTerms | undefined {
    const late = this.termsAfterTraining(assignedBefore, valueOf);
    if (late) {
      const calls = new Set<Effect>(this.sinks.map(({ sink }) => sink));
      const afterTraining = { site: late.sink.site, method: late.sink.method, lossName: late.sink.lossName };
      effects.forEach((effect, index) => {
        if (effect.k === 'sink' && calls.has(effect)) effects[index] = { ...effect, loss: withoutLateTerms(effect.loss, late) };
        else if (effect.k === 'sum' && late.sites.has(siteKey(effect.site))) effects[index] = { ...effect, afterTraining };
      });
    }
    for (const { assignment, by } of this.overwrittenTerms()) {
      discarded.push({ site: assignment.site, name: assignment.name, decay: knownDecay(assignment.value), overwrittenBy: by });
    }
    return late;
  }

  /**
   * `self.loss = xent + wd * l2` and, later in the block, `self.loss = xent`: the term is
   * overwritten when nothing trains on the name or reads it in between.
   */
  private overwrittenTerms(): { assignment: Assignment; by: Site }[] {
    if (this.order === 'unordered') return [];
    const found: { assignment: Assignment; by: Site }[] = [];
    for (const { index, assignment } of this.assignments) {
      if (!assignment.buildsTerm) continue;
      const sites = decaySites(assignment.value);
      const next = this.assignments.find((entry) => entry.index > index && entry.assignment.name === assignment.name);
      // Only a statement of the block itself overwrites for sure: one in a branch may not run.
      if (!next || !next.direct || next.assignment.augmented || decaySites(next.assignment.value).some((site) => sites.includes(site))) continue;
      const trainedBetween = this.sinks.some((entry) => entry.index >= index && entry.index < next.index && entry.sink.lossName === assignment.name);
      const readBetween = this.stmts.slice(index + 1, next.index).some((stmt) => readsName(stmt, assignment.name));
      if (!trainedBetween && !readBetween) found.push({ assignment, by: next.assignment.site });
    }
    return found;
  }
}

/** Where the value's decay terms and collection sums are built. */
function termSites(value: Value): string[] {
  return value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : tag.k === 'sum' ? [siteKey(tag.site)] : []));
}

/** The statement reads `name` (a name or a dotted attribute), nested statements included. */
function readsName(stmt: Stmt, name: string): boolean {
  for (const inner of walkStatements([stmt])) if (readExpressions(inner).some((expr) => namesIn(expr).has(name))) return true;
  return false;
}

/** The names and dotted attributes (`self.loss`) an expression reads. */
export function namesIn(expr: Expr): Set<string> {
  const names = new Set<string>();
  for (const current of walkExpressions([expr])) {
    const dotted = current.kind === 'name' || current.kind === 'attr' ? dottedName(current) : undefined;
    if (dotted) names.add(dotted);
  }
  return names;
}

function decaySites(value: Value): string[] {
  return value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []));
}

/** `loss` without the late terms: what the training call really saw. */
function withoutLateTerms(loss: Value, late: LateTerms): Value {
  return loss.filter((tag) => !((tag.k === 'decay' && late.sites.has(siteKey(tag.term.l2Site))) || (tag.k === 'sum' && late.sites.has(siteKey(tag.site)))));
}
