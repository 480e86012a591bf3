// Idiom seen in: 0xtceb/deeptactoe dqn.ts
// What it reproduces: a tf.sequential DQN whose conv/dense layers were given kernelRegularizer (user change), but the
// network is trained in agent.ts through tf.variableGrads(lossFunction), which never adds the regularizer terms.
import * as tf from '@tensorflow/tfjs-node';

const L2 = 1e-4;

export class DeepQNetwork {
    model: tf.Sequential;

    constructor(trainable: boolean = true) {
        this.model = tf.sequential();
        this.model.trainable = trainable;
        this.model.add(tf.layers.conv2d({
            filters: 64,
            kernelSize: 3,
            strides: 1,
            activation: 'relu',
            padding: 'same',
            inputShape: [3, 3, 2],
            kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
        }));
        this.model.add(tf.layers.batchNormalization());
        this.model.add(tf.layers.flatten());
        this.model.add(tf.layers.dense({ units: 100, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) })); // expect: WD103
        this.model.add(tf.layers.dropout({ rate: 0.1 }));
        this.model.add(tf.layers.dense({ units: 100, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) })); // expect: WD103
        this.model.add(tf.layers.dense({ units: 9 }));
    }

    public static copyWeights(destNetwork: tf.Sequential, srcNetwork: tf.Sequential) {
        let originalDestNetworkTrainable;
        if (destNetwork.trainable !== srcNetwork.trainable) {
            originalDestNetworkTrainable = destNetwork.trainable;
            destNetwork.trainable = srcNetwork.trainable;
        }
        destNetwork.setWeights(srcNetwork.getWeights());
        if (originalDestNetworkTrainable != null) {
            destNetwork.trainable = originalDestNetworkTrainable;
        }
    }
}
