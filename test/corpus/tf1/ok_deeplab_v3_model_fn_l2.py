# Idiom seen in: rishizek/tensorflow-deeplab-v3 deeplab_model.py
# Idiom seen in: rishizek/tensorflow-deeplab-v3 train.py
# What it reproduces: Estimator model_fn that adds params['weight_decay'] * sum of l2_loss over the
#   trainable variables (minus BN beta/gamma when frozen) to the cross entropy and minimizes that total
#   with MomentumOptimizer on a poly schedule; lr*wd is tiny, and the decayed total is what is trained: clean.
import argparse
import sys

import tensorflow as tf
from tensorflow.contrib.slim.nets import resnet_v2
from tensorflow.contrib import layers as layers_lib

from utils import preprocessing

parser = argparse.ArgumentParser()
parser.add_argument('--model_dir', type=str, default='./model')
parser.add_argument('--train_epochs', type=int, default=26)
parser.add_argument('--batch_size', type=int, default=10)
parser.add_argument('--initial_learning_rate', type=float, default=7e-3)
parser.add_argument('--end_learning_rate', type=float, default=1e-6)
parser.add_argument('--max_iter', type=int, default=30000)
parser.add_argument('--weight_decay', type=float, default=2e-4)
parser.add_argument('--freeze_batch_norm', action='store_true')
parser.add_argument('--pre_trained_model', type=str, default='./ini_checkpoints/resnet_v2_101.ckpt')

_NUM_CLASSES = 21
_MOMENTUM = 0.9


def deeplab_v3_generator(num_classes, output_stride, pre_trained_model):
    def model(inputs, is_training):
        with tf.contrib.slim.arg_scope(resnet_v2.resnet_arg_scope(batch_norm_decay=0.9997)):
            _, end_points = resnet_v2.resnet_v2_101(inputs, num_classes=None, is_training=is_training,
                                                   global_pool=False, output_stride=output_stride)
        if is_training:
            variables_to_restore = tf.contrib.slim.get_variables_to_restore(
                exclude=['resnet_v2_101/logits', 'global_step'])
            tf.train.init_from_checkpoint(pre_trained_model,
                                          {v.name.split(':')[0]: v for v in variables_to_restore})
        net = end_points['resnet_v2_101/block4']
        with tf.variable_scope('upsampling_logits'):
            net = layers_lib.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None)
            return tf.image.resize_bilinear(net, tf.shape(inputs)[1:3])
    return model


def deeplabv3_model_fn(features, labels, mode, params):
    network = deeplab_v3_generator(params['num_classes'], 16, params['pre_trained_model'])
    logits = network(features, mode == tf.estimator.ModeKeys.TRAIN)
    pred_classes = tf.argmax(logits, axis=3, output_type=tf.int32)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'classes': pred_classes})

    labels = tf.squeeze(labels, axis=3)
    logits_flat = tf.reshape(logits, [-1, params['num_classes']])
    labels_flat = tf.reshape(labels, [-1])
    valid = tf.to_int32(labels_flat <= params['num_classes'] - 1)
    valid_logits = tf.dynamic_partition(logits_flat, valid, num_partitions=2)[1]
    valid_labels = tf.dynamic_partition(labels_flat, valid, num_partitions=2)[1]

    cross_entropy = tf.losses.sparse_softmax_cross_entropy(logits=valid_logits, labels=valid_labels)
    tf.summary.scalar('cross_entropy', cross_entropy)

    if not params['freeze_batch_norm']:
        train_var_list = [v for v in tf.trainable_variables()]
    else:
        train_var_list = [v for v in tf.trainable_variables()
                          if 'beta' not in v.name and 'gamma' not in v.name]

    with tf.variable_scope('total_loss'):
        loss = cross_entropy + params['weight_decay'] * tf.add_n(
            [tf.nn.l2_loss(v) for v in train_var_list])

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.polynomial_decay(
            params['initial_learning_rate'], tf.cast(global_step, tf.int32),
            params['max_iter'], params['end_learning_rate'], power=0.9)
        tf.summary.scalar('learning_rate', learning_rate)
        optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=_MOMENTUM)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(loss, global_step, var_list=train_var_list)

    metrics = {'px_accuracy': tf.metrics.accuracy(valid_labels, tf.argmax(valid_logits, axis=1))}
    return tf.estimator.EstimatorSpec(mode=mode, predictions={'classes': pred_classes},
                                      loss=loss, train_op=train_op, eval_metric_ops=metrics)


def main(unused_argv):
    model = tf.estimator.Estimator(
        model_fn=deeplabv3_model_fn,
        model_dir=FLAGS.model_dir,
        params={
            'num_classes': _NUM_CLASSES,
            'pre_trained_model': FLAGS.pre_trained_model,
            'freeze_batch_norm': FLAGS.freeze_batch_norm,
            'weight_decay': FLAGS.weight_decay,
            'initial_learning_rate': FLAGS.initial_learning_rate,
            'end_learning_rate': FLAGS.end_learning_rate,
            'max_iter': FLAGS.max_iter,
        })
    for _ in range(FLAGS.train_epochs):
        model.train(input_fn=lambda: preprocessing.input_fn(True, FLAGS.batch_size))


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(argv=[sys.argv[0]] + unparsed)
