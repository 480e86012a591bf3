// Idiom seen in: ruizTechServices/tensorflowjs_transformer services/training.ts
// What it reproduces: the repo's training loop (tf.variableGrads around the forward pass, optimizer.applyGradients),
//   with an L2 penalty on the matrices added by the user: it is computed inside the closure and read out for the
//   log line, but the closure still returns only the cross entropy, so the penalty is dropped (WD104).
import * as tf from '@tensorflow/tfjs';
import { SimpleTokenizer } from './tokenizer';
import { TransformerModel } from './transformer';

export interface TrainingConfig {
  learningRate: number;
  weightDecay: number;
  epochs: number;
  batchSize: number;
  seqLen: number;
}

export async function trainModel(
  model: TransformerModel,
  tokenizer: SimpleTokenizer,
  corpus: string,
  config: TrainingConfig,
  onLog: (msg: string) => void
) {
  const ids = tokenizer.encode(corpus);
  const windows: number[][] = [];
  const targetsArr: number[][] = [];
  for (let i = 0; i <= ids.length - config.seqLen - 1; i++) {
    windows.push(ids.slice(i, i + config.seqLen));
    targetsArr.push(ids.slice(i + 1, i + config.seqLen + 1));
  }
  const numSamples = Math.floor(windows.length / config.batchSize) * config.batchSize;
  const inputs = tf.tensor2d(windows.slice(0, numSamples), [numSamples, config.seqLen], 'int32');
  const targets = tf.tensor2d(targetsArr.slice(0, numSamples), [numSamples, config.seqLen], 'int32');
  const stepsPerEpoch = numSamples / config.batchSize;

  const optimizer = tf.train.adam(config.learningRate);

  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    let totalLoss = 0;
    let totalPenalty = 0;
    for (let step = 0; step < stepsPerEpoch; step++) {
      const start = step * config.batchSize;
      const batchInputs = inputs.slice([start, 0], [config.batchSize, config.seqLen]);
      const batchTargets = targets.slice([start, 0], [config.batchSize, config.seqLen]);

      const lossVal = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const { logits } = model.forward(batchInputs, true);
          const oneHotLabels = tf.oneHot(batchTargets, model.config.vocabSize);
          const loss = tf.losses.softmaxCrossEntropy(oneHotLabels, logits);
          const penalty = tf.mul(config.weightDecay, tf.addN(model.matrixWeights().map(w => tf.sum(tf.square(w))))); // expect: WD104
          totalPenalty += penalty.dataSync()[0];
          return loss.mean() as tf.Scalar;
        });
        optimizer.applyGradients(grads as any);
        return value.dataSync()[0];
      });

      totalLoss += lossVal;
      batchInputs.dispose();
      batchTargets.dispose();
      if (step % 5 === 0) await new Promise(r => setTimeout(r, 0));
    }
    onLog(`Epoch ${epoch}/${config.epochs} - Loss: ${(totalLoss / stepsPerEpoch).toFixed(4)} - L2: ${(totalPenalty / stepsPerEpoch).toFixed(4)}`);
  }
  inputs.dispose();
  targets.dispose();
}
