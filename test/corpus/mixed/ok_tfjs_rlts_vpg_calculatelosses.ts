// Idiom seen in: StoneT2000/rl-ts src/Algos/vpg/index.ts
// What it reproduces: VPG value-function update with vf_optimizer.computeGradients(() => loss); the value net has kernelRegularizer
// l2 layers and the loss adds tf.addN([mse, ...valueNet.calculateLosses()]), so the regularization terms are trained on. Clean.
import * as tf from '@tensorflow/tfjs';
import { VPGBuffer, VPGBufferComputations } from 'rl-ts/lib/Algos/vpg/buffer';
import * as ct from 'rl-ts/lib/utils/clusterTools';

const VF_L2 = 1e-3;

export function makeValueNet(obsDim: number): tf.Sequential {
  const valueNet = tf.sequential();
  valueNet.add(tf.layers.dense({ units: 64, inputShape: [obsDim], activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: VF_L2 }) }));
  valueNet.add(tf.layers.dense({ units: 64, activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: VF_L2 }) }));
  valueNet.add(tf.layers.dense({ units: 1 }));
  return valueNet;
}

export interface VPGTrainConfigs {
  vf_optimizer: tf.Optimizer;
  pi_optimizer: tf.Optimizer;
  train_v_iters: number;
  train_pi_iters: number;
}

export class ValueFunctionUpdater {
  constructor(public valueNet: tf.Sequential, public configs: VPGTrainConfigs) {}

  computeLossVf(data: VPGBufferComputations): tf.Scalar {
    const { obs, ret } = data;
    const pred = (this.valueNet.apply(obs) as tf.Tensor).squeeze([-1]);
    const mse = pred.sub(ret).pow(2).mean() as tf.Scalar;
    return tf.addN([mse, ...this.valueNet.calculateLosses()]) as tf.Scalar;
  }

  async update(buffer: VPGBuffer): Promise<number> {
    const data = await buffer.get();
    const { vf_optimizer } = this.configs;
    let lossVfNew = 0;
    for (let i = 0; i < this.configs.train_v_iters; i++) {
      const vfGrads = vf_optimizer.computeGradients(() => this.computeLossVf(data));
      await ct.averageGradients(vfGrads.grads);
      vf_optimizer.applyGradients(vfGrads.grads);
      if (i === this.configs.train_v_iters - 1) {
        lossVfNew = vfGrads.value.arraySync() as number;
      }
      tf.dispose(vfGrads.grads);
    }
    return lossVfNew;
  }
}

export async function main(buffer: VPGBuffer, obsDim: number) {
  const valueNet = makeValueNet(obsDim);
  const updater = new ValueFunctionUpdater(valueNet, {
    vf_optimizer: tf.train.adam(1e-3),
    pi_optimizer: tf.train.adam(3e-4),
    train_v_iters: 80,
    train_pi_iters: 1,
  });
  for (let epoch = 0; epoch < 50; epoch++) {
    const vfLoss = await updater.update(buffer);
    console.log(`epoch ${epoch} vf loss ${vfLoss.toFixed(4)}`);
  }
}
