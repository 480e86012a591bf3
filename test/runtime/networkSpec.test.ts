// Layer sequences in a sweep spec (`input` + `network`): the shapes each layer resolves to, and a
// message naming the layer and the dimension for every sequence that does not fit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveNetwork } from '../../runtime/src/sweep/network';
import { defaultSpec, inputWidth, outputWidth, validateSpec, type LayerSpec } from '../../runtime/src/sweep/spec';
import { modelLayout, sampleShape } from '../../runtime/src/train/trainingGraph';

const problemsOf = (input: unknown, network: unknown, overrides = {}) =>
  validateSpec(defaultSpec({ input: input as [number, number, number], network: network as LayerSpec[], ...overrides }));

test('an MLP spec is untouched: no input or network, the widths are the model', () => {
  const spec = defaultSpec();
  assert.deepEqual(validateSpec(spec), []);
  assert.equal(inputWidth(spec), 32);
  assert.equal(outputWidth(spec), 10);
  assert.deepEqual(sampleShape(spec), [32]);
  assert.deepEqual(
    modelLayout(spec).map((tensor) => tensor.shape),
    [
      [32, 128],
      [1, 128],
      [128, 10],
      [1, 10],
    ],
  );
});

test('shapes: same padding as TensorFlow (ceil(in / stride), the odd pad at the end), valid windows, pools default to their size as stride', () => {
  const { problems, network } = resolveNetwork(
    [7, 8, 3],
    [
      { kind: 'conv', filters: 5, kernel: [2, 3], stride: 2, padding: 'same' },
      { kind: 'maxpool', size: 2 },
      { kind: 'conv', filters: 6, kernel: 1 },
      { kind: 'avgpool', size: 2, stride: 1 },
      { kind: 'globalavgpool' },
      { kind: 'dense', units: 4 },
      { kind: 'dense', units: 2 },
    ],
    'relu',
  );
  assert.deepEqual(problems, []);
  assert.ok(network);
  const [conv, pool, conv2, avg, global, hidden, output] = network.layers;
  assert.deepEqual(conv.output, { kind: 'map', height: 4, width: 4, channels: 5 });
  // Height: 4 outputs need (4-1)*2 + 2 = 8 rows of 7, one pad, at the bottom; width: (4-1)*2 + 3 - 8 = 1, at the right.
  assert.ok(conv.kind === 'conv' && conv.pads.join() === '0,0,1,1');
  assert.ok(pool.kind === 'maxpool' && pool.stride.join() === '2,2');
  assert.deepEqual(pool.output, { kind: 'map', height: 2, width: 2, channels: 5 });
  assert.deepEqual(conv2.output, { kind: 'map', height: 2, width: 2, channels: 6 });
  assert.deepEqual(avg.output, { kind: 'map', height: 1, width: 1, channels: 6 });
  assert.deepEqual(global.output, { kind: 'vector', features: 6 });
  assert.ok(hidden.kind === 'dense' && hidden.activation === 'relu' && hidden.weightLayer === 2);
  assert.ok(output.kind === 'dense' && output.activation === 'linear' && output.weightLayer === 3);
  assert.equal(network.weightLayers, 4);
  const spec = defaultSpec({ input: [7, 8, 3], network: [{ kind: 'flatten' }, { kind: 'dense', units: 2 }] });
  assert.equal(inputWidth(spec), 7 * 8 * 3);
  assert.equal(outputWidth(spec), 2);
});

test('conv kernels [F, C, kh, kw] and biases [F]; dense kernels [in, out] after a (c, h, w) flatten', () => {
  const spec = defaultSpec({
    input: [6, 6, 2],
    network: [{ kind: 'conv', filters: 3, kernel: 3 }, { kind: 'maxpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 5 }],
  });
  assert.deepEqual(validateSpec(spec), []);
  assert.deepEqual(sampleShape(spec), [6, 6, 2]);
  const layout = modelLayout(spec);
  assert.deepEqual(
    layout.map((tensor) => [tensor.kind, tensor.layer, tensor.shape]),
    [
      ['kernel', 0, [3, 2, 3, 3]],
      ['bias', 0, [3]],
      ['kernel', 1, [12, 5]],
      ['bias', 1, [1, 5]],
    ],
  );
  assert.deepEqual([layout[0].fanIn, layout[0].fanOut], [18, 27]);
});

test('every sequence that does not fit gets a message naming the layer and the dimension', () => {
  const conv = { kind: 'conv', filters: 4, kernel: 3 };
  const out = { kind: 'dense', units: 3 };
  const cases: [unknown, unknown, string[]][] = [
    [
      [8, 8, 2],
      [conv, { kind: 'maxpool', size: 2 }, { kind: 'maxpool', size: [2, 4] }, { kind: 'flatten' }, out],
      ['network[2] (maxpool 2x4): its 3x3x4 input is smaller than the window (width 3 < 4)'],
    ],
    [[8, 8, 2], [{ ...conv, kernel: [3, 9] }, { kind: 'flatten' }, out], ['network[0] (conv 3x9x4 valid): its 8x8x2 input is smaller than the kernel (width 8 < 9)']],
    [[8, 8, 2], [conv, out], ['network[1] (dense 3): follows a 6x6x4 feature map; put flatten or globalavgpool before it']],
    [[8, 8, 2], [{ kind: 'flatten' }, conv, out], ['network[1] (conv 3x3x4 valid): follows 128 flat features; convolution and pooling need a feature map, so they come before flatten, globalavgpool and dense']],
    [[8, 8, 2], [conv, { kind: 'flatten' }], ['network[1] (flatten): the last layer must be dense: it is the output layer']],
    [
      [8, 8, 2],
      [{ ...conv, filters: 0, padding: 'full' }, { kind: 'flatten' }, out],
      ['network[0] (conv 3x3x0 full): filters must be a positive integer (got 0)', 'network[0] (conv 3x3x0 full): padding must be same or valid (got full)'],
    ],
    [[8, 8, 2], [{ ...conv, stride: 0 }, { kind: 'flatten' }, out], ['network[0] (conv 3x3x4 stride 0x0 valid): stride must be a positive integer or [height, width] (got 0)']],
    [[8, 8, 2], [{ kind: 'flatten' }, { ...out, activation: 'relu' }], ['network[1] (dense 3): the output layer is linear (activation relu given)']],
    [[8, 8, 2], [{ kind: 'flatten' }, { kind: 'dense', units: 4, activation: 'gelu' }, out], ['network[1] (dense 4): activation must be relu, tanh or linear (got gelu)']],
    [[8, 8, 2], [{ kind: 'pool' }, out], ['network[0] (pool): kind must be conv, maxpool, avgpool, globalavgpool, flatten or dense']],
    [[8, 8, 2], [{ kind: 'flatten' }, { kind: 'globalavgpool' }, out], ['network[1] (globalavgpool): follows 128 flat features, which are flat already']],
    [[8, 8], [out], ['input must be [height, width, channels], three positive integers (got [8,8])']],
    [undefined, [{ kind: 'flatten' }, out], ['input must be [height, width, channels], three positive integers (got undefined)']],
    [[8, 8, 2], [], ['network must list at least one layer (the last one a dense output layer)']],
    [[8, 8, 2], undefined, ['network must list at least one layer (the last one a dense output layer)']],
  ];
  for (const [input, network, expected] of cases) assert.deepEqual(problemsOf(input, network), expected, JSON.stringify(network));
});

test('decayLayers count the layers with weights; the synthetic task needs two classes from the output layer', () => {
  const network = [{ kind: 'conv', filters: 2, kernel: 3 }, { kind: 'maxpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 3 }];
  assert.deepEqual(problemsOf([6, 6, 1], network, { decayLayers: [0, 1] }), []);
  assert.deepEqual(problemsOf([6, 6, 1], network, { decayLayers: [2] }), ['decayLayers must list layer numbers from 0 to 1 (the layers with weights, conv and dense, counted from 0)']);
  // A network's default task is the synthetic images; the vector task still works on image-shaped rows.
  assert.deepEqual(problemsOf([6, 6, 1], [{ kind: 'flatten' }, { kind: 'dense', units: 1 }]), ['the synthetic-images task classifies: the output layer needs at least 2 units']);
  const vectorTask = { kind: 'synthetic' as const, trainSamples: 64, validationSamples: 16, labelNoise: 0, teacherHidden: 4 };
  assert.deepEqual(problemsOf([6, 6, 1], [{ kind: 'flatten' }, { kind: 'dense', units: 1 }], { task: vectorTask }), ['the synthetic task classifies: the output width needs at least 2 classes']);
  // `layers` is not read when a network is given.
  assert.deepEqual(problemsOf([6, 6, 1], network, { layers: [] }), []);
});
