# Idiom seen in: Zehaos/MobileNet nets/mobilenetdet.py
# Idiom seen in: Zehaos/MobileNet train_object_detector.py
# What it reproduces: the slim net puts L2 terms in REGULARIZATION_LOSSES and the script sums them into
# total_loss, but that total is only summarized; the optimizer differentiates the bare detection loss.
import tensorflow as tf

slim = tf.contrib.slim


def _depthwise_separable_conv(inputs, num_pwc_filters, width_multiplier, sc, downsample=False):
    num_pwc_filters = round(num_pwc_filters * width_multiplier)
    _stride = 2 if downsample else 1
    depthwise_conv = slim.separable_convolution2d(inputs, num_outputs=None, stride=_stride,
                                                  depth_multiplier=1, kernel_size=[3, 3],
                                                  scope=sc + '/depthwise_conv')
    bn = slim.batch_norm(depthwise_conv, scope=sc + '/dw_batch_norm')
    pointwise_conv = slim.convolution2d(bn, num_pwc_filters, kernel_size=[1, 1], scope=sc + '/pointwise_conv')
    return slim.batch_norm(pointwise_conv, scope=sc + '/pw_batch_norm')


def mobilenet(inputs, is_training=True, width_multiplier=1, weight_decay=0.0, scope='MobileNet'):
    end_points = {}
    with tf.variable_scope(scope):
        with slim.arg_scope([slim.convolution2d, slim.separable_convolution2d],
                            activation_fn=None,
                            weights_initializer=slim.initializers.xavier_initializer(),
                            biases_initializer=slim.init_ops.zeros_initializer(),
                            weights_regularizer=slim.l2_regularizer(weight_decay)):
            with slim.arg_scope([slim.batch_norm], is_training=is_training, activation_fn=tf.nn.relu):
                net = slim.convolution2d(inputs, round(32 * width_multiplier), [3, 3], stride=2,
                                         padding='SAME', scope='conv_1')
                net = slim.batch_norm(net, scope='conv_1/batch_norm')
                for i, (filters, down) in enumerate([(64, False), (128, True), (128, False), (256, True),
                                                     (256, False), (512, True), (512, False), (1024, True)]):
                    net = _depthwise_separable_conv(net, filters, width_multiplier,
                                                    sc='conv_ds_%d' % (i + 2), downsample=down)
                    end_points['conv_ds_%d' % (i + 2)] = net
    return net, end_points
