# Idiom seen in: Ace1928/eidosian_forge archive_forge/code/func__no_op_train_fn.py
# What it reproduces: a custom model_fn delegating to a canned head: the dense layers carry L2 kernel
#   regularizers and head.create_estimator_spec(..., regularization_losses=tf.losses.get_regularization_losses())
#   adds them to the loss train_op_fn minimizes. Clean.
import tensorflow as tf

import census_data

tf.app.flags.DEFINE_string('model_dir', '/tmp/census_head', 'Model directory.')
FLAGS = tf.app.flags.FLAGS


def model_fn(features, labels, mode, params):
    head = tf.contrib.estimator.binary_classification_head()
    net = tf.feature_column.input_layer(features, params['feature_columns'])
    reg = tf.contrib.layers.l2_regularizer(params['l2_scale'])
    for units in params['hidden_units']:
        net = tf.layers.dense(net, units, activation=tf.nn.relu, kernel_regularizer=reg)
    logits = tf.layers.dense(net, head.logits_dimension, kernel_regularizer=reg)

    optimizer = tf.train.AdagradOptimizer(learning_rate=params['learning_rate'])

    def _train_op_fn(loss):
        return optimizer.minimize(loss, global_step=tf.train.get_global_step())

    return head.create_estimator_spec(
        features=features, mode=mode, logits=logits, labels=labels,
        train_op_fn=_train_op_fn,
        regularization_losses=tf.losses.get_regularization_losses())


def main(_):
    estimator = tf.estimator.Estimator(
        model_fn=model_fn, model_dir=FLAGS.model_dir,
        params={'feature_columns': census_data.build_columns(), 'hidden_units': [100, 50],
                'learning_rate': 0.05, 'l2_scale': 1e-3})
    estimator.train(input_fn=census_data.train_input_fn, steps=10000)
    print(estimator.evaluate(input_fn=census_data.eval_input_fn))


if __name__ == '__main__':
    tf.app.run()
