# Idiom seen in: jiejie1993/music_recommendation_2018 lfm_tensorflow/lfm.py
# What it reproduces: SVD/LFM recommender whose inference returns l2_loss of the user/item embedding rows;
#   realistic mistake (the repository sums it correctly): the penalized cost is built and logged, but Adam minimizes cost_l2.
# -*- coding: utf-8 -*-
import time
import numpy as np
import tensorflow as tf

import lfm
import dataio

BATCH_SIZE = 1000
USER_NUM = 6040
ITEM_NUM = 3952
DIM = 15
EPOCH_MAX = 100
DEVICE = "/cpu:0"


def svd(train, test):
    samples_per_batch = len(train) // BATCH_SIZE
    iter_train = dataio.ShuffleIterator([train["user"], train["item"], train["rate"]], batch_size=BATCH_SIZE)
    user_batch = tf.placeholder(tf.int32, shape=[None], name="id_user")
    item_batch = tf.placeholder(tf.int32, shape=[None], name="id_item")
    rate_batch = tf.placeholder(tf.float32, shape=[None])

    infer, regularizer = lfm.inference_svd(user_batch, item_batch, user_num=USER_NUM, item_num=ITEM_NUM,
                                           dim=DIM, device=DEVICE)
    tf.train.get_or_create_global_step()
    cost, train_op = lfm.optimization(infer, regularizer, rate_batch, learning_rate=0.001, reg=0.05, device=DEVICE)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        errors = []
        start = time.time()
        for i in range(EPOCH_MAX * samples_per_batch):
            users, items, rates = next(iter_train)
            _, pred_batch, cost_value = sess.run([train_op, infer, cost], feed_dict={user_batch: users,
                                                                                     item_batch: items,
                                                                                     rate_batch: rates})
            errors.append(np.power(np.clip(pred_batch, 1.0, 5.0) - rates, 2))
            if i % samples_per_batch == 0:
                print("{:3d} train_rmse {:f} cost {:f} {:f}(s)".format(
                    i // samples_per_batch, np.sqrt(np.mean(errors)), cost_value, time.time() - start))
                errors = []
                start = time.time()


if __name__ == '__main__':
    df_train, df_test = dataio.read_process("./data/ratings.dat", sep="::")
    svd(df_train, df_test)
