# Idiom seen in: eragonruan/text-detection-ctpn lib/networks/network.py
# Idiom seen in: eragonruan/text-detection-ctpn lib/fast_rcnn/train.py
# What it reproduces: make_var(..., regularizer=l2) fills REGULARIZATION_LOSSES, build_loss() returns
# total_loss = add_n(regularization) + model_loss first, and the solver clips tf.gradients(total_loss)
# as the repo does (clean).
import tensorflow as tf
from config import cfg

DEFAULT_PADDING = 'SAME'


def layer(op):
    def layer_decorated(self, *args, **kwargs):
        name = kwargs.setdefault('name', self.get_unique_name(op.__name__))
        if len(self.inputs) == 0:
            raise RuntimeError('No input variables found for layer %s.' % name)
        elif len(self.inputs) == 1:
            layer_input = self.inputs[0]
        else:
            layer_input = list(self.inputs)
        layer_output = op(self, layer_input, *args, **kwargs)
        self.layers[name] = layer_output
        self.feed(layer_output)
        return self
    return layer_decorated


class Network(object):
    def __init__(self, inputs, trainable=True):
        self.inputs = []
        self.layers = dict(inputs)
        self.trainable = trainable
        self.setup()

    def setup(self):
        raise NotImplementedError('Must be subclassed.')

    def feed(self, *args):
        self.inputs = []
        for layer_name in args:
            if isinstance(layer_name, str):
                layer_name = self.layers[layer_name]
            self.inputs.append(layer_name)
        return self

    def get_output(self, layer_name):
        return self.layers[layer_name]

    def get_unique_name(self, prefix):
        ident = sum(t.startswith(prefix) for t, _ in list(self.layers.items())) + 1
        return '%s_%d' % (prefix, ident)

    def make_var(self, name, shape, initializer=None, trainable=True,
                 regularizer=None):
        return tf.get_variable(name, shape, initializer=initializer,
                               trainable=trainable, regularizer=regularizer)

    def l2_regularizer(self, weight_decay=0.0005, scope=None):
        def regularizer(tensor):
            with tf.name_scope(scope, default_name='l2_regularizer',
                               values=[tensor]):
                l2_weight = tf.convert_to_tensor(
                    weight_decay, dtype=tensor.dtype.base_dtype,
                    name='weight_decay')
                return tf.multiply(l2_weight, tf.nn.l2_loss(tensor), name='value')
        return regularizer

    @layer
    def conv(self, input, k_h, k_w, c_o, s_h, s_w, name, relu=True,
             padding=DEFAULT_PADDING, trainable=True):
        c_i = input.get_shape()[-1]
        with tf.variable_scope(name) as scope:
            init_weights = tf.truncated_normal_initializer(0.0, stddev=0.01)
            init_biases = tf.constant_initializer(0.0)
            kernel = self.make_var('weights', [k_h, k_w, c_i, c_o], init_weights,
                                   trainable,
                                   regularizer=self.l2_regularizer(cfg.TRAIN.WEIGHT_DECAY))
            biases = self.make_var('biases', [c_o], init_biases, trainable)
            conv = tf.nn.conv2d(input, kernel, [1, s_h, s_w, 1], padding=padding)
            bias = tf.nn.bias_add(conv, biases)
            if relu:
                return tf.nn.relu(bias, name=scope.name)
            return bias

    @layer
    def lstm_fc(self, input, d_i, d_o, name, trainable=True):
        with tf.variable_scope(name):
            shape = tf.shape(input)
            N, H, W = shape[0], shape[1], shape[2]
            input = tf.reshape(input, [N * H * W, d_i])
            init_weights = tf.truncated_normal_initializer(0.0, stddev=0.01)
            init_biases = tf.constant_initializer(0.0)
            kernel = self.make_var('weights', [d_i, d_o], init_weights, trainable,
                                   regularizer=self.l2_regularizer(cfg.TRAIN.WEIGHT_DECAY))
            biases = self.make_var('biases', [d_o], init_biases, trainable)
            _O = tf.matmul(input, kernel) + biases
            return tf.reshape(_O, [N, H, W, int(d_o)])

    def smooth_l1_dist(self, deltas, sigma2=9.0, name='smooth_l1_dist'):
        with tf.name_scope(name=name):
            deltas_abs = tf.abs(deltas)
            smoothL1_sign = tf.cast(tf.less(deltas_abs, 1.0 / sigma2), tf.float32)
            return tf.square(deltas) * 0.5 * sigma2 * smoothL1_sign + \
                (deltas_abs - 0.5 / sigma2) * tf.abs(smoothL1_sign - 1)

    def build_loss(self, ohem=False):
        rpn_cls_score = tf.reshape(self.get_output('rpn_cls_score'), [-1, 2])
        rpn_label = tf.reshape(self.get_output('rpn-data')[0], [-1])
        fg_keep = tf.equal(rpn_label, 1)
        rpn_keep = tf.where(tf.not_equal(rpn_label, -1))
        rpn_cls_score = tf.gather(rpn_cls_score, rpn_keep)
        rpn_label = tf.gather(rpn_label, rpn_keep)
        rpn_cross_entropy_n = tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=rpn_label, logits=rpn_cls_score)

        rpn_bbox_pred = tf.gather(
            tf.reshape(self.get_output('rpn_bbox_pred'), [-1, 4]), rpn_keep)
        rpn_bbox_targets = tf.gather(
            tf.reshape(self.get_output('rpn-data')[1], [-1, 4]), rpn_keep)
        rpn_loss_box_n = tf.reduce_sum(
            self.smooth_l1_dist(rpn_bbox_pred - rpn_bbox_targets),
            reduction_indices=[1])
        rpn_loss_box = tf.reduce_sum(rpn_loss_box_n) / (
            tf.reduce_sum(tf.cast(fg_keep, tf.float32)) + 1)
        rpn_cross_entropy = tf.reduce_mean(rpn_cross_entropy_n)

        model_loss = rpn_cross_entropy + rpn_loss_box

        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        total_loss = tf.add_n(regularization_losses) + model_loss

        return total_loss, model_loss, rpn_cross_entropy, rpn_loss_box
