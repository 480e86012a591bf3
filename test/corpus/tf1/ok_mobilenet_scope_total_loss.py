# Idiom seen in: ctuning/ck-tensorflow script/install-package-tensorflowmodel-mobilenet-py/mobilenet_v1.py
# What it reproduces: mobilenet_v1_arg_scope(weight_decay) returned by a function and entered in the training
# script (tf.app.run + flags); the loss is tf.losses.get_total_loss(), which adds the regularization losses,
# and that is what RMSProp minimizes: clean.
import tensorflow as tf

from preprocessing import imagenet_batches

slim = tf.contrib.slim

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'L2 on conv weights')
tf.app.flags.DEFINE_float('learning_rate', 0.045, 'initial lr')
tf.app.flags.DEFINE_integer('batch_size', 96, 'batch size')
tf.app.flags.DEFINE_string('train_dir', '/tmp/mobilenet_train', 'logdir')


def mobilenet_v1_arg_scope(is_training=True, weight_decay=0.00004, stddev=0.09,
                           regularize_depthwise=False):
    batch_norm_params = {'is_training': is_training, 'center': True, 'scale': True,
                         'decay': 0.9997, 'epsilon': 0.001}
    regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    depthwise_regularizer = regularizer if regularize_depthwise else None
    with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                        weights_initializer=tf.truncated_normal_initializer(stddev=stddev),
                        activation_fn=tf.nn.relu6, normalizer_fn=slim.batch_norm):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.conv2d], weights_regularizer=regularizer):
                with slim.arg_scope([slim.separable_conv2d],
                                    weights_regularizer=depthwise_regularizer) as sc:
                    return sc


def mobilenet_v1(inputs, num_classes=1001):
    net = slim.conv2d(inputs, 32, [3, 3], stride=2, scope='Conv2d_0')
    for i, (depth, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2), (1024, 2)]):
        net = slim.separable_conv2d(net, None, [3, 3], depth_multiplier=1, stride=stride,
                                    scope='Conv2d_%d_depthwise' % (i + 1))
        net = slim.conv2d(net, depth, [1, 1], scope='Conv2d_%d_pointwise' % (i + 1))
    net = tf.reduce_mean(net, [1, 2], keepdims=True)
    logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None, scope='Logits')
    return tf.squeeze(logits, [1, 2])


def main(_):
    with tf.Graph().as_default():
        images, labels = imagenet_batches(FLAGS.batch_size)
        with slim.arg_scope(mobilenet_v1_arg_scope(weight_decay=FLAGS.weight_decay)):
            logits = mobilenet_v1(images)
        tf.losses.softmax_cross_entropy(tf.one_hot(labels, 1001), logits, label_smoothing=0.1)
        total_loss = tf.losses.get_total_loss()
        global_step = tf.train.get_or_create_global_step()
        optimizer = tf.train.RMSPropOptimizer(FLAGS.learning_rate, decay=0.9, momentum=0.9, epsilon=1.0)
        train_op = slim.learning.create_train_op(total_loss, optimizer, global_step=global_step)
        slim.learning.train(train_op, FLAGS.train_dir, number_of_steps=300000)


if __name__ == '__main__':
    tf.app.run()
