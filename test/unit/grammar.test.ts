// The injection grammar in syntaxes/ scopes decay arguments, decay/regularizer calls and loss
// collection keys in Python and TypeScript/JavaScript, and stays out of comments and strings.
// It is tokenized for real with vscode-textmate + vscode-oniguruma, injected into small host
// grammars (test/fixtures/grammars/) the way VS Code injects it: through package.json's injectTo.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');
const injectionScope = 'decay-lens.injection';
const injectionFile = path.join(root, 'syntaxes', 'decay-lens.injection.tmLanguage.json');
const hostDir = path.join(root, 'test', 'fixtures', 'grammars');

const DECAY = 'variable.parameter.decay.decay-lens';
const CALL = 'support.function.decay.decay-lens';
const KEY = 'constant.other.collection-key.decay-lens';

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes?: { grammars?: GrammarContribution[] };
};
const contribution = manifest.contributes?.grammars?.find((g) => g.scopeName === injectionScope);

/** Host grammars by scope: the TypeScript host also stands in for tsx and js. */
function hostGrammar(scopeName: string): IRawGrammar | null {
  const file = scopeName === 'source.python' ? 'python.tmLanguage.json' : 'typescript.tmLanguage.json';
  if (!['source.python', 'source.ts', 'source.tsx', 'source.js'].includes(scopeName)) return null;
  const raw = JSON.parse(readFileSync(path.join(hostDir, file), 'utf8')) as Record<string, unknown>;
  return parseRawGrammar(JSON.stringify({ ...raw, scopeName }), path.join(hostDir, file));
}

interface Token {
  text: string;
  scopes: string[];
}

const grammars = new Map<string, IGrammar>();

before(async () => {
  await oniguruma.loadWASM(readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === injectionScope) return parseRawGrammar(readFileSync(injectionFile, 'utf8'), injectionFile);
      return hostGrammar(scopeName);
    },
    // What VS Code does with the contribution: inject into every scope listed in injectTo.
    getInjections: (scopeName) => (contribution?.injectTo?.includes(scopeName) ? [contribution.scopeName] : undefined),
  });
  for (const scope of ['source.python', 'source.ts', 'source.js']) {
    const grammar = await registry.loadGrammar(scope);
    assert.ok(grammar, `host grammar ${scope} loads`);
    grammars.set(scope, grammar);
  }
});

/** Tokenizes lines in order (carrying the rule stack), returning each line's tokens. */
function tokenize(scope: string, ...lines: string[]): Token[][] {
  const grammar = grammars.get(scope);
  assert.ok(grammar, `grammar ${scope} loaded`);
  let stack: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

function py(line: string): Token[] {
  return tokenize('source.python', line)[0];
}

function ts(line: string): Token[] {
  return tokenize('source.ts', line)[0];
}

function show(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}

/** The token whose text is exactly `text` carries `scope` (and every such token does). */
function expectScope(tokens: Token[], text: string, scope: string): void {
  const matching = tokens.filter((t) => t.text === text);
  assert.ok(matching.length > 0, `no token "${text}" in:\n${show(tokens)}`);
  for (const token of matching) assert.ok(token.scopes.includes(scope), `"${text}" lacks ${scope}:\n${show(tokens)}`);
}

function decayScopes(tokens: Token[]): string[] {
  return tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.decay-lens')).map((s) => `${t.text}: ${s}`));
}

function expectNoDecayScope(tokens: Token[]): void {
  assert.deepEqual(decayScopes(tokens), [], show(tokens));
}

describe('registration', () => {
  test('package.json contributes the injection grammar into python, ts, tsx and js', () => {
    assert.deepEqual(contribution, {
      scopeName: injectionScope,
      path: './syntaxes/decay-lens.injection.tmLanguage.json',
      injectTo: ['source.python', 'source.ts', 'source.tsx', 'source.js'],
    });
    const raw = JSON.parse(readFileSync(path.join(root, contribution!.path), 'utf8')) as Record<string, unknown>;
    assert.equal(raw.scopeName, injectionScope);
    assert.equal(
      raw.injectionSelector,
      'L:source.python -comment -string, L:source.ts -comment -string, L:source.tsx -comment -string, L:source.js -comment -string',
    );
  });
});

describe('python', () => {
  test('weight_decay= in an optimizer call is a decay argument; the host still scopes the rest', () => {
    const tokens = py('opt = torch.optim.SGD(params, lr=0.1, weight_decay=5e-4)');
    expectScope(tokens, 'weight_decay', DECAY);
    expectScope(tokens, 'lr', 'variable.parameter.function-call.python');
    expectScope(tokens, 'SGD', 'meta.function-call.generic.python');
    assert.deepEqual(decayScopes(tokens), [`weight_decay: ${DECAY}`]);
  });

  test("add_to_collection('losses', ...) scopes the call and the whole quoted key", () => {
    for (const key of ["'losses'", '"losses"', "'regularization_losses'", '"regularization_losses"']) {
      const tokens = py(`tf.add_to_collection(${key}, weight_decay)`);
      expectScope(tokens, 'add_to_collection', CALL);
      expectScope(tokens, key, KEY);
      expectScope(tokens, key, key.startsWith("'") ? 'string.quoted.single.decay-lens' : 'string.quoted.double.decay-lens');
      // the positional weight_decay is not an argument name
      assert.ok(!tokens.some((t) => t.text === 'weight_decay' && t.scopes.includes(DECAY)), show(tokens));
    }
  });

  test('add_n over get_collection(GraphKeys.LOSSES)', () => {
    const tokens = py('total = tf.add_n(tf.get_collection(tf.GraphKeys.LOSSES))');
    expectScope(tokens, 'add_n', CALL);
    expectScope(tokens, 'get_collection', CALL);
    expectScope(tokens, 'LOSSES', KEY);
    expectScope(tokens, 'GraphKeys', 'support.class.graph-keys.decay-lens');
    const reg = py('reg = tf.get_collection(tf.compat.v1.GraphKeys.REGULARIZATION_LOSSES)');
    expectScope(reg, 'REGULARIZATION_LOSSES', KEY);
  });

  test('kernel_regularizer=tf.keras.regularizers.l2(1e-4)', () => {
    const tokens = py('kernel_regularizer=tf.keras.regularizers.l2(1e-4)');
    expectScope(tokens, 'kernel_regularizer', DECAY);
    expectScope(tokens, 'regularizers', 'entity.name.namespace.regularizers.decay-lens');
    expectScope(tokens, 'l2', CALL);
  });

  test('every listed argument name and call is recognised', () => {
    for (const name of [
      'weight_decay',
      'wd',
      'kernel_regularizer',
      'bias_regularizer',
      'activity_regularizer',
      'weights_regularizer',
      'regularizer',
    ]) {
      expectScope(py(`f(x, ${name}=1)`), name, DECAY);
      expectScope(py(`f(x, ${name} = 1)`), name, DECAY);
    }
    for (const name of [
      'l2_loss',
      'l2_regularizer',
      'l2',
      'l1_l2',
      'L2',
      'add_decayed_weights',
      'add_to_collection',
      'add_to_collections',
      'get_collection',
      'get_regularization_loss',
      'get_regularization_losses',
      'get_total_loss',
      'add_n',
    ]) {
      expectScope(py(`y = tf.nn.${name}(x)`), name, CALL);
      expectScope(py(`y = ${name} (x)`), name, CALL);
    }
  });

  test("param-group dicts: 'weight_decay': as a key", () => {
    const tokens = py("opt = SGD([{'params': decay, 'weight_decay': 5e-4}, {'params': rest, \"weight_decay\": 0.0}])");
    expectScope(tokens, "'weight_decay'", DECAY);
    expectScope(tokens, '"weight_decay"', DECAY);
    expectScope(tokens, "'weight_decay'", 'string.quoted.single.decay-lens');
    expectScope(tokens, 'params', 'string.quoted.single.python');
  });

  test('arguments that continue on the next line', () => {
    const [first, second] = tokenize('source.python', 'opt = torch.optim.AdamW(model.parameters(),', '    weight_decay=0.01)');
    expectNoDecayScope(first);
    expectScope(second, 'weight_decay', DECAY);
  });

  test('nothing inside comments', () => {
    expectNoDecayScope(py('# weight_decay=5e-4'));
    expectNoDecayScope(py("x = 1  # tf.add_to_collection('losses', tf.nn.l2_loss(w))"));
    expectScope(py('# weight_decay=5e-4'), '# weight_decay=5e-4', 'comment.line.number-sign.python');
  });

  test('nothing inside strings, including strings spanning lines', () => {
    const tokens = py('s = "weight_decay=1"');
    expectNoDecayScope(tokens);
    expectScope(tokens, 'weight_decay=1', 'string.quoted.double.python');
    expectNoDecayScope(py("s = 'tf.add_n(tf.get_collection(\"losses\"))'"));
    expectNoDecayScope(py('s = "see \'losses\' and GraphKeys.LOSSES"'));
    const lines = tokenize('source.python', 'doc = """', 'weight_decay=1, l2_loss(w), "losses"', '"""', 'wd=2');
    for (const line of lines.slice(0, 3)) expectNoDecayScope(line);
    expectScope(lines[3], 'wd', DECAY);
  });

  test('look-alike names are left alone', () => {
    for (const line of [
      'my_wd=3',
      'weight_decay_rate=2',
      'l2_lossy(x)',
      'f(my_wd=3, weight_decay_rate=2, wd2=1)',
      'self.weight_decay = 0.1',
      'if wd == 0: pass',
      'y = weight_decay',
      'y = tf.nn.l2_loss',
      'def l2(x): return x',
      'my_l2(x) + l2x(x) + get_collection_names(x)',
      "x = d['lossesx']",
      "x = 'my_losses'",
      'y = GraphKeys.LOSSES_EXTRA',
      "x = ''",
    ]) {
      expectNoDecayScope(py(line));
    }
  });
});

describe('typescript / javascript', () => {
  test('tf.layers.dense({..., kernelRegularizer: tf.regularizers.l2({l2: 1e-4})})', () => {
    const tokens = ts('tf.layers.dense({units: 10, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})})');
    expectScope(tokens, 'kernelRegularizer', DECAY);
    expectScope(tokens, 'regularizers', 'entity.name.namespace.regularizers.decay-lens');
    expectScope(tokens, 'units', 'meta.object-literal.key.ts');
    // l2 the function is scoped; l2 the option key (followed by ':') is not
    const l2 = tokens.filter((t) => t.text === 'l2');
    assert.equal(l2.length, 2, show(tokens));
    assert.ok(l2[0].scopes.includes(CALL), show(tokens));
    assert.ok(!l2[1].scopes.includes(CALL), show(tokens));
  });

  test('biasRegularizer, in js too', () => {
    const line = 'const layer = tf.layers.dense({units: 4, biasRegularizer: reg, kernelRegularizer : reg});';
    for (const scope of ['source.ts', 'source.js']) {
      const [tokens] = tokenize(scope, line);
      expectScope(tokens, 'biasRegularizer', DECAY);
      expectScope(tokens, 'kernelRegularizer', DECAY);
    }
  });

  test('nothing inside comments, strings and template strings; no look-alikes', () => {
    for (const line of [
      '// kernelRegularizer: tf.regularizers.l2()',
      '/* biasRegularizer: x */ const a = 1;',
      "const s = 'kernelRegularizer: l2(1)';",
      'const s = `tf.regularizers.l2(${x})`;',
      'const o = {myKernelRegularizer: 1, kernelRegularizers: 2};',
      'const k = opts.kernelRegularizer;',
    ]) {
      expectNoDecayScope(ts(line));
    }
  });
});
