# Idiom seen in: sp-ananth/struct_seg_thoracic_OAR code/unet.py
# What it reproduces: a residual U-Net with deep supervision for thoracic organ-at-risk CT segmentation; slim
# arg_scope puts l2_regularizer on every conv kernel and bias; the losses are collected in train_utils.py.
# Clean: the regularization collection is summed into the minimized loss.
import tensorflow as tf

slim = tf.contrib.slim


class UNet(object):

    def __init__(self, n_classes=1, reuse=False, is_training=True, config_residual=True,
                 config_supervision=True, weight_decay=0.00005):
        self.n_classes = n_classes
        self.reuse = reuse
        self.is_training = is_training
        self.config_residual = config_residual
        self.config_supervision = config_supervision
        self.weight_decay = weight_decay

    def _contract(self, net, units, scope, keep_prob=1.0):
        with tf.variable_scope(scope):
            net = slim.conv2d(net, units, 2, stride=2, padding='VALID', scope='conv_reduce')
            shortcut = slim.conv2d(net, units, 3, scope='conv_B_1')
            net = slim.conv2d(net, units, 3, scope='conv_A_1')
            net = slim.conv2d(net, units, 3, scope='conv_A_2')
            net = slim.dropout(net, keep_prob=keep_prob, scope='dropout')
            if self.config_residual:
                net += shortcut
            return net

    def _expand(self, net, connection, units, scope, keep_prob=0.8):
        with tf.variable_scope(scope):
            net = slim.conv2d_transpose(net, units, 2, stride=2, padding='VALID', scope='conv_up')
            net = tf.concat([connection, net], 3)
            shortcut = slim.conv2d(net, units, 3, scope='conv_B_1')
            net = slim.conv2d(net, units, 3, scope='conv_A_1')
            net = slim.conv2d(net, units, 3, scope='conv_A_2')
            net = slim.dropout(net, keep_prob=keep_prob, scope='dropout')
            if self.config_residual:
                net += shortcut
            aux = slim.conv2d(net, self.n_classes, 1, activation_fn=None, normalizer_fn=None, scope='conv_end')
            return net, aux

    def _build_network(self, batch_input):
        with tf.variable_scope('UNet', reuse=self.reuse):
            bn_params = {'decay': 0.9, 'epsilon': 0.001}
            with slim.arg_scope([slim.conv2d, slim.fully_connected],
                                weights_regularizer=slim.l2_regularizer(self.weight_decay),
                                biases_regularizer=slim.l2_regularizer(self.weight_decay)):
                with slim.arg_scope([slim.conv2d], activation_fn=tf.nn.relu, padding='SAME',
                                    normalizer_fn=slim.batch_norm, normalizer_params=bn_params):
                    with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=self.is_training):
                        feats = slim.conv2d(batch_input, 16, 3, scope='input_layer/conv_A_1')
                        feats = slim.conv2d(feats, 16, 3, scope='input_layer/conv_A_2')
                        down_1 = self._contract(feats, 32, 'down_block_1')
                        down_2 = self._contract(down_1, 64, 'down_block_2')
                        down_3 = self._contract(down_2, 128, 'down_block_3')
                        vertex = self._contract(down_3, 256, 'down_block_4')
                        up_3, aux_3 = self._expand(vertex, down_3, 128, 'up_block_4')
                        up_2, aux_2 = self._expand(up_3, down_2, 64, 'up_block_3')
                        up_1, aux_1 = self._expand(up_2, down_1, 32, 'up_block_2')
                        out, aux_0 = self._expand(up_1, feats, 16, 'up_block_1')
                        self.final_logits = slim.conv2d(out, self.n_classes, 1, activation_fn=None,
                                                        normalizer_fn=None, scope='output_layer/conv_end')
                        size = [batch_input.shape[1], batch_input.shape[2]]
                        self.aux_ops = [tf.image.resize_nearest_neighbor(a, size) for a in (aux_3, aux_2, aux_1, aux_0)]

    def get_prediction(self, batch_input):
        self._build_network(batch_input)
        if self.config_supervision:
            return self.final_logits, self.aux_ops
        return self.final_logits, None
