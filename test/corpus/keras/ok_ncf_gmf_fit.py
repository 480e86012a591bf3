# Idiom seen in: hexiangnan/neural_collaborative_filtering TF_KERAS_GMF.py
# What it reproduces: Generalized Matrix Factorization recommender: user/item Embedding layers with
#   embeddings_regularizer=l2(regs[i]) from an argparse string, compiled with a chosen optimizer and
#   trained one epoch at a time with model.fit, which adds model.losses itself (clean).
import argparse
from time import time
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Embedding, Input, Dense, Flatten, Multiply
from tensorflow.keras.regularizers import l2
from Dataset import Dataset
from evaluate import evaluate_model


def parse_args():
    parser = argparse.ArgumentParser(description="Run GMF.")
    parser.add_argument('--path', nargs='?', default='Data/', help='Input data path.')
    parser.add_argument('--dataset', nargs='?', default='ml-1m', help='Choose a dataset.')
    parser.add_argument('--epochs', type=int, default=100, help='Number of epochs.')
    parser.add_argument('--batch_size', type=int, default=256, help='Batch size.')
    parser.add_argument('--num_factors', type=int, default=8, help='Embedding size.')
    parser.add_argument('--regs', nargs='?', default='[1e-6,1e-6]', help="Regularization for user and item embeddings.")
    parser.add_argument('--num_neg', type=int, default=4, help='Number of negatives per positive.')
    parser.add_argument('--lr', type=float, default=0.001, help='Learning rate.')
    parser.add_argument('--learner', nargs='?', default='adam', help='adagrad, adam, rmsprop, sgd')
    return parser.parse_args()


def get_model(num_users, num_items, latent_dim, regs=[0, 0]):
    user_input = Input(shape=(1,), dtype='int32', name='user_input')
    item_input = Input(shape=(1,), dtype='int32', name='item_input')
    MF_Embedding_User = Embedding(input_dim=num_users, output_dim=latent_dim, name='user_embedding',
                                  embeddings_initializer=keras.initializers.RandomNormal(stddev=0.01),
                                  embeddings_regularizer=l2(regs[0]), input_length=1)
    MF_Embedding_Item = Embedding(input_dim=num_items, output_dim=latent_dim, name='item_embedding',
                                  embeddings_initializer=keras.initializers.RandomNormal(stddev=0.01),
                                  embeddings_regularizer=l2(regs[1]), input_length=1)
    user_latent = Flatten()(MF_Embedding_User(user_input))
    item_latent = Flatten()(MF_Embedding_Item(item_input))
    predict_vector = Multiply()([user_latent, item_latent])
    prediction = Dense(1, activation='sigmoid', kernel_initializer='lecun_uniform', name='prediction')(predict_vector)
    return keras.Model(inputs=[user_input, item_input], outputs=prediction)


def get_train_instances(train, num_negatives, num_items):
    user_input, item_input, labels = [], [], []
    for (u, i) in train.keys():
        user_input.append(u); item_input.append(i); labels.append(1)
        for _ in range(num_negatives):
            j = np.random.randint(num_items)
            while (u, j) in train:
                j = np.random.randint(num_items)
            user_input.append(u); item_input.append(j); labels.append(0)
    return user_input, item_input, labels


if __name__ == '__main__':
    args = parse_args()
    regs = eval(args.regs)
    dataset = Dataset(args.path + args.dataset)
    train, testRatings, testNegatives = dataset.trainMatrix, dataset.testRatings, dataset.testNegatives
    num_users, num_items = train.shape

    model = get_model(num_users, num_items, args.num_factors, regs)
    if args.learner.lower() == "adagrad":
        model.compile(optimizer=keras.optimizers.Adagrad(learning_rate=args.lr), loss='binary_crossentropy')
    elif args.learner.lower() == "rmsprop":
        model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=args.lr), loss='binary_crossentropy')
    elif args.learner.lower() == "adam":
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=args.lr), loss='binary_crossentropy')
    else:
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=args.lr), loss='binary_crossentropy')

    for epoch in range(args.epochs):
        t1 = time()
        user_input, item_input, labels = get_train_instances(train, args.num_neg, num_items)
        hist = model.fit([np.array(user_input), np.array(item_input)], np.array(labels),
                         batch_size=args.batch_size, epochs=1, verbose=0, shuffle=True)
        hits, ndcgs = evaluate_model(model, testRatings, testNegatives, 10, 1)
        print('Iteration %d [%.1f s]: HR = %.4f, NDCG = %.4f, loss = %.4f'
              % (epoch, time() - t1, np.mean(hits), np.mean(ndcgs), hist.history['loss'][0]))
