# Idiom seen in: CharlesShang/TFFRCNN lib/networks/network.py (make_var(..., regularizer=), self.l2_regularizer closure, build_loss)
# What it reproduces: a Caffe-style Network base class whose conv/fc weights get a hand-made L2 regularizer through
#   tf.get_variable(regularizer=...); build_loss adds tf.add_n(REGULARIZATION_LOSSES) to the detection loss. Clean.
import tensorflow as tf

from fast_rcnn.config import cfg

DEFAULT_PADDING = 'SAME'


def layer(op):
    def layer_decorated(self, *args, **kwargs):
        name = kwargs.setdefault('name', self.get_unique_name(op.__name__))
        layer_input = self.inputs[0] if len(self.inputs) == 1 else list(self.inputs)
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
        self.inputs = [self.layers[a] if isinstance(a, str) else a for a in args]
        return self

    def get_output(self, name):
        return self.layers[name]

    def get_unique_name(self, prefix):
        idx = sum(t.startswith(prefix) for t in self.layers) + 1
        return '%s_%d' % (prefix, idx)

    def make_var(self, name, shape, initializer=None, trainable=True, regularizer=None):
        return tf.get_variable(name, shape, initializer=initializer, trainable=trainable,
                               regularizer=regularizer)

    def l2_regularizer(self, weight_decay=0.0005, scope=None):
        def regularizer(tensor):
            with tf.name_scope(scope, default_name='l2_regularizer', values=[tensor]):
                l2_weight = tf.convert_to_tensor(weight_decay, dtype=tensor.dtype.base_dtype,
                                                 name='weight_decay')
                return tf.multiply(l2_weight, tf.nn.l2_loss(tensor), name='value')
        return regularizer

    @layer
    def conv(self, input, k_h, k_w, c_o, s_h, s_w, name, relu=True, padding=DEFAULT_PADDING, trainable=True):
        c_i = input.get_shape()[-1]
        with tf.variable_scope(name):
            init_weights = tf.truncated_normal_initializer(0.0, stddev=0.01)
            kernel = self.make_var('weights', [k_h, k_w, c_i, c_o], init_weights, trainable,
                                   regularizer=self.l2_regularizer(cfg.TRAIN.WEIGHT_DECAY))
            biases = self.make_var('biases', [c_o], tf.constant_initializer(0.0), trainable)
            out = tf.nn.bias_add(tf.nn.conv2d(input, kernel, [1, s_h, s_w, 1], padding=padding), biases)
            return tf.nn.relu(out) if relu else out

    @layer
    def fc(self, input, num_out, name, relu=True, trainable=True):
        with tf.variable_scope(name):
            shape = input.get_shape()
            dim = 1
            for d in shape[1:].as_list():
                dim *= d
            feed_in = tf.reshape(input, [-1, dim])
            std = 0.001 if name == 'bbox_pred' else 0.01
            weights = self.make_var('weights', [dim, num_out], tf.truncated_normal_initializer(0.0, stddev=std),
                                    trainable, regularizer=self.l2_regularizer(cfg.TRAIN.WEIGHT_DECAY))
            biases = self.make_var('biases', [num_out], tf.constant_initializer(0.0), trainable)
            op = tf.nn.relu_layer if relu else tf.nn.xw_plus_b
            return op(feed_in, weights, biases)

    def smooth_l1_dist(self, deltas, sigma2=9.0):
        deltas_abs = tf.abs(deltas)
        sign = tf.cast(tf.less(deltas_abs, 1.0 / sigma2), tf.float32)
        return tf.square(deltas) * 0.5 * sigma2 * sign + (deltas_abs - 0.5 / sigma2) * tf.abs(sign - 1)

    def build_loss(self):
        cls_score = self.get_output('cls_score')
        label = tf.reshape(self.get_output('labels'), [-1])
        cross_entropy = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(logits=cls_score, labels=label))
        bbox_pred = self.get_output('bbox_pred')
        bbox_targets = self.get_output('bbox_targets')
        loss_box = tf.reduce_mean(tf.reduce_sum(self.smooth_l1_dist(bbox_pred - bbox_targets), axis=[1]))

        loss = cross_entropy + loss_box
        # add regularizer
        if cfg.TRAIN.WEIGHT_DECAY > 0:
            regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
            loss = tf.add_n(regularization_losses) + loss
        return loss, cross_entropy, loss_box


class VGGnetTrain(Network):
    def __init__(self, num_classes, trainable=True):
        self.data = tf.placeholder(tf.float32, shape=[None, None, None, 3])
        self.gt_labels = tf.placeholder(tf.int32, shape=[None])
        self.gt_targets = tf.placeholder(tf.float32, shape=[None, num_classes * 4])
        self.num_classes = num_classes
        super(VGGnetTrain, self).__init__({'data': self.data, 'labels': self.gt_labels,
                                           'bbox_targets': self.gt_targets}, trainable)

    def setup(self):
        (self.feed('data')
             .conv(3, 3, 64, 2, 2, name='conv1_1', trainable=False)
             .conv(3, 3, 128, 2, 2, name='conv2_1')
             .fc(1024, name='fc6')
             .fc(self.num_classes, relu=False, name='cls_score'))
        (self.feed('fc6')
             .fc(self.num_classes * 4, relu=False, name='bbox_pred'))
