// The adaptive range (runtime/src/sweep/adaptiveRange.ts, searchSweep.ts) with real trainings: a
// grid too low is extended until the best is interior, an interior best is refined, the round
// and time bounds hold (counted in rounds, never in wall time), every value tried is in the
// result, and the grid's values train exactly as in a plain sweep of the grid.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSpec, planNextRound, runSweep, searchSweep, type SweepResult, type SweepRun } from '../../runtime/src';

// The default MLP on the synthetic task, short: its best decay is near 0.05 (0.071 of this search's values).
const quick = defaultSpec({ steps: 300, seeds: 2, searchBudgetMs: 1e9 });

function triedValues(result: SweepResult): number[] {
  return result.search!.rounds.flatMap((round) => round.decayValues).sort((a, b) => a - b);
}

function assertEveryValueOnce(result: SweepResult): void {
  const decays = result.runs.map((run) => run.decay);
  assert.deepEqual(decays, [...decays].sort((a, b) => a - b), 'runs sorted by decay');
  assert.deepEqual(decays, triedValues(result), 'every value of every round is a run, once');
}

test('a grid too low is extended upward until the best is interior, then refined; the grid trains as a plain sweep', async () => {
  const spec = { ...quick, decayValues: [0, 0.0001, 0.0003], searchRounds: 6 };
  const result = await searchSweep(spec);
  const kinds = result.search!.rounds.map((round) => round.kind);
  assert.equal(kinds[0], 'grid');
  assert.ok(kinds.filter((kind) => kind === 'extend-up').length >= 2, kinds.join(' '));
  assert.equal(kinds.at(-1), 'refine');
  assert.match(result.search!.rounds[1].reason, /^best at the upper end \(0\.0003\): extended to 0\.0009, 0\.0027$/);
  assert.match(result.search!.stopped, /^refined around /);
  assertEveryValueOnce(result);
  const best = result.best!.decay;
  const positive = result.runs.map((run) => run.decay).filter((decay) => decay > 0);
  assert.ok(positive[0] < best && best < positive.at(-1)!, `best ${best} is interior to ${positive.join(', ')}`);
  assert.ok(best > 0.01 && best < 0.2, `best ${best}`);
  // The best is recomputed here from the runs.
  const lowest = result.runs.reduce((a, b) => (b.evaluations.at(-1)!.loss! < a.evaluations.at(-1)!.loss! ? b : a));
  assert.equal(lowest.decay, best);
  assert.equal(result.noDecay?.validationLoss, result.runs[0].evaluations.at(-1)!.loss);
  // Same data, same seeds: the grid's values are those of the plain sweep of the grid, bit for bit.
  const plain = await runSweep(spec);
  for (const run of plain.runs) assert.deepEqual(result.runs.find((candidate) => candidate.decay === run.decay), run, `wd=${run.decay}`);
  for (const run of result.runs) assert.equal(run.seeds?.length, 2);
});

test('an interior best is refined once between its neighbours in log space, then the search stops', async () => {
  const result = await searchSweep({ ...quick, decayValues: [0, 0.003, 0.03, 0.3] });
  const rounds = result.search!.rounds;
  assert.deepEqual(rounds.map((round) => round.kind), ['grid', 'refine']);
  const bestOfGrid = 0.03;
  assert.deepEqual(rounds[1].decayValues, [Number(Math.sqrt(0.003 * bestOfGrid).toPrecision(2)), Number(Math.sqrt(bestOfGrid * 0.3).toPrecision(2))]);
  assert.equal(rounds[1].reason, 'refined around 0.03: 0.0095, 0.095');
  assert.match(result.search!.stopped, /^refined around /);
  assertEveryValueOnce(result);
});

test('the round limit and the time budget bound the search; adaptive: false trains the grid alone', async () => {
  const low = { ...quick, steps: 100, seeds: 1, decayValues: [0, 0.0001, 0.0003] };
  const oneRound = await searchSweep({ ...low, searchRounds: 1 });
  assert.deepEqual(oneRound.search!.rounds.map((round) => round.kind), ['grid', 'extend-up']);
  assert.match(oneRound.search!.stopped, /^the round limit \(1\) came before: best at the upper end/);
  assertEveryValueOnce(oneRound);
  const noBudget = await searchSweep({ ...low, searchBudgetMs: 0 });
  assert.equal(noBudget.search!.rounds.length, 1);
  assert.match(noBudget.search!.stopped, /^the time budget \(0\.0 s\) had no room for: best at the upper end/);
  const plain = await searchSweep({ ...low, adaptive: false });
  assert.equal(plain.search, undefined);
  assert.deepEqual(plain.runs.map((run) => run.decay), low.decayValues);
});

// The rules alone, on runs made here: divergence, no decay as the best, the lower end.
function run(decay: number, loss: number | null, divergedAt?: number): SweepRun {
  return { decay, trainLoss: [], evaluations: [{ step: 1, loss, weightNorms: [] }], ...(divergedAt === undefined ? {} : { divergedAt }) } as SweepRun;
}

test('the rules: a diverged value above the best stops extension upward; 0 best stops; the lower end extends down', () => {
  const diverged = planNextRound([run(0, 2), run(0.01, 1.5), run(0.1, 1.2), run(1, null, 5)], 0.1, false);
  assert.deepEqual(diverged, { kind: 'refine', decayValues: [0.032, 0.32], reason: 'refined around 0.1: 0.032, 0.32' });
  assert.deepEqual(planNextRound([run(0, 1), run(0.01, 1.5)], 0, false), { stop: 'no decay (0) is best: no positive value beat it' });
  assert.deepEqual(planNextRound([run(0, 2), run(0.01, 1), run(0.1, 1.5)], 0.01, false), {
    kind: 'extend-down',
    decayValues: [0.0001, 0.001],
    reason: 'best at the lower end (0.01): extended to 0.0001, 0.001',
  });
  // The step at an end is clamped to x2..x10; one positive value steps by 10.
  assert.deepEqual(planNextRound([run(0, 2), run(0.1, 1), run(0.11, 0.9)], 0.11, false).valueOf(), { kind: 'extend-up', decayValues: [0.22, 0.44], reason: 'best at the upper end (0.11): extended to 0.22, 0.44' });
  assert.deepEqual(planNextRound([run(0, 2), run(0.5, 1)], 0.5, false), { kind: 'extend-up', decayValues: [5, 50], reason: 'best at the upper end (0.5): extended to 5, 50' });
  assert.deepEqual(planNextRound([run(0, null, 3)], undefined, false), { stop: 'every run diverged' });
});
