# Idiom seen in: jiny2001/dcscn-super-resolution DCSCN.py (build_conv keeps self.Weights / self.Biases lists;
#   build_optimizer adds l2_decay * add_n(l2_loss(w) for w in self.Weights) to image_loss; add_optimizer_op)
# What it reproduces: a super-resolution network class that records every conv kernel in self.Weights and every
#   bias in a separate self.Biases list. The decay term is built from self.Weights only and added to the image
#   loss, and that sum is what the optimizer (Adam by default, gradient clipping optional) minimizes.
# label-note: clean. Only kernels are decayed (biases and the optional batch-norm parameters are in no decay
#   list); the decay reaches the minimized loss; Adam/momentum have no weight decay of their own.
import tensorflow as tf


class SuperResolution:
    def __init__(self, flags, model_name=""):
        self.name = model_name
        self.scale, self.layers = flags.scale, flags.layers
        self.filters, self.min_filters = flags.filters, flags.min_filters
        self.weight_dev, self.batch_norm = flags.weight_dev, flags.batch_norm
        self.l2_decay = flags.l2_decay
        self.optimizer, self.momentum = flags.optimizer, flags.momentum
        self.clipping_norm = flags.clipping_norm
        self.lr = flags.initial_lr
        self.Weights, self.Biases = [], []

    def build_conv(self, name, x, cnn_size, in_ch, out_ch, use_bias=True, activator=True):
        with tf.variable_scope(name):
            w = tf.get_variable("conv_W", [cnn_size, cnn_size, in_ch, out_ch],
                                initializer=tf.variance_scaling_initializer(self.weight_dev))
            h = tf.nn.conv2d(x, w, strides=[1, 1, 1, 1], padding="SAME")
            self.Weights.append(w)
            if use_bias:
                b = tf.get_variable("conv_B", [out_ch], initializer=tf.zeros_initializer())
                h = tf.nn.bias_add(h, b)
                self.Biases.append(b)
            if self.batch_norm:
                h = tf.layers.batch_normalization(h, training=self.is_training)
            return tf.nn.leaky_relu(h, 0.1) if activator else h

    def build_graph(self):
        self.x = tf.placeholder(tf.float32, [None, None, None, 1], name="x")
        self.x2 = tf.placeholder(tf.float32, [None, None, None, 1], name="x2")  # bicubic
        self.is_training = tf.placeholder(tf.bool, [], name="is_training")
        h, in_ch, features = self.x, 1, []
        for i in range(self.layers):
            out_ch = int(self.filters - (self.filters - self.min_filters) * i / max(self.layers - 1, 1))
            h = self.build_conv("CNN%d" % (i + 1), h, 3, in_ch, out_ch)
            features.append(h)
            in_ch = out_ch
        h = tf.concat(features, 3)
        h = self.build_conv("Up-PS", h, 3, int(h.shape[-1]), self.scale * self.scale)
        h = tf.depth_to_space(h, self.scale)
        self.y_ = self.build_conv("R-CNN0", h, 3, 1, 1, use_bias=False, activator=False) + self.x2

    def build_optimizer(self):
        self.lr_input = tf.placeholder(tf.float32, shape=[], name="LearningRate")
        self.y = tf.placeholder(tf.float32, [None, None, None, 1], name="y")
        self.image_loss = tf.reduce_mean(tf.square(self.y_ - self.y), name="mse")
        if self.l2_decay > 0:
            l2_norm_losses = [tf.nn.l2_loss(w) for w in self.Weights]
            l2_norm_loss = self.l2_decay * tf.add_n(l2_norm_losses)
            self.loss = self.image_loss + l2_norm_loss
        else:
            self.loss = self.image_loss
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            self.training_optimizer = self.add_optimizer_op(self.loss, self.lr_input)

    def add_optimizer_op(self, loss, lr_input):
        if self.optimizer == "gd":
            optimizer = tf.train.GradientDescentOptimizer(lr_input)
        elif self.optimizer == "momentum":
            optimizer = tf.train.MomentumOptimizer(lr_input, self.momentum)
        else:
            optimizer = tf.train.AdamOptimizer(lr_input, beta1=0.1, beta2=0.999, epsilon=1e-8)
        if self.clipping_norm > 0:
            trainables = tf.trainable_variables()
            grads, _ = tf.clip_by_global_norm(tf.gradients(loss, trainables), self.clipping_norm)
            return optimizer.apply_gradients(zip(grads, trainables))
        return optimizer.minimize(loss)
