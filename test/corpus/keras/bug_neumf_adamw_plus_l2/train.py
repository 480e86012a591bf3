# Idiom seen in: hexiangnan/neural_collaborative_filtering TF_KERAS_NeuMF.py
# What it reproduces: argparse driver that builds NeuMF with L2 on embeddings and MLP kernels and
#   compiles it with decoupled AdamW decay on all variables (double decay, decay on biases), then trains
#   one epoch at a time with fit.
import argparse
from time import time
import numpy as np
from tensorflow import keras
from Dataset import Dataset
from evaluate import evaluate_model
from NeuMF import get_model


def parse_args():
    parser = argparse.ArgumentParser(description="Run NeuMF.")
    parser.add_argument('--path', nargs='?', default='Data/')
    parser.add_argument('--dataset', nargs='?', default='ml-1m')
    parser.add_argument('--epochs', type=int, default=20)
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--num_factors', type=int, default=8)
    parser.add_argument('--reg_mf', type=float, default=1e-5)
    parser.add_argument('--reg_layers', type=float, default=1e-5)
    parser.add_argument('--num_neg', type=int, default=4)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    return parser.parse_args()


def get_train_instances(train, num_negatives, num_items):
    user_input, item_input, labels = [], [], []
    for (u, i) in train.keys():
        user_input.append(u); item_input.append(i); labels.append(1)
        for _ in range(num_negatives):
            j = np.random.randint(num_items)
            while (u, j) in train:
                j = np.random.randint(num_items)
            user_input.append(u); item_input.append(j); labels.append(0)
    return np.array(user_input), np.array(item_input), np.array(labels)


if __name__ == '__main__':
    args = parse_args()
    dataset = Dataset(args.path + args.dataset)
    train, testRatings, testNegatives = dataset.trainMatrix, dataset.testRatings, dataset.testNegatives
    num_users, num_items = train.shape

    model = get_model(num_users, num_items, args.num_factors, (64, 32, 16, 8), args.reg_layers, args.reg_mf)
    optimizer = keras.optimizers.AdamW(learning_rate=args.lr,
                                       weight_decay=args.weight_decay)  # expect: WD203
    model.compile(optimizer=optimizer, loss='binary_crossentropy')

    for epoch in range(args.epochs):
        t1 = time()
        user_input, item_input, labels = get_train_instances(train, args.num_neg, num_items)
        hist = model.fit([user_input, item_input], labels, batch_size=args.batch_size, epochs=1,
                         verbose=0, shuffle=True)
        hits, ndcgs = evaluate_model(model, testRatings, testNegatives, 10, 1)
        print('Iteration %d [%.1f s]: HR = %.4f, NDCG = %.4f, loss = %.4f'
              % (epoch, time() - t1, np.mean(hits), np.mean(ndcgs), hist.history['loss'][0]))
