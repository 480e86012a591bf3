# Idiom seen in: biyaa/yolov2_tensorflow nets/yolov2.py
# Idiom seen in: biyaa/yolov2_tensorflow yolov2_train.py
# What it reproduces: slim.arg_scope(weights_regularizer=slim.l2_regularizer(5e-4)) inside per-layer conv helpers
# and a regularized BatchNorm 'scales' model_variable; the training script minimizes its own YOLO region loss and
# never reads REGULARIZATION_LOSSES, so every regularizer is dead (the real repository's bug).
import tensorflow as tf

slim = tf.contrib.slim

ALPHA = 0.1
WEIGHT_DECAY = 0.0005
DATA_FORMAT_NHWC = 'NHWC'


def leaky_relu(inputs):
    return tf.maximum(inputs, ALPHA * inputs)


def scale_bias(inputs, scope='BatchNorm'):
    with tf.variable_scope(scope + '/BatchNorm'):
        num_features = inputs.get_shape()[-1].value
        scales = slim.model_variable('scales',
                                     shape=[num_features],
                                     initializer=tf.truncated_normal_initializer(stddev=0.1),
                                     regularizer=slim.l2_regularizer(0.05),  # expect: WD102
                                     device='/CPU:0')
        return tf.multiply(inputs, scales)


def conv2d(inputs, filters, kernel_size, stride, scope):
    # darknet conv: conv -> batch norm (no scale) -> scale -> bias -> leaky relu
    with slim.arg_scope([slim.conv2d],
                        activation_fn=None,
                        normalizer_fn=slim.batch_norm,
                        normalizer_params={'decay': 0.0005},
                        weights_initializer=tf.truncated_normal_initializer(0.0, 0.01),
                        weights_regularizer=slim.l2_regularizer(WEIGHT_DECAY)):  # expect: WD102
        net = slim.conv2d(inputs, filters, kernel_size, stride, padding='SAME', scope=scope)
        net = scale_bias(net, scope=scope)
        net = slim.bias_add(net, scope=scope)
        return leaky_relu(net)


def conv2d_linear(inputs, filters, kernel_size, stride, scope):
    with slim.arg_scope([slim.conv2d],
                        activation_fn=None,
                        normalizer_fn=None,
                        weights_initializer=tf.truncated_normal_initializer(0.0, 0.01),
                        weights_regularizer=slim.l2_regularizer(WEIGHT_DECAY),  # expect: WD102
                        biases_initializer=tf.truncated_normal_initializer(0.0, 0.01),
                        biases_regularizer=slim.l2_regularizer(WEIGHT_DECAY)):  # expect: WD102
        return slim.conv2d(inputs, filters, kernel_size, stride, padding='SAME', scope=scope)


def yolo_net(inputs, num_anchors=5, num_classes=80):
    net = conv2d(inputs, 32, [3, 3], 1, scope='conv0')
    net = slim.max_pool2d(net, [2, 2], scope='pool1')
    net = conv2d(net, 64, [3, 3], 1, scope='conv2')
    net = slim.max_pool2d(net, [2, 2], scope='pool3')
    net = conv2d(net, 128, [3, 3], 1, scope='conv4')
    net = conv2d(net, 64, [1, 1], 1, scope='conv5')
    net = conv2d(net, 128, [3, 3], 1, scope='conv6')
    net = slim.max_pool2d(net, [2, 2], scope='pool7')
    net = conv2d(net, 256, [3, 3], 1, scope='conv8')
    net = conv2d(net, 128, [1, 1], 1, scope='conv9')
    net = conv2d(net, 256, [3, 3], 1, scope='conv10')
    net = slim.max_pool2d(net, [2, 2], scope='pool11')
    net = conv2d(net, 512, [3, 3], 1, scope='conv12')
    net = conv2d(net, 256, [1, 1], 1, scope='conv13')
    net = conv2d(net, 512, [3, 3], 1, scope='conv14')
    net = slim.max_pool2d(net, [2, 2], scope='pool15')
    net = conv2d(net, 1024, [3, 3], 1, scope='conv16')
    net = conv2d(net, 1024, [3, 3], 1, scope='conv17')
    out = conv2d_linear(net, num_anchors * (5 + num_classes), [1, 1], 1, scope='conv18')
    return out
