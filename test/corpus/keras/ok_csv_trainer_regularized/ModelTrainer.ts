// Idiom seen in: joonhyungkimweb/tfjsCloudTrainigExpress src/Modules/ModelTrainer.ts
// What it reproduces: the repo's trainModel helper: model.compile(compileConfig) then model.fit(xs, ys, ...);
//   fit adds the layers' regularization losses to the compiled loss: clean.
import { LayersModel, ModelCompileArgs, ModelFitArgs, Tensor, train } from '@tensorflow/tfjs-node-gpu';

export const compileOptimizer = (optimizer: string, learningRate: number) => {
  switch (optimizer) {
    case 'sgd':
      return train.sgd(learningRate);
    case 'rmsprop':
      return train.rmsprop(learningRate);
    default:
      return train.adam(learningRate);
  }
};

export const trainModel = (
  { xs, ys }: { xs: Tensor | Tensor[]; ys: Tensor | Tensor[] },
  model: LayersModel,
  compileConfig: ModelCompileArgs,
  trainConfig: ModelFitArgs
) => {
  model.compile(compileConfig);
  return model.fit(xs, ys, trainConfig);
};
