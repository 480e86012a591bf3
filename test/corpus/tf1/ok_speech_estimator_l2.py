# Idiom seen in: formigone/tensorflow-speech-recognition-challenge models/simple_cnn.py
# What it reproduces: an Estimator model_fn of stacked tf.layers.dense layers with an L2 kernel_regularizer
#   from params; the loss handed to minimize() is the MSE plus tf.losses.get_regularization_loss().
#   Clean: the regularization losses are in the optimized loss.
import tensorflow as tf

import input_data

tf.app.flags.DEFINE_string('model_dir', 'checkpoints/simple_dnn', 'Model directory.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'Learning rate.')
tf.app.flags.DEFINE_float('l2_scale', 1e-4, 'L2 scale of the dense kernels.')
FLAGS = tf.app.flags.FLAGS


def model_fn(features, labels, mode, params):
    print('params: {0}'.format(params))
    reg = tf.contrib.layers.l2_regularizer(params['l2_scale'])

    l1 = tf.layers.dense(features['x'], 1000, activation=tf.nn.relu, kernel_regularizer=reg, name='dense_1')
    l2 = tf.layers.dense(l1, 1000, activation=tf.nn.relu, kernel_regularizer=reg, name='dense_2')
    l3 = tf.layers.dense(l2, 1000, activation=tf.nn.relu, kernel_regularizer=reg, name='dense_3')
    output_layer = tf.layers.dense(l3, 1, name='output_layer')
    predictions = tf.reshape(output_layer, [-1], name='predictions')

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'predictions': predictions})

    mse = tf.losses.mean_squared_error(labels, predictions)
    loss = mse + tf.losses.get_regularization_loss()
    optimizer = tf.train.GradientDescentOptimizer(learning_rate=params['learning_rate'])
    train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
    eval_metric_ops = {
        'rmse': tf.metrics.root_mean_squared_error(tf.cast(labels, tf.float32), predictions)
    }
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op,
                                      eval_metric_ops=eval_metric_ops)


def main(_):
    params = {'learning_rate': FLAGS.learning_rate, 'l2_scale': FLAGS.l2_scale}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=input_data.train_input_fn, steps=20000)
    print(estimator.evaluate(input_fn=input_data.eval_input_fn))


if __name__ == '__main__':
    tf.app.run()
