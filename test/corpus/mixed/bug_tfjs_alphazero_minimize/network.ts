// Idiom seen in: morozig/abstract-strategy-games src/games/xos/networks/residual.ts
// What it reproduces: the policy/value Network class (tf.model with a softmax policy head and a tanh reward
//   head). The repository compiles the model and calls model.fit; this realistic variant trains with a
//   hand-written AlphaZero step, optimizer.minimize(() => policyLoss + rewardLoss), which leaves out the
//   layers' regularization terms (model.calculateLosses()): every kernelRegularizer is dead (WD103).
import * as tf from '@tensorflow/tfjs';
import { residualNetwork2D, convLayer2D, L2_REG } from './networks';

const numFilters = 8;
const defaultNumLayers = 2;
const numEpochs = 40;
const batchSize = 128;

interface Options {
    height: number;
    width: number;
    depth: number;
}

export default class Network {
    private model: tf.LayersModel;
    private optimizer: tf.Optimizer;
    private height: number;
    private width: number;
    private depth: number;
    constructor(options: Options) {
        this.height = options.height;
        this.width = options.width;
        this.depth = options.depth;
        this.model = this.createModel();
        this.optimizer = tf.train.adam(1e-3);
    }
    private createModel(numLayers = defaultNumLayers) {
        const input = tf.input({ shape: [this.height, this.width, this.depth] });
        const network = residualNetwork2D(input, { numLayers, numFilters, kernelSize: 2 });

        let policy = convLayer2D(network, { kernelSize: 1, numFilters: 1, name: 'policy_conv2d' });
        policy = tf.layers.flatten().apply(policy) as tf.SymbolicTensor;
        policy = tf.layers.dense({
            units: this.height * this.width,
            name: 'policy_dense',
            kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) // expect: WD103
        }).apply(policy) as tf.SymbolicTensor;
        policy = tf.layers.softmax().apply(policy) as tf.SymbolicTensor;

        let reward = convLayer2D(network, { kernelSize: 1, numFilters: 1, name: 'reward_conv2d' });
        reward = tf.layers.globalAveragePooling2d({}).apply(reward) as tf.SymbolicTensor;
        reward = tf.layers.dense({
            units: 1,
            name: 'reward_dense',
            kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) // expect: WD103
        }).apply(reward) as tf.SymbolicTensor;
        reward = tf.layers.activation({ activation: 'tanh' }).apply(reward) as tf.SymbolicTensor;

        return tf.model({ inputs: input, outputs: [policy, reward] });
    }
    private trainBatch(xs: tf.Tensor4D, policies: tf.Tensor2D, rewards: tf.Tensor2D) {
        const cost = this.optimizer.minimize(() => {
            const [policyPred, rewardPred] = this.model.apply(xs, { training: true }) as tf.Tensor[];
            const policyLoss = tf.metrics.categoricalCrossentropy(policies, policyPred).mean();
            const rewardLoss = tf.losses.meanSquaredError(rewards, rewardPred);
            return policyLoss.add(rewardLoss) as tf.Scalar;
        }, true);
        const value = cost ? cost.dataSync()[0] : NaN;
        if (cost) {
            cost.dispose();
        }
        return value;
    }
    async fit(inputs: number[][][][], outputs: [number[], number][]) {
        const xsTensor = tf.tensor4d(inputs);
        const policiesTensor = tf.tensor2d(outputs.map(output => output[0]));
        const rewardsTensor = tf.tensor2d(outputs.map(output => [output[1]]));
        let loss = NaN;
        for (let epoch = 0; epoch < numEpochs; epoch++) {
            for (let start = 0; start < inputs.length; start += batchSize) {
                const size = Math.min(batchSize, inputs.length - start);
                const batchLoss = tf.tidy(() => this.trainBatch(
                    xsTensor.slice([start, 0, 0, 0], [size, -1, -1, -1]),
                    policiesTensor.slice([start, 0], [size, -1]),
                    rewardsTensor.slice([start, 0], [size, -1])
                ));
                loss = batchLoss;
            }
            console.log(`epoch ${epoch}: loss ${loss}`);
            await tf.nextFrame();
        }
        xsTensor.dispose();
        policiesTensor.dispose();
        rewardsTensor.dispose();
        return loss;
    }
    async predict(inputs: number[][][][]) {
        const inputsTensor = tf.tensor4d(inputs);
        const [policiesTensor, rewardsTensor] = this.model.predict(inputsTensor) as [tf.Tensor2D, tf.Tensor2D];
        const policies = await policiesTensor.array();
        const rewards = await rewardsTensor.array();
        tf.dispose([inputsTensor, policiesTensor, rewardsTensor]);
        return policies.map((policy, i) => [policy, rewards[i][0]] as [number[], number]);
    }
    async save(url: string) {
        await this.model.save(url);
    }
}
