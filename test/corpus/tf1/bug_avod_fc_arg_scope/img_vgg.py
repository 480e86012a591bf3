# Idiom seen in: kujason/avod avod/core/feature_extractors/img_vgg.py
# What it reproduces: VGG arg_scope returned by a method and entered in build(); its weights_regularizer
#   fills REGULARIZATION_LOSSES, which the trainer never adds to the loss (real bug).
import tensorflow as tf

slim = tf.contrib.slim


class ImgVgg(object):

    def __init__(self, extractor_config):
        self.config = extractor_config

    def vgg_arg_scope(self, weight_decay=0.0005):
        """Defines the VGG arg scope."""
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            activation_fn=tf.nn.relu,
                            weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                            biases_initializer=tf.zeros_initializer()):
            with slim.arg_scope([slim.conv2d], padding='SAME') as arg_sc:
                return arg_sc

    def build(self, inputs, input_pixel_size, is_training, scope='img_vgg'):
        vgg_config = self.config
        with slim.arg_scope(self.vgg_arg_scope(
                weight_decay=vgg_config['l2_weight_decay'])):
            with tf.variable_scope(scope, 'img_vgg', [inputs]):
                net = inputs
                for idx, key in enumerate(['vgg_conv1', 'vgg_conv2', 'vgg_conv3', 'vgg_conv4']):
                    repeats, depth = vgg_config[key]
                    net = slim.repeat(net, repeats, slim.conv2d, depth, [3, 3],
                                      normalizer_fn=slim.batch_norm,
                                      normalizer_params={'is_training': is_training},
                                      scope='conv%d' % (idx + 1))
                    if idx < 3:
                        net = slim.max_pool2d(net, [2, 2], scope='pool%d' % (idx + 1))

                with tf.variable_scope('upsampling'):
                    downsampled_shape = input_pixel_size / 8
                    upsampled_shape = downsampled_shape * vgg_config['upsampling_multiplier']
                    feature_maps_out = tf.image.resize_bilinear(net, upsampled_shape)
        return feature_maps_out
