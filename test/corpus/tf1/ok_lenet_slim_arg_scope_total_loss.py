# Idiom seen in: zhongh3/cs5242-project le_net.py
# Idiom seen in: zhongh3/cs5242-project model_fn.py
# What it reproduces: the same slim LeNet + Estimator model_fn, written the way slim intends: one slim.arg_scope gives every
#   conv2d/fully_connected weights_regularizer=slim.l2_regularizer(wd) from params, the cross entropy goes through tf.losses and
#   the optimizer minimizes tf.losses.get_total_loss(), which adds REGULARIZATION_LOSSES: clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim

from load_data import train_input_fn, eval_input_fn

PARAMS = {'weight_decay': 5e-4, 'learning_rate': 1e-3, 'dropout': 0.25, 'num_classes': 2,
          'height': 64, 'width': 64}


def le_net(images, params, is_training):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.01),
                        weights_regularizer=slim.l2_regularizer(params['weight_decay'])):
        net = slim.conv2d(images, 6, [5, 5], padding='SAME', scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.conv2d(net, 16, [5, 5], scope='conv3')
        net = slim.max_pool2d(net, [2, 2], scope='pool4')
        net = slim.conv2d(net, 120, [5, 5], scope='conv5')
        net = slim.flatten(net, scope='flat6')
        net = slim.fully_connected(net, 84, scope='fc7')
        net = slim.dropout(net, 1.0 - params['dropout'], is_training=is_training, scope='dropout8')
        logits = slim.fully_connected(net, params['num_classes'], activation_fn=None, scope='fc9')
    return logits


def model_fn(features, labels, mode, params):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    images = tf.reshape(tf.cast(features['file'], tf.float32), [-1, params['height'], params['width'], 1])
    logits = le_net(images, params, is_training)
    pred_classes = tf.argmax(logits, axis=1)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'class': pred_classes,
                                                             'prob': tf.nn.softmax(logits)})

    tf.losses.sparse_softmax_cross_entropy(labels=tf.cast(labels, tf.int32), logits=logits)
    total_loss = tf.losses.get_total_loss()
    tf.summary.scalar('regularization_loss', tf.losses.get_regularization_loss())

    optimizer = tf.train.AdamOptimizer(learning_rate=params['learning_rate'])
    train_op = optimizer.minimize(total_loss, global_step=tf.train.get_global_step())
    acc_op = tf.metrics.accuracy(labels=labels, predictions=pred_classes)
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op,
                                      eval_metric_ops={'accuracy': acc_op})


def main(_):
    estimator = tf.estimator.Estimator(model_fn, model_dir='./checkpoints/lenet_slim', params=PARAMS)
    estimator.train(train_input_fn(batch_size=128), steps=4000)
    print(estimator.evaluate(eval_input_fn(batch_size=128)))


if __name__ == '__main__':
    tf.app.run()
