// WD104: a decay term is computed and then dropped.
import type { Rule } from './rule';

export const decayTermDiscarded: Rule = {
  code: 'WD104',
  name: 'decay-term-discarded',
  defaultSeverity: 'warning',
  summary: 'A decay term is computed and then discarded',
  check(facts) {
    return facts.discarded.map((discarded) => ({
      ...discarded.site,
      message: discarded.name
        ? `Decay term \`${discarded.name}\` is computed and never used: add it to the loss or to tf.add_to_collection('losses', ${discarded.name}).`
        : `This decay term is computed and thrown away: add it to the loss or to tf.add_to_collection('losses', ...).`,
      related: [],
      data: {},
    }));
  },
};
