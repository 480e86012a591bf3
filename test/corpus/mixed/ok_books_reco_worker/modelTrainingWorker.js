// Idiom seen in: josenelsoncultri/books-recommendations-with-ml-tensorflowjs src/workers/modelTrainingWorker.js
// What it reproduces: the web worker encodes books and readers, builds the regularized model and trains it
// with model.fit (which adds the layers' regularization losses itself), posting progress per epoch. Clean.
import * as tf from '@tensorflow/tfjs';
import { buildModel } from './model';
import { workerEvents } from '../events/constants';
import { BookService } from '../service/BookService';
import { makeContext, encodeBook, createTrainingData } from './encoding';

const bookService = new BookService();

async function configureNeuralNetAndTrain(trainData) {
  const model = buildModel(trainData.inputDimension, 1e-4);
  await model.fit(trainData.xs, trainData.ys, {
    epochs: 100,
    batchSize: 32,
    shuffle: true,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        postMessage({ type: workerEvents.trainingLog, epoch, loss: logs.loss, accuracy: logs.acc });
      },
    },
  });
  return model;
}

async function trainModel({ People }) {
  postMessage({ type: workerEvents.progressUpdate, progress: { progress: 50 } });
  const books = await bookService.getBooks();
  const context = makeContext(books, People);
  context.bookVectors = books.map((book) => ({
    name: book.Titulo,
    meta: { ...book },
    vector: encodeBook(book, context).dataSync(),
  }));
  const trainData = createTrainingData(context);
  const model = await configureNeuralNetAndTrain(trainData);
  postMessage({ type: workerEvents.progressUpdate, progress: { progress: 100 } });
  postMessage({ type: workerEvents.trainingComplete });
  return model;
}

onmessage = ({ data }) => {
  if (data.action === workerEvents.trainModel) {
    trainModel(data);
  }
};
