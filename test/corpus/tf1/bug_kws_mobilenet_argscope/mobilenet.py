# Idiom seen in: ace19-dev/tensorflow-speech-recognition-challenge simple_audio_recognition/mobilenet.py
# What it reproduces: a slim MobileNet for spectrogram keyword spotting and its mobilenet_arg_scope, whose
#   weights_regularizer fills REGULARIZATION_LOSSES; the training script enters the scope with a non-zero
#   weight decay but minimizes the bare cross entropy (user mistake: the repo defines the scope but never
#   enters it).
import tensorflow as tf
import tensorflow.contrib.slim as slim


def mobilenet(inputs, num_classes=12, is_training=True, width_multiplier=1, scope='MobileNet'):
    def _depthwise_separable_conv(inputs, num_pwc_filters, sc, downsample=False):
        num_pwc_filters = round(num_pwc_filters * width_multiplier)
        stride = 2 if downsample else 1
        depthwise_conv = slim.separable_convolution2d(inputs, num_outputs=None, stride=stride,
                                                      depth_multiplier=1, kernel_size=[3, 3],
                                                      scope=sc + '/depthwise_conv')
        bn = slim.batch_norm(depthwise_conv, scope=sc + '/dw_batch_norm')
        pointwise_conv = slim.convolution2d(bn, num_pwc_filters, kernel_size=[1, 1],
                                            scope=sc + '/pointwise_conv')
        return slim.batch_norm(pointwise_conv, scope=sc + '/pw_batch_norm')

    with tf.variable_scope(scope):
        with slim.arg_scope([slim.convolution2d, slim.separable_convolution2d], activation_fn=None):
            with slim.arg_scope([slim.batch_norm], is_training=is_training, activation_fn=tf.nn.relu,
                                fused=True):
                net = slim.convolution2d(inputs, round(32 * width_multiplier), [3, 3], stride=2,
                                         padding='SAME', scope='conv_1')
                net = slim.batch_norm(net, scope='conv_1/batch_norm')
                net = _depthwise_separable_conv(net, 64, sc='conv_ds_2')
                net = _depthwise_separable_conv(net, 128, downsample=True, sc='conv_ds_3')
                net = _depthwise_separable_conv(net, 128, sc='conv_ds_4')
                net = _depthwise_separable_conv(net, 256, downsample=True, sc='conv_ds_5')
                net = _depthwise_separable_conv(net, 256, sc='conv_ds_6')
                net = _depthwise_separable_conv(net, 512, downsample=True, sc='conv_ds_7')
                net = tf.reduce_mean(net, axis=[1, 2], name='global_pool')
        logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc_16')
    return logits


def mobilenet_arg_scope(weight_decay=0.0):
    """Defines the default mobilenet argument scope."""
    with slim.arg_scope(
            [slim.convolution2d, slim.separable_convolution2d],
            weights_initializer=slim.initializers.xavier_initializer(),
            biases_initializer=slim.init_ops.zeros_initializer(),
            weights_regularizer=slim.l2_regularizer(weight_decay)) as sc:  # expect: WD102
        return sc
