# Idiom seen in: ilyakava/py3fst networks/spectrogram_networks.py
# What it reproduces: the wake-word network (prenet -> highway blocks -> bottleneck -> per-frame classifier) built
#   with tf.layers inside a variable_scope that is called twice (train / eval graphs). The repo has no
#   regularizer; the realistic mistake here: the user adds kernel_regularizer=l2(args.weight_decay) to the dense
#   layers while the Estimator model_fn keeps minimizing the bare cross entropy.
import tensorflow as tf

from networks.highway import highway_block


def amazon_net(x_dict, dropout, reuse, is_training, n_classes, args):
    spec_h = args.feature_height
    spec_w = args.network_example_length // args.hop_length
    hidden_units = 64
    bottleneck_size = hidden_units // 2
    regularizer = tf.contrib.layers.l2_regularizer(scale=args.weight_decay)

    with tf.variable_scope('amazon_net', reuse=reuse):
        x = tf.reshape(x_dict['spectrograms'], (-1, spec_h, spec_w))
        out = tf.transpose(x, [0, 2, 1])  # batch, time, depth

        # prenet
        out = tf.layers.dense(out, units=hidden_units * 2, activation=tf.nn.relu,
                              kernel_regularizer=regularizer)  # expect: WD102
        out = tf.layers.dropout(out, rate=dropout, training=is_training)
        out = tf.layers.dense(out, units=hidden_units, activation=tf.nn.relu,
                              kernel_regularizer=regularizer)  # expect: WD102
        out = tf.layers.dropout(out, rate=dropout, training=is_training)

        for i in range(4):
            out = highway_block(out, num_units=hidden_units, scope='highwaynet_featextractor_{}'.format(i))

        out = tf.layers.dense(out, units=bottleneck_size, activation=None, name="bottleneck",
                              kernel_regularizer=regularizer)  # expect: WD102
        out = tf.reshape(out, [-1, spec_w // 2, bottleneck_size * 2])

        for i in range(6):
            out = highway_block(out, num_units=hidden_units, scope='highwaynet_classifier_{}'.format(i))

        out = tf.layers.dense(out, n_classes)
    return out
