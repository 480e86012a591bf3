// WD302: a negative decay factor pushes weights away from zero.
import { dedupe, siteKey } from '../analysis/decayFlow';
import { formatNumber, sourceName } from './describe';
import type { Rule } from './rule';

export const negativeDecay: Rule = {
  code: 'WD302',
  name: 'negative-decay',
  defaultSeverity: 'warning',
  summary: 'Negative weight decay',
  check(facts) {
    const findings = facts.sources.flatMap((source) => {
      const factor = source.term.factor;
      if (factor.k !== 'num' || factor.value >= 0) return [];
      return [
        {
          ...factor.site,
          message: `Negative weight decay wd=${formatNumber(factor.value)} for ${sourceName(source)}: the term rewards large weights and pushes them away from zero. Use a positive value.`,
          related: [],
          data: { weightDecay: factor.value },
        },
      ];
    });
    return dedupe(findings, (finding) => siteKey(finding));
  },
};
