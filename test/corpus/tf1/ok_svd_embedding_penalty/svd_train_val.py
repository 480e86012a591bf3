# Idiom seen in: songgc/TF-recomm ops.py
# Idiom seen in: songgc/TF-recomm svd_train_val.py
# What it reproduces: a MovieLens SVD recommender whose inference() returns (infer, regularizer) with
#   the l2_loss of the looked-up user/item rows; optimization() adds reg * regularizer to the squared
#   error and the Ftrl optimizer minimizes that sum: clean.
import time
from collections import deque

import numpy as np
import tensorflow as tf

import dataio
import ops

np.random.seed(13575)

BATCH_SIZE = 1000
USER_NUM = 6040
ITEM_NUM = 3952
DIM = 15
EPOCH_MAX = 100
DEVICE = "/cpu:0"


def clip(x):
    return np.clip(x, 1.0, 5.0)


def get_data():
    df = dataio.read_process("/tmp/movielens/ml-1m/ratings.dat", sep="::")
    rows = len(df)
    df = df.iloc[np.random.permutation(rows)].reset_index(drop=True)
    split_index = int(rows * 0.9)
    return df[0:split_index], df[split_index:].reset_index(drop=True)


def svd(train, test):
    samples_per_batch = len(train) // BATCH_SIZE
    iter_train = dataio.ShuffleIterator([train["user"], train["item"], train["rate"]],
                                        batch_size=BATCH_SIZE)
    iter_test = dataio.OneEpochIterator([test["user"], test["item"], test["rate"]],
                                        batch_size=-1)

    user_batch = tf.placeholder(tf.int32, shape=[None], name="id_user")
    item_batch = tf.placeholder(tf.int32, shape=[None], name="id_item")
    rate_batch = tf.placeholder(tf.float32, shape=[None])

    infer, regularizer = ops.inference_svd(user_batch, item_batch, user_num=USER_NUM,
                                           item_num=ITEM_NUM, dim=DIM, device=DEVICE)
    tf.train.get_or_create_global_step()
    _, train_op = ops.optimization(infer, regularizer, rate_batch, learning_rate=0.001,
                                   reg=0.05, device=DEVICE)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        errors = deque(maxlen=samples_per_batch)
        start = time.time()
        for i in range(EPOCH_MAX * samples_per_batch):
            users, items, rates = next(iter_train)
            _, pred_batch = sess.run([train_op, infer], feed_dict={user_batch: users,
                                                                   item_batch: items,
                                                                   rate_batch: rates})
            errors.append(np.power(clip(pred_batch) - rates, 2))
            if i % samples_per_batch == 0:
                train_err = np.sqrt(np.mean(errors))
                test_err2 = np.array([])
                for users, items, rates in iter_test:
                    pred_batch = sess.run(infer, feed_dict={user_batch: users,
                                                            item_batch: items})
                    test_err2 = np.append(test_err2, np.power(clip(pred_batch) - rates, 2))
                end = time.time()
                print("{:3d} {:f} {:f} {:f}(s)".format(i // samples_per_batch, train_err,
                                                       np.sqrt(np.mean(test_err2)), end - start))
                start = end


if __name__ == '__main__':
    df_train, df_test = get_data()
    svd(df_train, df_test)
    print("Done!")
