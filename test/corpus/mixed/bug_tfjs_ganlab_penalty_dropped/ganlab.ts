// Idiom seen in: poloclub/ganlab src/ganlab_models.ts
// Idiom seen in: poloclub/ganlab src/ganlab.ts
// What it reproduces: GANLab's raw-variable discriminator/generator with dOptimizer.minimize over
// dVariables; the user adds an L2 penalty on the discriminator weight matrices inside dLoss but the
// function still returns the bare adversarial loss, so the penalty is computed and dropped (user mistake).
import * as tf from '@tensorflow/tfjs-core';
import { GANLabModel } from './ganlab_models';
import { InputProvider } from './ganlab_input_providers';

const BATCH_SIZE = 150;
const NOISE_SIZE = 2;

export class GANLab {
  private model: GANLabModel;
  private iterationCount = 0;

  constructor(private trueSampleProvider: InputProvider, private noiseProvider: InputProvider) {
    this.model = new GANLabModel(NOISE_SIZE, 16, 16, BATCH_SIZE, 1e-3, 'Log loss');
    this.model.initializeModelVariables();
    this.model.updateOptimizer('D', 0.1);
    this.model.updateOptimizer('G', 0.05);
  }

  iterateTraining(kDSteps: number, kGSteps: number) {
    for (let j = 0; j < kDSteps; j++) {
      const dCost = this.model.dOptimizer.minimize(() => {
        const noiseBatch = this.noiseProvider.getNextCopy() as tf.Tensor2D;
        const trueBatch = this.trueSampleProvider.getNextCopy() as tf.Tensor2D;
        const truePred = this.model.discriminator(trueBatch);
        const generatedPred = this.model.discriminator(this.model.generator(noiseBatch));
        return this.model.dLoss(truePred, generatedPred);
      }, true, this.model.dVariables);
      if (dCost) {
        console.log(`iter ${this.iterationCount} d-loss ${dCost.dataSync()[0]}`);
        dCost.dispose();
      }
    }
    for (let j = 0; j < kGSteps; j++) {
      this.model.gOptimizer.minimize(() => {
        const noiseBatch = this.noiseProvider.getNextCopy() as tf.Tensor2D;
        const generatedPred = this.model.discriminator(this.model.generator(noiseBatch));
        return this.model.gLoss(generatedPred);
      }, false, this.model.gVariables);
    }
    this.iterationCount++;
  }
}
