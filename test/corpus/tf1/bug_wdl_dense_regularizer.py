# Idiom seen in: DeepRec-AI/DeepRec modelzoo/wide_and_deep/train.py
# What it reproduces: DeepRec's WDL class (model in _create_model, self.loss in _create_loss, minimize(self.loss)
#   in _create_optimizer) with an --l2_reg option wired into the DNN's tf.layers.dense kernel_regularizer; the loss
#   is the bare tf.losses.sigmoid_cross_entropy, so REGULARIZATION_LOSSES never reach it (user mistake).
import argparse

import tensorflow as tf

from criteo_input import build_feature_columns, build_model_input

tf.logging.set_verbosity(tf.logging.INFO)


class WDL():
    def __init__(self, wide_column=None, deep_column=None, dnn_hidden_units=[1024, 512, 256],
                 linear_learning_rate=0.2, deep_learning_rate=0.01, l2_reg=1e-5, inputs=None):
        if not inputs:
            raise ValueError("Dataset is not defined.")
        self._feature = inputs[0]
        self._label = inputs[1]
        self._wide_column = wide_column
        self._deep_column = deep_column
        self._dnn_hidden_units = dnn_hidden_units
        self._linear_learning_rate = linear_learning_rate
        self._deep_learning_rate = deep_learning_rate
        self._l2_reg = l2_reg

        self._create_model()
        with tf.name_scope('head'):
            self._create_loss()
            self._create_optimizer()

    def _dnn(self, dnn_input, dnn_hidden_units=None, layer_name=''):
        for layer_id, num_hidden_units in enumerate(dnn_hidden_units):
            with tf.variable_scope(layer_name + '_%d' % layer_id, reuse=tf.AUTO_REUSE) as dnn_layer_scope:
                dnn_input = tf.layers.dense(
                    dnn_input,
                    units=num_hidden_units,
                    activation=tf.nn.relu,
                    kernel_initializer=tf.glorot_uniform_initializer(),
                    kernel_regularizer=tf.contrib.layers.l2_regularizer(self._l2_reg),  # expect: WD102
                    name=dnn_layer_scope)
        return dnn_input

    def _create_model(self):
        with tf.variable_scope('dnn'):
            net = tf.feature_column.input_layer(features=self._feature,
                                                feature_columns=self._deep_column)
            net = self._dnn(net, self._dnn_hidden_units, 'hiddenlayer')
            with tf.variable_scope('logits') as dnn_logits_scope:
                dnn_logits = tf.layers.dense(
                    net, units=1, activation=None,
                    kernel_regularizer=tf.contrib.layers.l2_regularizer(self._l2_reg),  # expect: WD102
                    name=dnn_logits_scope)
        with tf.variable_scope('linear'):
            linear_logits = tf.feature_column.linear_model(
                units=1, features=self._feature, feature_columns=self._wide_column,
                sparse_combiner='sum')
        self._logits = tf.add_n([dnn_logits, linear_logits])
        self.probability = tf.math.sigmoid(self._logits)

    def _create_loss(self):
        self._logits = tf.squeeze(self._logits)
        self.loss = tf.losses.sigmoid_cross_entropy(
            self._label, self._logits, scope='loss',
            reduction=tf.losses.Reduction.SUM_OVER_BATCH_SIZE)
        tf.summary.scalar('loss', self.loss)

    def _create_optimizer(self):
        self.global_step = tf.train.get_or_create_global_step()
        dnn_optimizer = tf.train.AdamOptimizer(learning_rate=self._deep_learning_rate)
        linear_optimizer = tf.train.FtrlOptimizer(learning_rate=self._linear_learning_rate)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_ops = [
                dnn_optimizer.minimize(
                    self.loss,
                    var_list=tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='dnn'),
                    global_step=self.global_step),
                linear_optimizer.minimize(
                    self.loss,
                    var_list=tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='linear')),
            ]
            self.train_op = tf.group(*train_ops)


def main(args):
    train_dataset = build_model_input(args.train_file, args.batch_size, args.num_epochs)
    iterator = tf.data.Iterator.from_structure(train_dataset.output_types, train_dataset.output_shapes)
    next_element = iterator.get_next()
    train_init_op = iterator.make_initializer(train_dataset)
    wide_column, deep_column = build_feature_columns()

    model = WDL(wide_column=wide_column, deep_column=deep_column,
                linear_learning_rate=args.linear_learning_rate,
                deep_learning_rate=args.deep_learning_rate,
                l2_reg=args.l2_reg, inputs=next_element)

    with tf.train.MonitoredTrainingSession(checkpoint_dir=args.checkpoint) as sess:
        sess.run(train_init_op)
        for step in range(args.steps):
            _, loss = sess.run([model.train_op, model.loss])
            if step % 100 == 0:
                print('step %d, loss = %.4f' % (step, loss))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_file', type=str, default='./data/train.csv')
    parser.add_argument('--batch_size', type=int, default=512)
    parser.add_argument('--num_epochs', type=int, default=1)
    parser.add_argument('--steps', type=int, default=10000)
    parser.add_argument('--linear_learning_rate', type=float, default=0.2)
    parser.add_argument('--deep_learning_rate', type=float, default=0.01)
    parser.add_argument('--l2_reg', type=float, default=1e-5)
    parser.add_argument('--checkpoint', type=str, default='./result')
    main(parser.parse_args())
