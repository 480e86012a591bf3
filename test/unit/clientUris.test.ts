// URI keys (server/src/clientUris.ts): every client's spelling of a file's URI has one key, Node's
// spelling, which is its own key; answers go back in the spelling the client used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Finding } from '../../server/src/analysis/findings';
import { ClientUris, uriKey } from '../../server/src/clientUris';
import { neovimFileUri, vscodeFileUri } from '../support/uriSpellings';

const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => !text.includes('/') && !text.includes('\0') && text !== '.' && text !== '..');
const absolutePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);

test("fuzz: Node's, VS Code's and Neovim's spellings of a path's file URI share one key, Node's", () => {
  fc.assert(
    fc.property(absolutePath, (file) => {
      const node = pathToFileURL(file).href;
      assert.equal(uriKey(node), node);
      assert.equal(uriKey(vscodeFileUri(file)), node, vscodeFileUri(file));
      assert.equal(uriKey(neovimFileUri(file)), node, neovimFileUri(file));
    }),
    { seed: 20261207, numRuns: 500 },
  );
});

test('the spellings of the issue: escaped sub-delimiters and lower-case escapes', () => {
  const node = 'file:///home/u/Pr%C3%BCfung%20(%CE%B1)%20&%20Co\'s%20$1,+;=!@:x/model.py';
  assert.equal(uriKey('file:///home/u/Pr%C3%BCfung%20%28%CE%B1%29%20%26%20Co%27s%20%241%2C%2B%3B%3D%21%40%3Ax/model.py'), node);
  assert.equal(uriKey('file:///home/u/Pr%c3%bcfung%20(%ce%b1)%20&%20Co\'s%20$1,+;=!@:x/model.py'), node);
  assert.equal(uriKey('FILE:///home/u/Pr%C3%BCfung%20(%CE%B1)%20&%20Co\'s%20$1,+;=!@:x/model.py'), node);
});

test('other URIs keep their form but for the case of the scheme and of escapes, and unreserved characters unescaped', () => {
  assert.equal(uriKey('untitled:Untitled-1'), 'untitled:Untitled-1');
  assert.equal(uriKey('Untitled:%7e%2f%c3%bc%41'), 'untitled:~%2F%C3%BCA');
  // Not a local path (a host; an escaped slash): compared as a URI.
  assert.equal(uriKey('file://server/share/a%2fb.py'), 'file://server/share/a%2Fb.py');
});

test("answers are spelled as the client last spelled the file; a finding's every URI too", () => {
  const uris = new ClientUris();
  const key = 'file:///w/a%20(1).py';
  const spelled = 'file:///w/a%20%281%29.py';
  const location = (uri: string) => ({ uri, range: { startLine: 1, startColumn: 0, endLine: 1, endColumn: 4 } });
  const finding: Finding = {
    ...location(key),
    code: 'WD101',
    severity: 'warning',
    message: 'm',
    related: [{ ...location('file:///w/b.py'), message: 'r' }, { ...location(key), message: 'r' }],
    data: { sink: location(key) },
    fixes: [{ at: location(key), name: 'x' }],
  };
  assert.equal(uris.findingToClient(finding), finding, 'the same object while no file is spelled otherwise');
  assert.equal(uris.received(spelled), key);
  assert.equal(uris.toClient(key), spelled);
  assert.equal(uris.toClient('file:///w/b.py'), 'file:///w/b.py');
  const mapped = uris.findingToClient(finding);
  assert.deepEqual(
    [mapped.uri, ...mapped.related.map((related) => related.uri), mapped.data.sink?.uri, (mapped.fixes?.[0].at as { uri: string }).uri],
    [spelled, 'file:///w/b.py', spelled, spelled, spelled],
  );
  assert.equal(uris.received(key), key);
  assert.equal(uris.toClient(key), key, 'spelled as the key again once the client does');
});
