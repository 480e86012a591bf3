// Idiom seen in: piyapong-pch/MeisooProject src/components/recommendation-system/model.js
// What it reproduces: training the menu recommender with model.fit on user/menu feature rows and rating
//   targets, logging the loss at each epoch end; fit includes the layers' regularization losses. Clean.
import { tensor2d } from '@tensorflow/tfjs';
import { createModel, NUM_FEATURES } from './model';
import { loadRatings } from './data';

export async function trainRecommender(): Promise<void> {
  const { features, ratings } = await loadRatings();
  const xs = tensor2d(features, [features.length, NUM_FEATURES]);
  const ys = tensor2d(ratings, [ratings.length, 1]);
  const model = createModel(1e-4);
  await model.fit(xs, ys, {
    epochs: 100,
    batchSize: 32,
    validationSplit: 0.1,
    callbacks: {
      onEpochEnd: (epoch, log) => console.log(`Epoch ${epoch}: loss = ${log?.loss}`),
    },
  });
  await model.save('localstorage://menu-recommender');
}
