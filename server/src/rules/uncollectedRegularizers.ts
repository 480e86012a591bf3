// Shared by WD102 (TF1) and WD103 (Keras): regularizer terms whose collection never reaches a loss.
import { dedupe, siteKey, unreachedFlows, type CollectionFlow, type DecayFacts, type DecaySource, type SinkEffect } from '../analysis/decayFlow';
import type { RuleFinding } from './rule';

export function uncollectedRegularizers(
  facts: DecayFacts,
  origin: 'regularizer' | 'keras',
  describe: (source: DecaySource, flow: CollectionFlow) => { message: string; related: (sink: SinkEffect) => string },
): RuleFinding[] {
  const findings = unreachedFlows(facts).flatMap((flow) => {
    if (flow.sums.length > 0) return [];
    return flow.sources
      .filter((source) => source.write.origin === origin)
      .map((source) => {
        const { message, related } = describe(source, flow);
        return {
          ...source.write.site,
          message,
          related: facts.sinks.map((sink) => ({ ...sink.site, message: related(sink) })),
          data: { collectionKey: flow.key, minimizedLoss: facts.sinks[0].lossName, sink: facts.sinks[0].site },
        };
      });
  });
  return dedupe(findings, (finding) => siteKey(finding));
}
