// WD101: decay terms go into a collection that nothing sums into the optimized loss.
import { siteKey, unreachedFlows, type DecaySource } from '../analysis/decayFlow';
import type { Location } from '../analysis/findings';
import { listNames, sinkDescription, termName } from './describe';
import { indentOf, lineTextIn, linesOf, newlineOf, pointAt, tensorflowAlias } from './fixText';
import type { Rule } from './rule';

/** The optimizer's loss argument and its statement (one file), and what the collection holds. */
type SumIntoLoss = { collectionKey: string; lossArgument: Location; sinkStatement: Location; collectsDataLoss: boolean };

export const collectionNeverSummed: Rule<SumIntoLoss> = {
  code: 'WD101',
  name: 'collection-never-summed',
  defaultSeverity: 'warning',
  summary: "Decay terms are added to a collection that never reaches the optimizer's loss",
  finds: "decay terms added to a collection that never reaches the optimizer's loss",
  check(facts) {
    return unreachedFlows(facts).flatMap((flow) => {
      if (flow.sums.length > 0) return [];
      const { lossSite, statement } = facts.sinks[0];
      const fixes =
        lossSite && statement && lossSite.uri === statement.uri
          ? [{ collectionKey: flow.key, lossArgument: lossSite, sinkStatement: statement, collectsDataLoss: flow.collectsDataLoss }]
          : [];
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
              source.term.variable ? [{ ...source.term.variable.call, message: `${termName(source.term)} is created with weight decay` }] : [],
            ),
          ],
          data: { collectionKey: flow.key, minimizedLoss: facts.sinks[0].lossName, sink: facts.sinks[0].site },
          fixes,
        };
      });
    });
  },
  fix: {
    does: "minimizes the collection's sum: `total_loss = loss + tf.add_n(tf.get_collection('losses'))` before the optimizer's statement (`loss +` only when the collection lacks it), in the optimizer's file",
    edits({ collectionKey, lossArgument, sinkStatement, collectsDataLoss }, textOf) {
      const text = textOf(sinkStatement.uri);
      if (text === undefined) return undefined;
      const lines = linesOf(text);
      const loss = lineTextIn(lines, lossArgument);
      if (loss === undefined) return undefined;
      const name = /\btotal_loss\b/.test(text) ? 'loss_with_decay' : 'total_loss';
      const tf = tensorflowAlias(text);
      const sum = `${tf}.add_n(${tf}.get_collection('${collectionKey}'))`;
      const value = collectsDataLoss ? sum : `${loss} + ${sum}`;
      const line = sinkStatement.range.startLine;
      return {
        title: `Minimize ${value}`,
        edits: [
          { uri: sinkStatement.uri, range: pointAt(line, 0), newText: `${indentOf(lines[line])}${name} = ${value}${newlineOf(text)}` },
          { uri: sinkStatement.uri, range: lossArgument.range, newText: name },
        ],
      };
    },
  },
};
