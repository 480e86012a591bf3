// WD104: a decay term is computed and then dropped.
import type { DiscardedTerm } from '../analysis/effects';
import { isScriptPath } from '../analysis/sourceLanguage';
import type { Rule } from './rule';

export const decayTermDiscarded: Rule = {
  code: 'WD104',
  name: 'decay-term-discarded',
  defaultSeverity: 'warning',
  summary: 'A decay term is computed and then discarded',
  finds: 'a decay term computed and then discarded',
  check(facts) {
    return facts.discarded.map((discarded) => ({
      ...discarded.site,
      message: messageOf(discarded),
      related: discarded.unreached
        ? [{ ...discarded.unreached.sink, message: `\`${discarded.unreached.method}\` trains on ${discarded.unreached.lossName ? `\`${discarded.unreached.lossName}\`` : 'its loss'}, without this term` }]
        : discarded.overwrittenBy
          ? [{ ...discarded.overwrittenBy, message: `\`${discarded.name}\` is assigned again here, without this term` }]
          : [],
      data: {},
    }));
  },
};

function messageOf(discarded: DiscardedTerm): string {
  if (discarded.droppedResultOf) {
    const { receiver, method } = discarded.droppedResultOf;
    return `\`${receiver}.${method}(...)\` returns a new value holding this decay term, and the statement throws it away: \`${receiver}\` is unchanged. Assign the result (\`${receiver} = ${receiver}.${method}(...)\`).`;
  }
  if (discarded.overwrittenBy && discarded.name) {
    return `Decay term added to \`${discarded.name}\`, which the assignment at line ${discarded.overwrittenBy.range.startLine + 1} replaces before anything trains on it or reads it: the term is lost. Keep it in the value that is trained on.`;
  }
  if (discarded.unreached?.afterIt) {
    const loss = discarded.unreached.lossName ? `\`${discarded.unreached.lossName}\`` : 'the loss';
    const term = discarded.name && discarded.name !== discarded.unreached.lossName ? `Decay term \`${discarded.name}\`` : 'This decay term';
    return `${term} joins ${loss} only after \`${discarded.unreached.method}\` has trained on it: this step's gradients leave it out. Add it before that call.`;
  }
  if (discarded.unreached) {
    const loss = discarded.unreached.lossName ? `\`${discarded.unreached.lossName}\`` : 'the loss';
    return `${discarded.name ? `Decay term \`${discarded.name}\`` : 'This decay term'} is computed but never reaches the loss the optimizer trains on (${loss}): add it to ${loss}.`;
  }
  if (discarded.rebindsParameter && discarded.name) {
    return `Decay term added to the parameter \`${discarded.name}\`, which this function rebinds and never returns: the caller's \`${discarded.name}\` stays without it. Return the sum and train on what the call returns.`;
  }
  const what = discarded.name
    ? discarded.onlyLogged
      ? `Decay term \`${discarded.name}\` is only logged, never added to a loss`
      : `Decay term \`${discarded.name}\` is computed and never used`
    : 'This decay term is computed and thrown away';
  // TF.js, PyTorch and JAX have no collections: the term has to join the loss itself.
  if (isScriptPath(discarded.site.uri)) return `${what}: add it to the loss the optimizer minimizes (tf.add(loss, ${discarded.name ?? 'penalty'})).`;
  if (discarded.noCollections) return `${what}: add it to the loss the optimizer minimizes (loss = loss + ${discarded.name ?? 'penalty'}).`;
  return `${what}: add it to the loss or to tf.add_to_collection('losses', ${discarded.name ?? '...'}).`;
}
