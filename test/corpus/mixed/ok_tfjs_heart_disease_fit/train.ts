// Idiom seen in: yoavain/tensorflow-js-playground src/tfjs-gpu-check.ts
// What it reproduces: loads the CSV with tf.data.csv, standardizes it, and trains the model of
//   model.ts with model.fit(xs, ys, {validationSplit, callbacks}); fit includes the kernel
//   regularizer losses. Clean.
import * as tf from '@tensorflow/tfjs-node';
import { createModel, ModelConfig } from './model';

const CSV_PATH = 'file://./data/heart.csv';
const LABEL = 'target';

async function loadData(): Promise<{ xs: tf.Tensor2D; ys: tf.Tensor2D; numFeatures: number }> {
    const dataset = tf.data.csv(CSV_PATH, { columnConfigs: { [LABEL]: { isLabel: true } } });
    const rows = await dataset.toArray() as Array<{ xs: Record<string, number>; ys: Record<string, number> }>;
    const features = rows.map((r) => Object.values(r.xs));
    const labels = rows.map((r) => [r.ys[LABEL]]);
    const raw = tf.tensor2d(features);
    const { mean, variance } = tf.moments(raw, 0);
    const xs = raw.sub(mean).div(variance.sqrt().add(1e-6)) as tf.Tensor2D;
    return { xs, ys: tf.tensor2d(labels), numFeatures: features[0].length };
}

async function main(): Promise<void> {
    const { xs, ys, numFeatures } = await loadData();
    const config: ModelConfig = { numFeatures, hiddenUnits: [32, 16], l2: 1e-3, learningRate: 1e-3 };
    const model = createModel(config);
    model.summary();
    const history = await model.fit(xs, ys, {
        epochs: 200,
        batchSize: 32,
        validationSplit: 0.2,
        shuffle: true,
        callbacks: {
            onEpochEnd: (epoch, log) => {
                if (epoch % 20 === 0) {
                    console.log(`Epoch ${epoch}: loss = ${log?.loss} val_acc = ${log?.val_acc}`);
                }
            },
        },
    });
    console.log('final val loss', history.history.val_loss.slice(-1)[0]);
    await model.save('file://./models/heart');
}

main();
