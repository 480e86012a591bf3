# Idiom seen in: tkipf/gcn gcn/train.py (tf.app.flags DEFINE_float('weight_decay', 5e-4, ...), model_func = GCN, sess.run([model.opt_op, model.loss, ...]))
# What it reproduces: flags-driven training script for the GCN model in models.py; the weight decay flag flows into
#   Model._loss and the optimizer step is model.opt_op. Clean.
from __future__ import division, print_function

import time

import tensorflow as tf

from gcn.utils import load_data, preprocess_features, preprocess_adj, construct_feed_dict
from models import GCN

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'cora', 'Dataset string.')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 16, 'Number of units in hidden layer 1.')
flags.DEFINE_float('dropout', 0.5, 'Dropout rate (1 - keep probability).')
flags.DEFINE_float('weight_decay', 5e-4, 'Weight for L2 loss on embedding matrix.')
flags.DEFINE_integer('early_stopping', 10, 'Tolerance for early stopping (# of epochs).')


def main(_):
    adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(FLAGS.dataset)
    features = preprocess_features(features)
    support = [preprocess_adj(adj)]

    placeholders = {
        'support': [tf.sparse_placeholder(tf.float32) for _ in range(len(support))],
        'features': tf.sparse_placeholder(tf.float32, shape=tf.constant(features[2], dtype=tf.int64)),
        'labels': tf.placeholder(tf.float32, shape=(None, y_train.shape[1])),
        'labels_mask': tf.placeholder(tf.int32),
        'dropout': tf.placeholder_with_default(0., shape=()),
        'num_features_nonzero': tf.placeholder(tf.int32),
    }
    model = GCN(placeholders, input_dim=features[2][1], logging=True)

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())

    cost_val = []
    for epoch in range(FLAGS.epochs):
        t = time.time()
        feed_dict = construct_feed_dict(features, support, y_train, train_mask, placeholders)
        feed_dict.update({placeholders['dropout']: FLAGS.dropout})
        outs = sess.run([model.opt_op, model.loss, model.accuracy], feed_dict=feed_dict)

        val_feed = construct_feed_dict(features, support, y_val, val_mask, placeholders)
        cost, acc = sess.run([model.loss, model.accuracy], feed_dict=val_feed)
        cost_val.append(cost)
        print("Epoch:", '%04d' % (epoch + 1), "train_loss=", "{:.5f}".format(outs[1]),
              "train_acc=", "{:.5f}".format(outs[2]), "val_loss=", "{:.5f}".format(cost),
              "val_acc=", "{:.5f}".format(acc), "time=", "{:.5f}".format(time.time() - t))
        if epoch > FLAGS.early_stopping and cost_val[-1] > sum(cost_val[-(FLAGS.early_stopping + 1):-1]) / FLAGS.early_stopping:
            print("Early stopping...")
            break

    test_feed = construct_feed_dict(features, support, y_test, test_mask, placeholders)
    test_cost, test_acc = sess.run([model.loss, model.accuracy], feed_dict=test_feed)
    print("Test set results:", "cost=", "{:.5f}".format(test_cost), "accuracy=", "{:.5f}".format(test_acc))


if __name__ == '__main__':
    tf.app.run(main)
