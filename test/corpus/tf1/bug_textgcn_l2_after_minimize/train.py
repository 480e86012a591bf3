# Idiom seen in: yao8839836/text_gcn train.py
# Idiom seen in: yao8839836/text_gcn models.py
# What it reproduces: the text_gcn training script: tf.app.flags (weight_decay 5e-4 style), a feed dict
#   per epoch and sess.run([model.opt_op, model.loss]); the printed loss holds the late l2 term, the
#   optimized one does not.
import time

import tensorflow as tf

from models import GCNFullDecay
from utils import load_corpus, preprocess_features, preprocess_adj, construct_feed_dict

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'R8', 'Dataset string.')
flags.DEFINE_float('learning_rate', 0.02, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 200, 'Number of units in hidden layer 1.')
flags.DEFINE_float('dropout', 0.5, 'Dropout rate (1 - keep probability).')
flags.DEFINE_float('weight_decay', 5e-4, 'Weight for L2 loss on embedding matrix.')

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask, train_size, test_size = \
    load_corpus(FLAGS.dataset)
features = preprocess_features(features)
support = [preprocess_adj(adj)]

placeholders = {
    'support': [tf.sparse_placeholder(tf.float32) for _ in range(len(support))],
    'features': tf.sparse_placeholder(tf.float32, shape=tf.constant(features[2], dtype=tf.int64)),
    'labels': tf.placeholder(tf.float32, shape=(None, y_train.shape[1])),
    'labels_mask': tf.placeholder(tf.int32),
    'dropout': tf.placeholder_with_default(0., shape=()),
}

model = GCNFullDecay(placeholders, input_dim=features[2][1])
sess = tf.Session()
sess.run(tf.global_variables_initializer())

for epoch in range(FLAGS.epochs):
    t = time.time()
    feed_dict = construct_feed_dict(features, support, y_train, train_mask, placeholders)
    feed_dict.update({placeholders['dropout']: FLAGS.dropout})
    outs = sess.run([model.opt_op, model.loss], feed_dict=feed_dict)
    print('Epoch:', '%04d' % (epoch + 1), 'train_loss=', '{:.5f}'.format(outs[1]),
          'time=', '{:.5f}'.format(time.time() - t))
