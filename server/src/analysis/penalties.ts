// Decay terms a training body computes and uses, but that never reach what it trains on: WD104's
// second case (`total = loss + penalty` logged while `loss.backward()` trains on the bare loss).
import { decayTermKey, siteKey } from './decayFlow';
import { detachingMethods } from './evalContext';
import type { DiscardedTerm, Effect } from './effects';
import type { LateTerms } from './statementOrder';
import { dottedName, walkStatements, type Expr, type Stmt } from './ir';
import { hasLiveDecay } from './instantiation';
import { targetNames } from './moduleInfo';
import type { Scope } from './scope';
import type { Range } from './findings';
import { knownDecay, type Site, type Value } from './values';

/** A decay term assigned to a name that is read again: it must reach a loss, a collection or the caller. */
export interface Penalty {
  term: DiscardedTerm;
  value: Value;
  /** `loss = loss + wd * l2` in a helper taking `loss`: the caller's tensor is not changed. */
  rebindsParameter?: boolean;
  /** `loss += wd * l2`: changes the tensor itself, so it is lost only when it comes after training on it. */
  inPlace?: boolean;
  /** `loss.add(wd * l2)` as a statement: lost when the body trains on `loss`. */
  droppedFrom?: string;
  /** `return wd * l2`: a helper's result, which becomes the penalty of the name its caller assigns it to. */
  returnedTerm?: true;
  /** Read only by calls that report it (`tf.summary.scalar('reg', reg)`): lost even where the body trains nothing. */
  onlyLogged?: true;
  /** Handed over by a callee (`bpr, reg = compute_bpr_loss(...)`), not built in this body. */
  fromCallee?: true;
}

/**
 * A body's penalties: its own, and those its callees hand over, each term once (re-evaluating a
 * name evaluates its calls again), and not again once an assignment has taken them over.
 */
export class BodyPenalties {
  readonly all: Penalty[] = [];
  private readonly handedOver = new Set<string>();

  add(penalty: Penalty): void {
    this.all.push(penalty);
  }

  /**
   * `return self.weight_decay * reg_loss` (`builds`): a penalty built to be handed over, which the
   * caller must use; `return weight_loss`: the penalties that name holds, handed over whole. Either
   * becomes the penalty of the name the caller assigns the call to.
   */
  returnStatement(value: Expr, returned: Value, at: Site, builds: boolean): void {
    if (builds) this.add({ term: { site: at, decay: knownDecay(returned) }, value: returned, returnedTerm: true });
    else if (value.kind === 'name') for (const penalty of this.all) if (penalty.term.name === value.id) penalty.returnedTerm = true;
  }

  /** A penalty a callee returns to this body, at the call `at` (two calls of one helper hand over two). */
  handOver(penalty: Penalty, at: Range): void {
    const key = `${siteKey(penalty.term.site)}@${at.startLine}:${at.startColumn}`;
    if (this.handedOver.has(key)) return;
    this.handedOver.add(key);
    this.all.push({ ...penalty, fromCallee: true });
  }

  /**
   * `reg = helper(model)`: when the penalties handed over since `count` was read are all terms
   * helpers return, they are the assignment's from here on. A helper that hands one over among
   * other values (a dict of losses) keeps its own.
   */
  private takeOver(count: number): boolean {
    const handedOver = this.all.slice(count);
    if (handedOver.length === 0 || !handedOver.every((penalty) => penalty.returnedTerm)) return false;
    this.all.splice(count);
    return true;
  }

  /**
   * An assignment's decay terms: one it builds (`reg = wd * l2`) or takes over from the helpers it
   * called (`reg = self.reg(model)`, `reg = wd * l2_loss(params)`; a helper that trains keeps its
   * own) becomes the penalty of the name it is assigned to, or is discarded when the name is never
   * read. Under `torch.no_grad()` a term is computed to be logged, not trained on. `since`: the
   * penalties' count before the value was evaluated. Returns whether the statement makes a term.
   */
  assignment(stmt: Stmt & { kind: 'assign' }, value: Value, a: { builds: boolean; trains: boolean; since: number; scope: Scope; at: Site; noGradient: boolean; discard: (term: DiscardedTerm) => void }): boolean {
    const { scope } = a;
    const names = targetNames(stmt.targets);
    const single = stmt.targets.length === 1 && stmt.targets[0].kind === 'name' ? names[0] : undefined;
    const neverRead = names.length > 0 && names.every((name) => !scope.namesRead().has(name));
    // `tf.summary.scalar('weight_cost', weight_cost)`, `print(reg)`, `reg.item()`: reported, and lost all the same.
    const onlyLogged = !neverRead && names.length > 0 && names.every((name) => !scope.namesReadBeyond(onlyReports).has(name));
    const takesHandedOver = !a.trains && (a.builds || ((single !== undefined || neverRead) && hasLiveDecay(value))) && this.takeOver(a.since);
    const makesTerm = a.builds || takesHandedOver;
    if (!makesTerm || a.noGradient) return makesTerm;
    const decay = knownDecay(value);
    if (names.length > 0) {
      const term = { site: a.at, name: names[0], decay };
      if (stmt.augmented) {
        // `loss += wd * l2` changes the tensor in place: it counts only where it comes after training (StatementOrder).
        if (single) this.add({ term, value, inPlace: true });
      } else if (neverRead) a.discard({ ...term, termKeys: termKeysOf(value) });
      else if (single && !isCollectedByMutation(single, scope)) this.add({ term, value, rebindsParameter: scope.params.has(single) || undefined, onlyLogged: onlyLogged || undefined });
    }
    return makesTerm;
  }
}

/**
 * Where a body's penalties (its own, and those its callees returned to it) end up. `discarded`:
 * the body trains (its optimizer losses all known) and they reach none of its losses, no
 * collection and no return value (`penalty = wd * sum(...)` added to a logged total while
 * `loss.backward()` differentiates the bare loss), or the body trains nothing, returns nothing and
 * rebinds a parameter to them (the caller's loss stays as it was). `returned`: they reach only what
 * the body returns, so its caller decides, unless the body takes a tape's gradients or runs
 * PyTorch's `backward` itself (the value it returns is past differentiating). `returnsAreTrained`: the framework trains on the return value
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
  const sitesOf = (penalty: Penalty) => penalty.value.flatMap((tag) => (tag.k === 'decay' ? [siteKey(tag.term.l2Site)] : []));
  // A callee's term this body builds a penalty of its own from (`final.add(wd * reg)`): that penalty decides.
  const builtHere = new Set(penalties.flatMap((penalty) => (penalty.fromCallee ? [] : sitesOf(penalty))));
  for (const penalty of penalties) {
    const sites = sitesOf(penalty);
    if (penalty.fromCallee && sites.length > 0 && sites.every((site) => builtHere.has(site))) continue;
    // Added to the loss after the call that trains on it (`loss.backward(); loss = loss + l2`).
    const late = sites.length > 0 ? addedAfterTraining.find((terms) => sites.every((site) => terms.sites.has(site))) : undefined;
    if (late) {
      discarded.push({ ...penalty.term, unreached: { sink: late.sink.site, method: late.sink.method, lossName: late.sink.lossName, afterIt: true } });
      continue;
    }
    if (penalty.droppedFrom !== undefined) {
      if (sinks.some((sink) => sink.lossName === penalty.droppedFrom)) discarded.push(penalty.term);
      continue;
    }
    if (penalty.inPlace || sites.some((site) => used.has(site))) continue;
    // A tape's gradient is taken here, or PyTorch's backward runs here: what the body returns is past differentiating.
    if (sites.some((site) => handedOver.has(site)) && !(certain && sinks.every((sink) => sink.method === 'gradient' || sink.method === 'backward'))) returned.push(penalty);
    else if (certain) {
      const sink = sinks[0];
      discarded.push({ ...penalty.term, unreached: { sink: sink.site, method: sink.method, lossName: sink.lossName } });
    } else if (penalty.onlyLogged) discarded.push({ ...penalty.term, onlyLogged: true, termKeys: termKeysOf(penalty.value) });
    else if (penalty.rebindsParameter && sinks.length === 0 && returns.length === 0) discarded.push({ ...penalty.term, rebindsParameter: true });
  }
  return { discarded, returned };
}

/**
 * Calls that only report a value: summaries, logs, prints, progress bars, and `.item()` /
 * `.detach()` (a number or a tensor for a log). A method's name is enough for loggers and writers
 * (`self.writer.add_scalar`).
 */
const loggingFunctions = new Set(['print', 'tf.print', 'console.log', 'console.info', 'wandb.log', 'self.log', 'self.log_dict', 'add_moving_summary', 'summary.add_moving_summary']);
const loggingModules = /^(?:tf\.(?:compat\.v1\.)?summary|tf\.contrib\.summary|summary|logging|logger|self\.logger|mlflow)\.\w+$/;
const loggingMethods = new Set(['add_scalar', 'add_scalars', 'add_histogram', 'log_metric', 'log_metrics', 'set_postfix', 'set_description']);

function onlyReports(call: Expr & { kind: 'call' }): boolean {
  if (call.callee.kind === 'attr' && detachingMethods.has(call.callee.attr) && call.args.length === 0) return true;
  const dotted = dottedName(call.callee);
  if (!dotted) return false;
  return loggingFunctions.has(dotted) || loggingModules.test(dotted) || (call.callee.kind === 'attr' && loggingMethods.has(call.callee.attr));
}

function termKeysOf(value: Value): string[] {
  return value.flatMap((tag) => (tag.k === 'decay' ? [decayTermKey(tag.term)] : []));
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
