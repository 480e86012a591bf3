# Idiom seen in: formigone/tensorflow-speech-recognition-challenge models/simple_cnn.py
# What it reproduces: realistic user mistake in the repo's model_fn idiom: the regularization loss is summed
#   and reported through EstimatorSpec(loss=...) and a summary, but train_op minimizes the bare MSE, so the
#   L2 on the dense kernels never trains (WD105 on the sum only).
import tensorflow as tf

import input_data

tf.app.flags.DEFINE_string('model_dir', 'checkpoints/simple_dnn_l2', 'Model directory.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'Learning rate.')
FLAGS = tf.app.flags.FLAGS


def model_fn(features, labels, mode, params):
    reg = tf.contrib.layers.l2_regularizer(params['l2_scale'])
    l1 = tf.layers.dense(features['x'], 512, activation=tf.nn.relu, kernel_regularizer=reg, name='dense_1')
    l2 = tf.layers.dense(l1, 512, activation=tf.nn.relu, kernel_regularizer=reg, name='dense_2')
    output_layer = tf.layers.dense(l2, 1, name='output_layer')
    predictions = tf.reshape(output_layer, [-1], name='predictions')

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'predictions': predictions})

    loss = tf.losses.mean_squared_error(labels, predictions)
    reg_loss = tf.losses.get_regularization_loss()  # expect: WD105
    total_loss = tf.add(loss, reg_loss, name='total_loss')
    tf.summary.scalar('reg_loss', reg_loss)

    optimizer = tf.train.GradientDescentOptimizer(learning_rate=params['learning_rate'])
    train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def main(_):
    estimator = tf.estimator.Estimator(
        model_fn=model_fn, model_dir=FLAGS.model_dir,
        params={'learning_rate': FLAGS.learning_rate, 'l2_scale': 5e-4})
    estimator.train(input_fn=input_data.train_input_fn, steps=20000)


if __name__ == '__main__':
    tf.app.run()
