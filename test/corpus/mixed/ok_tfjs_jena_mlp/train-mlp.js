// Idiom seen in: tensorflow/tfjs-examples jena-weather/models.js
// What it reproduces: the Node.js entry point that parses flags, loads the weather CSV through a
// data module this workspace does not hold, and trains the 'mlp-l2' model with fitDataset.
// Correctly wired: fitDataset adds the L2 term of the hidden layer to the loss.
import * as tf from '@tensorflow/tfjs-node';
import {ArgumentParser} from 'argparse';

import {JenaWeatherData} from './data';
import {buildModel, trainModel} from './models';

function parseArgs() {
  const parser = new ArgumentParser({description: 'Train an MLP on the Jena weather data'});
  parser.addArgument('--modelType', {type: 'string', defaultValue: 'mlp-l2'});
  parser.addArgument('--lookBack', {type: 'int', defaultValue: 10 * 24 * 6});
  parser.addArgument('--step', {type: 'int', defaultValue: 6});
  parser.addArgument('--delay', {type: 'int', defaultValue: 24 * 6});
  parser.addArgument('--batchSize', {type: 'int', defaultValue: 128});
  parser.addArgument('--epochs', {type: 'int', defaultValue: 20});
  return parser.parseArgs();
}

async function main() {
  const args = parseArgs();
  const weatherData = new JenaWeatherData();
  await weatherData.load();

  const numFeatures = weatherData.getDataColumnNames().length;
  const model = buildModel(args.modelType, Math.floor(args.lookBack / args.step), numFeatures);
  await trainModel(
      model, weatherData, true, false, args.lookBack, args.step, args.delay,
      args.batchSize, args.epochs);
  await model.save(`file://./models/${args.modelType}`);
  console.log(`Saved model; tf backend: ${tf.getBackend()}`);
}

main();
