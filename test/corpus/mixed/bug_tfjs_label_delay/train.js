// Idiom seen in: botcs/label-delay cnn.js
// Idiom seen in: botcs/label-delay demo/demo_fast.js
// What it reproduces: in-browser online learner: a CNN whose conv/dense layers carry kernelRegularizer, trained with a
// custom optimizer.minimize over the cross entropy only, so the regularizer terms never reach the loss (WD103).
import * as tf from '@tensorflow/tfjs';
import { CNN } from './cnn.js';

const IMAGE_SIZE = 32;
const IMAGE_CHANNELS = 3;
const NUM_CLASSES = 3;
const LR = 0.0001;
const OPTIMIZER = tf.train.adam(LR);

class ModelHandler {
    constructor(optimizer = OPTIMIZER) {
        this.model = CNN([IMAGE_SIZE, IMAGE_SIZE, IMAGE_CHANNELS], NUM_CLASSES);
        this.optimizer = optimizer;
        this.numIterations = 0;
    }

    updateModelParameters(data) {
        const loss = this.optimizer.minimize(() => {
            const [logits] = this.model.predict(data.input);
            return tf.losses.softmaxCrossEntropy(data.labels, logits).mean();
        }, true);
        this.numIterations++;
        return loss;
    }
}

export async function trainOnMemory(memoryEntries, steps = 10) {
    const handler = new ModelHandler();
    for (let i = 0; i < steps; i++) {
        const idx = Math.floor(Math.random() * memoryEntries.length);
        const entry = memoryEntries[idx];
        const data = tf.tidy(() => ({
            input: entry.inData.Tensor,
            labels: tf.oneHot(tf.tensor1d([entry.label], 'int32'), NUM_CLASSES),
        }));
        const loss = handler.updateModelParameters(data);
        console.log(`iter ${handler.numIterations}: loss ${loss.dataSync()[0].toFixed(4)}`);
        loss.dispose();
    }
    return handler;
}
