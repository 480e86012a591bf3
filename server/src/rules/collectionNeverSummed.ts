// WD101: decay terms go into a collection that nothing sums into the optimized loss.
import { dedupe, siteKey } from '../analysis/decayFlow';
import { listNames, sinkDescription, sourceName } from './describe';
import type { Rule } from './rule';

export const collectionNeverSummed: Rule = {
  code: 'WD101',
  name: 'collection-never-summed',
  defaultSeverity: 'warning',
  summary: "Decay terms are added to a collection that never reaches the optimizer's loss",
  check(facts) {
    if (facts.sinks.length === 0 || facts.uncertain) return [];
    return facts.flows.flatMap((flow) => {
      if (flow.reachingSinks.length > 0 || flow.sums.length > 0) return [];
      // Terms collected for a regularizer argument are WD102's (TF1) and WD103's (Keras).
      const written = flow.sources.filter((source) => source.write.origin === undefined);
      const writes = dedupe(written.map((source) => source.write), (write) => siteKey(write.site));
      return writes.map((write) => {
        const sources = written.filter((source) => source.write === write || siteKey(source.write.site) === siteKey(write.site));
        return {
          uri: write.site.uri,
          range: write.site.range,
          message:
            `Weight decay added to collection '${flow.key}' never reaches the loss: nothing sums ` +
            `tf.get_collection('${flow.key}') into what the optimizer minimizes (decayed: ${listNames(sources)}). ` +
            `Add tf.add_n(tf.get_collection('${flow.key}')) to the minimized loss.`,
          related: [
            ...facts.sinks.map((sink) => ({ ...sink.site, message: `${sinkDescription(sink)}, without the '${flow.key}' collection` })),
            ...sources.flatMap((source) =>
              source.term.variable ? [{ ...source.term.variable.call, message: `${sourceName(source)} is created with weight decay` }] : [],
            ),
          ],
          data: {
            collectionKey: flow.key,
            minimizedLoss: facts.sinks[0].lossName,
            sink: facts.sinks[0].site,
            lossArgument: facts.sinks[0].lossSite,
            sinkStatement: facts.sinks[0].statement,
            collectsDataLoss: flow.collectsDataLoss,
          },
        };
      });
    });
  },
};

