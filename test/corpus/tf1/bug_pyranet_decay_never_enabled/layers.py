# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/variables.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/applications.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D train_3dpyranet.py
# What it reproduces: get_variable_with_decay(..., weight_decay=None) guarded by `if weight_decay:` feeds a "weight_decay"
#   collection that compute_loss sums into the loss; weight_decay is handed down the layer builders, but the only
#   outermost value is params.WEIGHT_DECAY = 0.0 (flag moved into a params module): the decay never runs (WD303).
import tensorflow as tf

from variables import ws3d_weight_initializer, ws3d_bias_initializer_like, get_variable_with_decay


def lrelu(x, alpha=0.01, name="lrelu"):
    with tf.name_scope(name):
        return tf.maximum(alpha * x, x, name=name)


def ws3d_layer(inputs, out_filters, rf=(3, 4, 4), act_fn=lrelu, initializer=None,
               weight_decay=None, name="weighted_sum_3d_layer"):
    with tf.variable_scope(name):
        _, d, h, w, c = map(int, inputs.shape)
        if not initializer:
            initializer = tf.truncated_normal_initializer()
        weights = ws3d_weight_initializer("weights", shape=(rf[0], h, w, c, out_filters),
                                          initializer=initializer, weight_decay=weight_decay)
        net = tf.nn.conv3d(inputs, weights, strides=(1, 1, 1, 1, 1), padding="VALID")
        bias = ws3d_bias_initializer_like("bias", net, initializer=tf.zeros_initializer())
        return act_fn(net + bias)


def fc_layer(inputs, weight_size, act_fn=None, weight_decay=None, name="fc"):
    with tf.variable_scope(name):
        flat = tf.layers.flatten(inputs)
        weights = get_variable_with_decay("weights", shape=(int(flat.shape[1]), weight_size),
                                          initializer=tf.glorot_uniform_initializer(),
                                          weight_decay=weight_decay)
        out = tf.matmul(flat, weights)
        return act_fn(out) if act_fn is not None else out


def strict_norm_net(inputs, feature_maps=3, act_fn=lrelu, weight_decay=None, name="STRICT_3DPYRANET"):
    with tf.name_scope(name):
        init = tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=True)
        net = ws3d_layer(inputs, feature_maps, name="L1WS", act_fn=act_fn,
                         weight_decay=weight_decay, initializer=init)
        net = tf.nn.max_pool3d(net, ksize=(1, 1, 2, 2, 1), strides=(1, 1, 2, 2, 1), padding="VALID")
        net = ws3d_layer(net, feature_maps, name="L5WS", act_fn=act_fn,
                         weight_decay=weight_decay, initializer=init)
        return net
