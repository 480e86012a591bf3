// Branches chosen by the same string never run together: `if args.optim == 'sgd':` builds an SGD
// with weight_decay, `if args.optim == 'adam':` elsewhere adds an explicit penalty, and one run
// takes one of them. Read from the IR alone: which code runs only for some values of a name.
import type { Range } from './findings';
import { rangeWithin, type FunctionDef, type ModuleIR, type Stmt } from './ir';
import type { Site } from './values';

/** Code (`range`) that runs only when `name` is one of `values`, or, `negated`, none of them. */
export interface ChoiceArm {
  range: Range;
  name: string;
  values: readonly string[];
  negated: boolean;
  caseless: boolean;
  substring: boolean;
  /**
   * Where the name means one thing: the function for a local or a parameter (`cfg.type` in two
   * functions taking `cfg` are two configs), the class for `self.mode`; none for a module's global.
   */
  within?: Range;
  /** The innermost loop around the test: what one iteration builds, a later one may use. */
  loop?: Range;
}

/** The arms of every `if` on a string choice in the module: its body, and its `else` (elif chains included). */
export function choiceArms(ir: ModuleIR): ChoiceArm[] {
  const arms: ChoiceArm[] = [];
  interface Context { fn?: FunctionDef; classRange?: Range; loop?: Range }
  const scopeOf = (name: string, context: Context): Range | undefined => {
    const head = name.split('.')[0];
    if (head === 'self' || head === 'this') return context.classRange ?? context.fn?.range;
    const local = !name.includes('.') || context.fn?.params.some((param) => param.name === head);
    return local ? context.fn?.range : undefined;
  };
  const visit = (body: readonly Stmt[], context: Context) => {
    for (const stmt of body) {
      if (stmt.kind === 'def') visit(stmt.fn.body, { fn: stmt.fn, classRange: context.classRange });
      else if (stmt.kind === 'class') visit(stmt.body, { classRange: stmt.range });
      else if (stmt.kind === 'block') visit(stmt.body, stmt.loop ? { ...context, loop: stmt.range } : context);
      else if (stmt.kind === 'if') {
        const choice = stmt.choice;
        if (choice) {
          const within = scopeOf(choice.name, context);
          const arm = { name: choice.name, values: choice.values, caseless: choice.caseless === true, substring: choice.substring === true, ...(within ? { within } : {}), ...(context.loop ? { loop: context.loop } : {}) };
          const bodyRange = spanOf(stmt.body);
          const elseRange = spanOf(stmt.orelse);
          if (bodyRange) arms.push({ ...arm, range: bodyRange, negated: choice.negated === true });
          if (elseRange) arms.push({ ...arm, range: elseRange, negated: choice.negated !== true });
        }
        visit(stmt.body, context);
        visit(stmt.orelse, context);
      }
    }
  };
  visit(ir.body, {});
  return arms;
}

/** Whether the code at `a` and the code at `b` run only for values of one name that no run gives both. */
export function onExclusiveBranches(arms: ReadonlyMap<string, readonly ChoiceArm[]>, a: Site, b: Site): boolean {
  if (a.uri !== b.uri) return false;
  const around = (site: Site) => (arms.get(site.uri) ?? []).filter((arm) => rangeWithin(site.range, arm.range));
  const aroundB = around(b);
  // A value built in one pass of a loop (`if phase == 'warmup': opt = SGD(...)`) serves the passes that take the other arm.
  const acrossPasses = (arm: ChoiceArm, other: Site) => arm.loop !== undefined && rangeWithin(other.range, arm.loop);
  return around(a).some((armA) => aroundB.some((armB) => sameChoice(armA, armB) && disjoint(armA, armB) && !acrossPasses(armA, b) && !acrossPasses(armB, a)));
}

function sameChoice(a: ChoiceArm, b: ChoiceArm): boolean {
  const sameFunction = a.within?.startLine === b.within?.startLine && a.within?.startColumn === b.within?.startColumn;
  return a.name === b.name && a.caseless === b.caseless && a.substring === b.substring && sameFunction;
}

/** No value satisfies both arms: two lists with nothing in common, or a list the other arm excludes whole. */
function disjoint(a: ChoiceArm, b: ChoiceArm): boolean {
  if (a.negated && b.negated) return false;
  // Two substrings a name may hold both of (`'adam' in name`, `'w' in name`): only strings neither holds the other of.
  if (!a.negated && !b.negated) return !a.values.some((value) => b.values.some((other) => (a.substring ? value.includes(other) || other.includes(value) : value === other)));
  const [chosen, excluded] = a.negated ? [b, a] : [a, b];
  return chosen.values.every((value) => excluded.values.includes(value));
}

function spanOf(body: readonly Stmt[]): Range | undefined {
  if (body.length === 0) return undefined;
  const [first, last] = [body[0].range, body[body.length - 1].range];
  return { startLine: first.startLine, startColumn: first.startColumn, endLine: last.endLine, endColumn: last.endColumn };
}
