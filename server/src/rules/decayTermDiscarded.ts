// WD104: a decay term is computed and then dropped.
import type { DiscardedTerm } from '../analysis/effects';
import { isScriptPath } from '../analysis/sourceLanguage';
import type { Rule } from './rule';

export const decayTermDiscarded: Rule = {
  code: 'WD104',
  name: 'decay-term-discarded',
  defaultSeverity: 'warning',
  summary: 'A decay term is computed and then discarded',
  check(facts) {
    return facts.discarded.map((discarded) => ({
      ...discarded.site,
      message: messageOf(discarded),
      related: [],
      data: {},
    }));
  },
};

function messageOf(discarded: DiscardedTerm): string {
  const what = discarded.name ? `Decay term \`${discarded.name}\` is computed and never used` : 'This decay term is computed and thrown away';
  // TF.js has no collections: the term has to join the loss itself.
  if (isScriptPath(discarded.site.uri)) return `${what}: add it to the loss the optimizer minimizes (tf.add(loss, ${discarded.name ?? 'penalty'})).`;
  return `${what}: add it to the loss or to tf.add_to_collection('losses', ${discarded.name ?? '...'}).`;
}
