// Idiom seen in: iascchen/react-tfjs-camp node/src/jena/train.ts
// What it reproduces: the command-line entry that picks the model type and trains it with
// trainModel (compile + fitDataset); the l2 variant's regularizer reaches the loss: clean.
import { ArgumentParser } from 'argparse'
import { JenaWeatherData } from './dataJena'
import { buildModel, trainModel } from './modelJena'

const parser = new ArgumentParser({ description: 'Train RNNs for Jena weather problem' })
parser.add_argument('--modelType', { type: 'str', default: 'mlp-l2' })
parser.add_argument('--lookBack', { type: 'int', default: 10 * 24 * 6 })
parser.add_argument('--step', { type: 'int', default: 6 })
parser.add_argument('--delay', { type: 'int', default: 24 * 6 })
parser.add_argument('--batchSize', { type: 'int', default: 128 })
parser.add_argument('--epochs', { type: 'int', default: 20 })
const args = parser.parse_args()

const main = async (): Promise<void> => {
    const data = new JenaWeatherData()
    await data.load()
    const numFeatures = data.getDataColumnNames().length
    const model = buildModel(args.modelType, Math.floor(args.lookBack / args.step), numFeatures)
    await trainModel(model, data, args.lookBack, args.step, args.delay, args.batchSize, args.epochs)
}

main()
