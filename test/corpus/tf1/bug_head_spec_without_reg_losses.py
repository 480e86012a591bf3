# Idiom seen in: veaba/tensorflow-docs docs/tf.estimator/Head.md (mirror of the tf.estimator.Head docstring in
#   tensorflow/estimator head/base_head.py: its "Common usage" model_fn returns head.create_estimator_spec(...)
#   without regularization_losses, an argument documented as "additional scalar losses to be added to the
#   training loss, such as regularization losses")
# What it reproduces: a multi-horizon load forecaster written as a custom model_fn around a contrib regression
#   head. The hidden tf.layers.dense layers carry kernel_regularizer=l2_regularizer(params['l2_scale']), but the
#   head computes its training loss from the labels and logits only: create_estimator_spec is not given
#   regularization_losses=..., and train_op_fn minimizes exactly the loss the head passes in.
# label-note: WD102 on the kernel_regularizer= line (the regularization losses are never retrieved: nothing
#   reads REGULARIZATION_LOSSES and the head does not either unless they are passed to it).
import tensorflow as tf

import sensor_windows  # sliding-window input_fn over the smart-meter CSVs (not part of this program)

flags = tf.app.flags
flags.DEFINE_string('train_csv', 'data/load_train.csv', 'Training CSV.')
flags.DEFINE_string('model_dir', '/tmp/load_forecaster', 'Checkpoint directory.')
flags.DEFINE_integer('window', 168, 'Hours of history per example.')
flags.DEFINE_integer('horizon', 24, 'Hours to forecast.')
flags.DEFINE_float('l2_scale', 1e-4, 'L2 scale of the hidden kernels.')
flags.DEFINE_float('learning_rate', 1e-3, 'Adam learning rate.')
flags.DEFINE_integer('train_steps', 50000, 'Training steps.')
FLAGS = flags.FLAGS


def model_fn(features, labels, mode, params):
    head = tf.contrib.estimator.regression_head(label_dimension=params['horizon'])
    net = tf.feature_column.input_layer(features, params['feature_columns'])
    for units in params['hidden_units']:
        net = tf.layers.dense(
            net, units, activation=tf.nn.relu,
            kernel_regularizer=tf.contrib.layers.l2_regularizer(params['l2_scale']))  # expect: WD102
        net = tf.layers.dropout(net, rate=0.1, training=(mode == tf.estimator.ModeKeys.TRAIN))
    logits = tf.layers.dense(net, head.logits_dimension, name='forecast')

    optimizer = tf.train.AdamOptimizer(params['learning_rate'])

    def _train_op_fn(loss):
        return optimizer.minimize(loss, global_step=tf.train.get_global_step())

    return head.create_estimator_spec(
        features=features, mode=mode, logits=logits, labels=labels, train_op_fn=_train_op_fn)


def main(_):
    feature_columns = [tf.feature_column.numeric_column('history', shape=[FLAGS.window]),
                       tf.feature_column.numeric_column('calendar', shape=[7 + 24])]
    estimator = tf.estimator.Estimator(
        model_fn=model_fn, model_dir=FLAGS.model_dir,
        params={'feature_columns': feature_columns, 'hidden_units': [256, 128, 64],
                'horizon': FLAGS.horizon, 'l2_scale': FLAGS.l2_scale,
                'learning_rate': FLAGS.learning_rate})
    estimator.train(
        input_fn=lambda: sensor_windows.input_fn(FLAGS.train_csv, FLAGS.window, FLAGS.horizon,
                                                 batch_size=256, shuffle=True),
        max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.app.run()
