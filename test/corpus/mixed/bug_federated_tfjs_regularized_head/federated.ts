// Idiom seen in: PAIR-code/federated-learning src/common/index.ts
// What it reproduces: FederatedDynamicModel wraps a loss function and its variables and trains with
// this.optimizer.minimize(() => this.loss(x, y)); whatever the closure leaves out is not trained on
// (the regularized head of model.ts loses its decay here).
import * as tf from '@tensorflow/tfjs';
import {Optimizer, Scalar, Tensor, Variable} from '@tensorflow/tfjs';

export interface FederatedModel {
  fit(x: Tensor, y: Tensor): Promise<void>;
  getVars(): Variable[];
  setVars(vals: Tensor[]): void;
}

export class FederatedDynamicModel implements FederatedModel {
  constructor(
      public vars: Variable[], public loss: (xs: Tensor, ys: Tensor) => Scalar,
      public optimizer: Optimizer) {}

  async fit(x: Tensor, y: Tensor): Promise<void> {
    const lossVal = this.optimizer.minimize(() => this.loss(x, y), true, this.vars);
    if (lossVal) {
      lossVal.dispose();
    }
  }

  getVars(): Variable[] {
    return this.vars.slice();
  }

  setVars(vals: Tensor[]): void {
    for (let i = 0; i < vals.length; i++) {
      this.vars[i].assign(vals[i]);
    }
  }
}

export async function serializeVars(vars: Variable[]) {
  return Promise.all(vars.map(async (v) => ({shape: v.shape, values: Array.from(await v.data())})));
}

export function disposeAll(tensors: tf.Tensor[]) {
  tensors.forEach((t) => t.dispose());
}
