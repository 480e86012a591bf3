// WD101: decay terms go into a collection that nothing sums into the optimized loss.
import { siteKey, unreachedFlows, type DecaySource } from '../analysis/decayFlow';
import { listNames, sinkDescription, sourceName } from './describe';
import type { Rule } from './rule';

export const collectionNeverSummed: Rule = {
  code: 'WD101',
  name: 'collection-never-summed',
  defaultSeverity: 'warning',
  summary: "Decay terms are added to a collection that never reaches the optimizer's loss",
  check(facts) {
    return unreachedFlows(facts).flatMap((flow) => {
      if (flow.sums.length > 0) return [];
      // One finding per write; terms collected for a regularizer argument are WD102's (TF1) and WD103's (Keras).
      const byWrite = new Map<string, DecaySource[]>();
      for (const source of flow.sources) {
        if (source.write.origin !== undefined) continue;
        const key = siteKey(source.write.site);
        const sources = byWrite.get(key);
        if (sources) sources.push(source);
        else byWrite.set(key, [source]);
      }
      return [...byWrite.values()].map((sources) => {
        const { write } = sources[0];
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

