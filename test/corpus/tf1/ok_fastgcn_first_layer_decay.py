# Idiom seen in: matenure/FastGCN models.py
# Idiom seen in: matenure/FastGCN train.py
# What it reproduces: the Kipf-style GCN model classes: base Model.build() calls the subclass _loss(),
#   which adds FLAGS.weight_decay * tf.nn.l2_loss(var) for the first layer's vars to self.loss, then
#   minimizes self.loss with Adam (clean; the decay reaches the loss through inheritance and self).
import time
import tensorflow as tf
from layers import GraphConvolution
from metrics import masked_softmax_cross_entropy, masked_accuracy
from utils import load_data, preprocess_features, preprocess_adj, construct_feed_dict

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'pubmed', 'Dataset string.')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 16, 'Number of units in hidden layer 1.')
flags.DEFINE_float('dropout', 0.0, 'Dropout rate (1 - keep probability).')
flags.DEFINE_float('weight_decay', 5e-4, 'Weight for L2 loss on embedding matrix.')


class Model(object):
    def __init__(self, **kwargs):
        self.name = kwargs.get('name') or self.__class__.__name__.lower()
        self.vars = {}
        self.layers = []
        self.activations = []
        self.inputs = None
        self.outputs = None
        self.loss = 0
        self.accuracy = 0
        self.optimizer = None
        self.opt_op = None

    def _build(self):
        raise NotImplementedError

    def build(self):
        with tf.variable_scope(self.name):
            self._build()
        self.activations.append(self.inputs)
        for layer in self.layers:
            self.activations.append(layer(self.activations[-1]))
        self.outputs = self.activations[-1]
        self._loss()
        self._accuracy()
        self.opt_op = self.optimizer.minimize(self.loss)

    def _loss(self):
        raise NotImplementedError

    def _accuracy(self):
        raise NotImplementedError


class GCN(Model):
    def __init__(self, placeholders, input_dim, **kwargs):
        super(GCN, self).__init__(**kwargs)
        self.inputs = placeholders['features']
        self.input_dim = input_dim
        self.output_dim = placeholders['labels'].get_shape().as_list()[1]
        self.placeholders = placeholders
        self.optimizer = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate)
        self.build()

    def _loss(self):
        # Weight decay loss
        for var in self.layers[0].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)
        # Cross entropy error
        self.loss += masked_softmax_cross_entropy(self.outputs, self.placeholders['labels'],
                                                  self.placeholders['labels_mask'])

    def _accuracy(self):
        self.accuracy = masked_accuracy(self.outputs, self.placeholders['labels'],
                                        self.placeholders['labels_mask'])

    def _build(self):
        self.layers.append(GraphConvolution(input_dim=self.input_dim, output_dim=FLAGS.hidden1,
                                            placeholders=self.placeholders, act=tf.nn.relu,
                                            dropout=True, sparse_inputs=True))
        self.layers.append(GraphConvolution(input_dim=FLAGS.hidden1, output_dim=self.output_dim,
                                            placeholders=self.placeholders, act=lambda x: x, dropout=True))


def main(argv=None):
    adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(FLAGS.dataset)
    features = preprocess_features(features)
    support = [preprocess_adj(adj)]
    placeholders = {
        'support': [tf.sparse_placeholder(tf.float32)],
        'features': tf.sparse_placeholder(tf.float32, shape=tf.constant(features[2], dtype=tf.int64)),
        'labels': tf.placeholder(tf.float32, shape=(None, y_train.shape[1])),
        'labels_mask': tf.placeholder(tf.int32),
        'dropout': tf.placeholder_with_default(0., shape=()),
        'num_features_nonzero': tf.placeholder(tf.int32),
    }
    model = GCN(placeholders, input_dim=features[2][1])
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for epoch in range(FLAGS.epochs):
        t = time.time()
        feed_dict = construct_feed_dict(features, support, y_train, train_mask, placeholders)
        feed_dict.update({placeholders['dropout']: FLAGS.dropout})
        outs = sess.run([model.opt_op, model.loss, model.accuracy], feed_dict=feed_dict)
        print("Epoch:", '%04d' % (epoch + 1), "train_loss=", "{:.5f}".format(outs[1]),
              "train_acc=", "{:.5f}".format(outs[2]), "time=", "{:.5f}".format(time.time() - t))


if __name__ == '__main__':
    tf.app.run()
