// The corpus scores (`npm run corpus`, `-- --json` for JSON): per rule code, the wiring bugs
// WD101-WD106 together and all codes, how many labelled findings test/corpus holds, how many the
// analysis reports, and how many match; then every deviation, with its reason when
// test/corpus/known-deviations.json accepts it. `-- --root test/corpus-batchN` scores a held-out
// batch before it joins the corpus. Always exits 0: test/unit/corpus.test.ts judges.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusRoot, formatCorpusReport, readKnownDeviations, runCorpus } from '../test/support/corpus';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, root: { type: 'string' } } });
  const root = values.root ? path.resolve(values.root) : corpusRoot;
  const report = await runCorpus(root);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  if (report.programs === 0) {
    console.log(`found no programs in ${path.relative(process.cwd(), root) || root}`);
    return;
  }
  console.log(formatCorpusReport(report));
  if (report.deviations.length === 0) return;
  const known = readKnownDeviations();
  console.log(`\n${report.deviations.length} deviations:`);
  for (const deviation of report.deviations) console.log(Object.hasOwn(known, deviation) ? `${deviation}  (known: ${known[deviation]})` : deviation);
}

void main();
