// Idiom seen in: googlecreativelab/teachablemachine-community libraries/image/src/teachable-mobilenet.ts
// What it reproduces: Teachable-Machine-style training of a dense head on truncated MobileNet
// features; this fork adds kernelRegularizer l2 to the hidden layer, and training goes through
// compile + fitDataset, which adds the layers' regularization losses itself. Clean.
const tf = require('@tensorflow/tfjs-node');
const { loadTruncatedMobileNet } = require('./mobilenet');
const { collectExamples, fisherYates, flatOneHot } = require('./dataset');

const VALIDATION_FRACTION = 0.15;
const L2_HIDDEN = 1e-4;

function toDatasets(examples, numClasses, seed) {
  let train = [];
  let validation = [];
  examples.forEach((classExamples, i) => {
    const y = flatOneHot(i, numClasses);
    const shuffled = fisherYates(classExamples, seed);
    const numValidation = Math.ceil(VALIDATION_FRACTION * shuffled.length);
    const numTrain = shuffled.length - numValidation;
    train = train.concat(shuffled.slice(0, numTrain).map((data) => ({ data, label: y })));
    validation = validation.concat(shuffled.slice(numTrain).map((data) => ({ data, label: y })));
  });
  train = fisherYates(train, seed);
  return {
    trainDataset: tf.data.zip({
      xs: tf.data.array(train.map((s) => s.data)),
      ys: tf.data.array(train.map((s) => s.label)),
    }),
    validationDataset: tf.data.zip({
      xs: tf.data.array(validation.map((s) => s.data)),
      ys: tf.data.array(validation.map((s) => s.label)),
    }),
  };
}

async function train(params) {
  const truncatedModel = await loadTruncatedMobileNet();
  const examples = await collectExamples(truncatedModel, params.imageDir);
  const numClasses = examples.length;
  const { trainDataset, validationDataset } = toDatasets(examples, numClasses, params.seed);

  const inputShape = truncatedModel.outputs[0].shape.slice(1);
  const inputSize = tf.util.sizeFromShape(inputShape);
  const varianceScaling = tf.initializers.varianceScaling({ seed: 3.14 });

  const trainingModel = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [inputSize],
        units: params.denseUnits,
        activation: 'relu',
        kernelInitializer: varianceScaling,
        kernelRegularizer: tf.regularizers.l2({ l2: L2_HIDDEN }),
        useBias: true,
      }),
      tf.layers.dense({
        kernelInitializer: varianceScaling,
        useBias: false,
        activation: 'softmax',
        units: numClasses,
      }),
    ],
  });

  const optimizer = tf.train.adam(params.learningRate);
  trainingModel.compile({
    optimizer,
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });

  const history = await trainingModel.fitDataset(trainDataset.batch(params.batchSize), {
    epochs: params.epochs,
    validationData: validationDataset.batch(params.batchSize),
  });
  console.log('final val acc', history.history.val_acc[history.history.val_acc.length - 1]);

  const jointModel = tf.sequential();
  jointModel.add(truncatedModel);
  jointModel.add(trainingModel);
  await jointModel.save(`file://${params.outDir}`);
  optimizer.dispose();
}

train({
  imageDir: process.argv[2] || './samples',
  outDir: './tm-model',
  denseUnits: 100,
  learningRate: 0.001,
  batchSize: 16,
  epochs: 50,
  seed: 42,
}).catch((err) => console.error(err));
