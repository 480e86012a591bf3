// Idiom seen in: PAIR-code/federated-learning demo/experiment_mnist_transfer_learning.ts
// Idiom seen in: PAIR-code/federated-learning src/common/index.ts
// What it reproduces: the client builds the regularized head from model.ts, wraps its weights and loss
// closure in FederatedDynamicModel with tf.train.sgd, and calls fit on each uploaded batch; the
// kernelRegularizer terms never reach minimize (WD103 reported in model.ts).
import * as tf from '@tensorflow/tfjs';
import {Variable} from '@tensorflow/tfjs';

import {FederatedDynamicModel, serializeVars} from './federated';
import {setupTransferModel} from './model';
import {loadClientShard} from './mnist_data';

const LEARNING_RATE = 0.05;
const NUM_CLASSES = 10;
const ROUNDS = 20;

async function runClient(clientId: string) {
  const {head, loss} = await setupTransferModel(NUM_CLASSES);
  const vars = head.trainableWeights.map((w) => w.read() as Variable);
  const federated = new FederatedDynamicModel(vars, loss, tf.train.sgd(LEARNING_RATE));

  const shard = await loadClientShard(clientId);
  for (let round = 0; round < ROUNDS; round++) {
    for (const {xs, ys} of shard.batches(32)) {
      await federated.fit(xs, ys);
      xs.dispose();
      ys.dispose();
    }
    const update = await serializeVars(federated.getVars());
    console.log(`client ${clientId} round ${round}: uploaded ${update.length} tensors`);
  }
}

runClient(process.argv[2] || 'client-0').catch((e) => console.error(e));
