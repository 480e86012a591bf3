// Idiom seen in: PAIR-code/federated-learning src/common/index.ts
// Idiom seen in: PAIR-code/federated-learning src/client/models.ts
// What it reproduces: the other federated wrapper, FederatedTfModel, wraps an already compiled
// tf.Sequential and trains with this.model.fit(x, y, config); the head's kernelRegularizer terms are
// added by fit itself. Clean.
import * as tf from '@tensorflow/tfjs';
import {ModelFitArgs, Tensor} from '@tensorflow/tfjs';

import {loadClientShard} from './mnist_data';

export class FederatedTfModel {
  private model: tf.Sequential;
  private config: ModelFitArgs;

  constructor(model: tf.Sequential, config?: ModelFitArgs) {
    this.model = model;
    this.config = config || {epochs: 10, batchSize: 32};
  }

  async fit(x: Tensor, y: Tensor): Promise<void> {
    await this.model.fit(x, y, this.config);
  }

  getVars(): Tensor[] {
    return this.model.trainableWeights.map((v) => v.read());
  }

  setVars(vals: Tensor[]) {
    for (let i = 0; i < vals.length; i++) {
      this.model.trainableWeights[i].write(vals[i]);
    }
  }
}

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    kernelSize: 3,
    filters: 16,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({
    units: 10,
    activation: 'softmax',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  model.compile({
    optimizer: tf.train.sgd(0.05),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

async function runClient(clientId: string) {
  const federated = new FederatedTfModel(buildModel(), {epochs: 1, batchSize: 32});
  const shard = await loadClientShard(clientId);
  for (let round = 0; round < 20; round++) {
    await federated.fit(shard.xs, shard.ys);
    console.log(`client ${clientId} round ${round}: ${federated.getVars().length} tensors ready`);
  }
}

runClient('client-0').catch((e) => console.error(e));
