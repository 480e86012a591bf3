// WD105: the collection is summed, but the optimizer minimizes something else.
import { lateSums, unreachedFlows, unreachedScopedSums, type CollectionFlow } from '../analysis/decayFlow';
import { collectionName, listNames, sinkDescription } from './describe';
import type { Rule } from './rule';

export const sumNotMinimized: Rule = {
  code: 'WD105',
  name: 'sum-not-minimized',
  defaultSeverity: 'warning',
  summary: 'The collection is summed, but the optimizer minimizes something else',
  finds: 'the collection is summed, but the optimizer minimizes something else',
  check(facts) {
    // Of a collection summed in several places, the sums in a function that trains are the ones
    // meant for its loss; the others (a log line, an evaluation) say the same bug again.
    const meantForTraining = (flow: CollectionFlow) => (flow.sums.some((sum) => sum.inTrainingBody) ? flow.sums.filter((sum) => sum.inTrainingBody) : flow.sums);
    const unreached = [...unreachedFlows(facts).flatMap((flow) => meantForTraining(flow).map((sum) => ({ flow, sum }))), ...unreachedScopedSums(facts), ...lateSums(facts)];
    return unreached.map(({ flow, sum }) => {
      if (sum.afterTraining) {
        const { method, site } = sum.afterTraining;
        return {
          uri: sum.site.uri,
          range: sum.site.range,
          message:
            `This sum of ${collectionName(flow.key)} joins ${sum.target ? `\`${sum.target}\`` : 'a loss'} only after the training call \`${method}\` at line ${site.range.startLine + 1}: ` +
            `no training call sees it. Add it to the loss before that call.`,
          related: [{ ...sum.afterTraining.site, message: `\`${method}\` runs here, before the sum is added` }],
          data: { collectionKey: flow.key, sink: sum.afterTraining.site },
        };
      }
      const summed = sum.target ? `\`${sum.target}\`` : 'This sum';
      // Names are flow-insensitive: a reused name (`total = ...; total = ce`) says nothing.
      const minimized = facts.sinks[0].lossName !== sum.target ? facts.sinks[0].lossName : undefined;
      return {
        uri: sum.site.uri,
        range: sum.site.range,
        message:
          `${summed} sums ${sum.scoped ? 'one scope of ' : ''}${flow.sources.length > 0 ? `collection '${flow.key}' with its weight decay (${listNames(flow.sources)})` : `${collectionName(flow.key)}, the model's regularization terms`}, ` +
          `but no optimizer minimizes it${minimized ? `: the optimizer minimizes \`${minimized}\`` : ''}. ` +
          `Pass ${sum.target ? `\`${sum.target}\`` : 'the sum'} to the optimizer.`,
        related: facts.sinks.map((sink) => ({ ...sink.site, message: sinkDescription(sink) })),
        data: { collectionKey: flow.key, minimizedLoss: minimized, sink: facts.sinks[0].site },
      };
    });
  },
};
