# Idiom seen in: hyperconnect/TC-ResNet audio_nets/tc_resnet.py
# What it reproduces: a slim arg_scope built by a function (TCResNet_arg_scope) gives every conv/fc layer
#   weights_regularizer=slim.l2_regularizer(weight_decay); nothing in the repo ever reads REGULARIZATION_LOSSES
#   (build_loss adds its own hand-written L2 instead), so the regularizer terms are dead (as in the repo).
import tensorflow as tf

slim = tf.contrib.slim


def tc_resnet(inputs, num_classes, n_blocks, n_channels, scope="TCResNet"):
    endpoints = {}
    # [batch, time, mfcc] -> [batch, time, 1, mfcc]: the MFCC bins become channels (temporal convolution)
    net = tf.expand_dims(inputs, axis=2)
    with tf.variable_scope(scope):
        net = slim.conv2d(net, n_channels[0], kernel_size=[3, 1], scope="conv0")
        for i in range(n_blocks):
            stride = 2
            shortcut = slim.conv2d(net, n_channels[i + 1], kernel_size=1, stride=stride,
                                   scope="block%d/shortcut" % i)
            net = slim.conv2d(net, n_channels[i + 1], kernel_size=[9, 1], stride=stride,
                              scope="block%d/conv1" % i)
            net = slim.conv2d(net, n_channels[i + 1], kernel_size=[9, 1], activation_fn=None,
                              scope="block%d/conv2" % i)
            net = tf.nn.relu(net + shortcut)
            endpoints["block%d" % i] = net
        net = tf.reduce_mean(net, axis=[1, 2], keepdims=True)
        net = slim.dropout(net)
        logits = slim.conv2d(net, num_classes, 1, activation_fn=None, normalizer_fn=None, scope="fc")
        logits = tf.reshape(logits, shape=(-1, logits.shape[3]))
    return logits, endpoints


def TCResNet8(inputs, num_classes, width_multiplier=1.0, scope="TCResNet8"):
    n_blocks = 3
    n_channels = [int(c * width_multiplier) for c in [16, 24, 32, 48]]
    return tc_resnet(inputs, num_classes, n_blocks, n_channels, scope=scope)


def TCResNet_arg_scope(is_training, weight_decay=0.001, keep_prob=0.5):
    batch_norm_params = {"is_training": is_training, "center": True, "scale": True,
                         "decay": 0.997, "fused": True}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_initializer=slim.initializers.xavier_initializer(),
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        activation_fn=tf.nn.relu,
                        biases_initializer=None,
                        normalizer_fn=slim.batch_norm,
                        padding="SAME"):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.dropout], keep_prob=keep_prob, is_training=is_training) as scope:
                return scope
