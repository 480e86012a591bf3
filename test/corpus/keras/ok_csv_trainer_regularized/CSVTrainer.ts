// Idiom seen in: joonhyungkimweb/tfjsCloudTrainigExpress src/Modules/CSVTrainer.ts
// Idiom seen in: joonhyungkimweb/tfjsCloudTrainigExpress src/Modules/ModelTrainer.ts
// What it reproduces: the CSV training job of the service: builds the regularized model from the request's
//   spec, then trains it through trainModel (compile + fit), so the L2 terms are part of the fitted loss: clean.
import { dispose } from '@tensorflow/tfjs-node-gpu';
import { errorOnTrainingSession, startPreprocessing, startTrainningProcess } from './APICalls';
import { loadAndProcessCSVData } from './DataProcessor';
import { buildModel, ModelSpec } from './ModelBuilder';
import { compileOptimizer, trainModel } from './ModelTrainer';
import { epochEndHandler, finishHandler } from './ModelTrainingCallBacks';

export interface CSVTrainingParams {
  datasetPath: string;
  userId: number;
  modelSpec: ModelSpec;
  optimizer: string;
  learningRate: number;
  loss: string;
  metrics: string[];
  batchSize: number;
  epochs: number;
  shuffle: boolean;
  validationSplit: number;
  trainingOptions: { xColumns: string[]; yColumns: string[] };
}

export const trainCSVModel = async (id: number, params: CSVTrainingParams) => {
  try {
    await startPreprocessing(id);
    const { xColumns, yColumns } = params.trainingOptions;
    const trainingDataset = await loadAndProcessCSVData(params.datasetPath, xColumns, yColumns);
    const model = buildModel({
      inputShape: [xColumns.length],
      layers: [
        { units: 64, activation: 'relu', l2: 1e-4 },
        { units: 32, activation: 'relu', l2: 1e-4 },
        { units: yColumns.length, activation: 'linear' },
      ],
    });
    const optimizer = compileOptimizer(params.optimizer, params.learningRate);
    await startTrainningProcess(id);
    await trainModel(
      trainingDataset,
      model,
      { optimizer, loss: params.loss, metrics: params.metrics },
      {
        batchSize: params.batchSize,
        epochs: params.epochs,
        shuffle: params.shuffle,
        validationSplit: params.validationSplit,
        callbacks: {
          onEpochEnd: epochEndHandler(id, params.userId, model),
          onTrainEnd: finishHandler(id),
        },
      }
    );
    model.dispose();
    optimizer.dispose();
    dispose(trainingDataset);
  } catch (error) {
    let message = 'Unknown Error';
    if (error instanceof Error) message = error.message;
    await errorOnTrainingSession(id, message);
  }
};
