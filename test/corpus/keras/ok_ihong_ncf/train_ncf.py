# Idiom seen in: ihongChen/keras-tutorial v2/NCF_MLP.ipynb
# What it reproduces: the notebook's training cell as a script: negative sampling per epoch, then
#   model.fit on the compiled binary cross entropy (fit adds the embedding and dense l2 terms): clean.
from time import time

import numpy as np
from tensorflow.keras.optimizers import Adam

from config import PARAMS
from Dataset import Dataset
from evaluate import evaluate_model
from ncf_model import get_model


def get_train_instances(train, num_negatives, num_items):
    user_input, item_input, labels = [], [], []
    for (u, i) in train.keys():
        user_input.append(u)
        item_input.append(i)
        labels.append(1)
        for _ in range(num_negatives):
            j = np.random.randint(num_items)
            while (u, j) in train.keys():
                j = np.random.randint(num_items)
            user_input.append(u)
            item_input.append(j)
            labels.append(0)
    return user_input, item_input, labels


if __name__ == '__main__':
    dataset = Dataset('Data/ml-1m')
    train, testRatings, testNegatives = dataset.trainMatrix, dataset.testRatings, dataset.testNegatives
    num_users, num_items = train.shape
    model = get_model(num_users, num_items, PARAMS['layers'], PARAMS['reg_layers'])
    model.compile(optimizer=Adam(learning_rate=PARAMS['learning_rate']), loss='binary_crossentropy')

    best_hr = 0.0
    for epoch in range(PARAMS['epochs']):
        t1 = time()
        user_input, item_input, labels = get_train_instances(train, PARAMS['num_negatives'], num_items)
        hist = model.fit([np.array(user_input), np.array(item_input)], np.array(labels),
                         batch_size=PARAMS['batch_size'], epochs=1, verbose=0, shuffle=True)
        hits, ndcgs = evaluate_model(model, testRatings, testNegatives, PARAMS['topK'], 1)
        hr, ndcg, loss = np.array(hits).mean(), np.array(ndcgs).mean(), hist.history['loss'][0]
        print('Iteration %d [%.1f s]: HR = %.4f, NDCG = %.4f, loss = %.4f' % (epoch, time() - t1, hr, ndcg, loss))
        best_hr = max(best_hr, hr)
