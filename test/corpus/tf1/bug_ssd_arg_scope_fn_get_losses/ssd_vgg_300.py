# Idiom seen in: balancap/SSD-Tensorflow nets/ssd_vgg_300.py
# What it reproduces: the net module builds its slim arg_scope in a function (ssd_arg_scope, returned by
#   SSDNet.arg_scope) that gives every slim.conv2d a weights_regularizer; the training script enters it
#   elsewhere and never reads REGULARIZATION_LOSSES (see train_ssd_network.py).
import tensorflow as tf

slim = tf.contrib.slim


def ssd_arg_scope(weight_decay=0.0005, data_format='NHWC'):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        weights_initializer=tf.contrib.layers.xavier_initializer(),
                        biases_initializer=tf.zeros_initializer()):
        with slim.arg_scope([slim.conv2d, slim.max_pool2d],
                            padding='SAME',
                            data_format=data_format) as sc:
            return sc


def ssd_net(inputs, num_classes=21, anchors_per_layer=(4, 6, 6, 6, 4, 4), is_training=True, scope='ssd_300_vgg'):
    end_points = {}
    with tf.variable_scope(scope, 'ssd_300_vgg', [inputs]):
        net = slim.repeat(inputs, 2, slim.conv2d, 64, [3, 3], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.repeat(net, 3, slim.conv2d, 256, [3, 3], scope='conv3')
        net = slim.max_pool2d(net, [2, 2], scope='pool3')
        net = slim.repeat(net, 3, slim.conv2d, 512, [3, 3], scope='conv4')
        end_points['block4'] = net
        net = slim.max_pool2d(net, [2, 2], scope='pool4')
        net = slim.repeat(net, 3, slim.conv2d, 512, [3, 3], scope='conv5')
        net = slim.conv2d(net, 1024, [3, 3], rate=6, scope='conv6')
        net = slim.conv2d(net, 1024, [1, 1], scope='conv7')
        end_points['block7'] = net
        net = slim.conv2d(net, 256, [1, 1], scope='conv8_1x1')
        net = slim.conv2d(net, 512, [3, 3], stride=2, scope='conv8_3x3')
        end_points['block8'] = net

        logits, localisations = [], []
        for i, layer in enumerate(['block4', 'block7', 'block8']):
            with tf.variable_scope(layer + '_box'):
                num_anchors = anchors_per_layer[i]
                loc_pred = slim.conv2d(end_points[layer], num_anchors * 4, [3, 3], activation_fn=None, scope='conv_loc')
                cls_pred = slim.conv2d(end_points[layer], num_anchors * num_classes, [3, 3], activation_fn=None,
                                       scope='conv_cls')
            logits.append(tf.reshape(cls_pred, [tf.shape(cls_pred)[0], -1, num_classes]))
            localisations.append(tf.reshape(loc_pred, [tf.shape(loc_pred)[0], -1, 4]))
        predictions = [slim.softmax(l) for l in logits]
    return predictions, localisations, logits, end_points


def ssd_losses(logits, localisations, gclasses, glocalisations, gscores,
               match_threshold=0.5, negative_ratio=3., alpha=1., scope=None):
    with tf.name_scope(scope, 'ssd_losses'):
        logits = tf.concat(logits, axis=1)
        localisations = tf.concat(localisations, axis=1)
        gclasses = tf.concat(gclasses, axis=1)
        glocalisations = tf.concat(glocalisations, axis=1)
        gscores = tf.concat(gscores, axis=1)
        pmask = tf.cast(gscores > match_threshold, tf.float32)
        n_positives = tf.reduce_sum(pmask)
        xent = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=gclasses)
        tf.losses.compute_weighted_loss(xent, pmask / tf.maximum(n_positives, 1.0))
        loc = tf.reduce_sum(tf.abs(localisations - glocalisations), axis=-1)
        tf.losses.compute_weighted_loss(loc, alpha * pmask / tf.maximum(n_positives, 1.0))


class SSDNet(object):
    def __init__(self, num_classes=21):
        self.num_classes = num_classes

    def arg_scope(self, weight_decay=0.0005, data_format='NHWC'):
        return ssd_arg_scope(weight_decay, data_format=data_format)

    def net(self, inputs, is_training=True, scope='ssd_300_vgg'):
        return ssd_net(inputs, num_classes=self.num_classes, is_training=is_training, scope=scope)

    def losses(self, logits, localisations, gclasses, glocalisations, gscores, **kwargs):
        return ssd_losses(logits, localisations, gclasses, glocalisations, gscores, **kwargs)
