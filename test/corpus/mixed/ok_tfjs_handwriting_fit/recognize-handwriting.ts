// Idiom seen in: nnance/tfjs-ts-examples src/models/recognize-handwriting.ts
// What it reproduces: a model module exporting createModel() (conv/pool stack, softmax dense head) and
//   a fileName constant; each conv layer comes from a small helper that sets kernelRegularizer l2, the
//   head sets it too, and the model is compiled inside the factory before it is returned.
// label-note: clean. The model is trained by model.fit in train.ts, which adds the regularizer losses
//   itself; the regularizers are on kernels only; Adam here is not given any weight_decay.
import * as tf from '@tensorflow/tfjs-node'

export const fileName = 'recognizeHandwriting'

const IMAGE_WIDTH = 28
const IMAGE_HEIGHT = 28
const IMAGE_CHANNELS = 1
const NUM_OUTPUT_CLASSES = 10
const WEIGHT_DECAY = 1e-4

function convLayer(filters: number, inputShape?: number[]) {
    return tf.layers.conv2d({
        ...(inputShape ? { inputShape } : {}),
        kernelSize: 5,
        filters,
        strides: 1,
        activation: 'relu',
        kernelInitializer: 'varianceScaling',
        kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
    })
}

export function createModel(): tf.Sequential {
    const model = tf.sequential()
    model.add(convLayer(8, [IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_CHANNELS]))
    model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }))
    model.add(convLayer(16))
    model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }))
    model.add(tf.layers.flatten())
    model.add(
        tf.layers.dense({
            units: NUM_OUTPUT_CLASSES,
            kernelInitializer: 'varianceScaling',
            kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
            activation: 'softmax',
        })
    )

    model.compile({
        optimizer: tf.train.adam(),
        loss: 'categoricalCrossentropy',
        metrics: ['accuracy'],
    })
    return model
}
