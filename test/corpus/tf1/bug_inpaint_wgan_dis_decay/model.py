# Idiom seen in: fengjiran/tensorflow_learning Inpainting/my_work/model.py
# What it reproduces: the context-encoder inpainting generator and WGAN critic, each layer pushing the L2 of
#   its kernel into a per-network collection ('weight_decay_gen' / 'weight_decay_dis'); the training
#   script below only sums the generator's collection (user mistake: the repository sums both).
import tensorflow as tf


class Conv2dLayer(object):
    def __init__(self, inputs, filter_shape, activation=tf.identity, padding='SAME', stride=1, name=None):
        with tf.variable_scope(name):
            self.w = tf.get_variable('w', shape=filter_shape,
                                     initializer=tf.contrib.layers.xavier_initializer())
            self.b = tf.get_variable('b', shape=filter_shape[-1], initializer=tf.constant_initializer(0.))
            out = tf.nn.conv2d(inputs, self.w, [1, stride, stride, 1], padding=padding)
            self.output = activation(tf.nn.bias_add(out, self.b))


class DeconvLayer(object):
    def __init__(self, inputs, filter_shape, output_shape, activation=tf.identity, stride=2, name=None):
        with tf.variable_scope(name):
            self.w = tf.get_variable('w', shape=filter_shape,
                                     initializer=tf.contrib.layers.xavier_initializer())
            self.b = tf.get_variable('b', shape=filter_shape[-2], initializer=tf.constant_initializer(0.))
            out = tf.nn.conv2d_transpose(inputs, self.w, output_shape, [1, stride, stride, 1])
            self.output = activation(tf.nn.bias_add(out, self.b))


class FCLayer(object):
    def __init__(self, inputs, output_size, name, activation=tf.identity):
        shape = inputs.get_shape().as_list()
        dim = shape[1] * shape[2] * shape[3]
        flat = tf.reshape(inputs, [-1, dim])
        with tf.variable_scope(name):
            self.w = tf.get_variable('w', shape=[dim, output_size],
                                     initializer=tf.contrib.layers.xavier_initializer())
            self.b = tf.get_variable('b', shape=[output_size], initializer=tf.constant_initializer(0.))
            self.output = activation(tf.nn.bias_add(tf.matmul(flat, self.w), self.b))


def reconstruction(images, is_training):
    batch_size = images.get_shape().as_list()[0]
    with tf.variable_scope('generator'):
        net = images
        encoder = [(3, 64), (64, 64), (64, 128), (128, 256), (256, 512)]
        for i, (cin, cout) in enumerate(encoder):
            conv = Conv2dLayer(net, [3, 3, cin, cout], stride=2, name='conv%d' % (i + 1))
            net = tf.nn.elu(tf.layers.batch_normalization(conv.output, training=is_training))
            tf.add_to_collection('gen_params_conv', conv.w)
            tf.add_to_collection('gen_params_conv', conv.b)
            tf.add_to_collection('weight_decay_gen', tf.nn.l2_loss(conv.w))

        size = 8
        decoder = [(512, 256), (256, 128), (128, 64)]
        for i, (cin, cout) in enumerate(decoder):
            size *= 2
            deconv = DeconvLayer(net, [3, 3, cout, cin], [batch_size, size, size, cout],
                                 name='deconv%d' % (3 - i))
            net = tf.nn.elu(tf.layers.batch_normalization(deconv.output, training=is_training))
            tf.add_to_collection('gen_params_conv', deconv.w)
            tf.add_to_collection('gen_params_conv', deconv.b)
            tf.add_to_collection('weight_decay_gen', tf.nn.l2_loss(deconv.w))

        recon = Conv2dLayer(net, [3, 3, 64, 3], activation=tf.nn.tanh, name='recon')
        tf.add_to_collection('gen_params_conv', recon.w)
        tf.add_to_collection('gen_params_conv', recon.b)
        tf.add_to_collection('weight_decay_gen', tf.nn.l2_loss(recon.w))
    return recon.output


def discriminator_without_bn(images, reuse=None):
    with tf.variable_scope('discriminator', reuse=reuse):
        conv1 = Conv2dLayer(images, [3, 3, 3, 64], stride=2, name='conv1')
        h1 = tf.nn.leaky_relu(conv1.output)
        tf.add_to_collection('dis_params_conv', conv1.w)
        tf.add_to_collection('dis_params_conv', conv1.b)
        tf.add_to_collection('weight_decay_dis', tf.nn.l2_loss(conv1.w))  # expect: WD101

        conv2 = Conv2dLayer(h1, [3, 3, 64, 128], stride=2, name='conv2')
        h2 = tf.nn.leaky_relu(conv2.output)
        tf.add_to_collection('dis_params_conv', conv2.w)
        tf.add_to_collection('dis_params_conv', conv2.b)
        tf.add_to_collection('weight_decay_dis', tf.nn.l2_loss(conv2.w))  # expect: WD101

        conv3 = Conv2dLayer(h2, [3, 3, 128, 256], stride=2, name='conv3')
        h3 = tf.nn.leaky_relu(conv3.output)
        tf.add_to_collection('dis_params_conv', conv3.w)
        tf.add_to_collection('dis_params_conv', conv3.b)
        tf.add_to_collection('weight_decay_dis', tf.nn.l2_loss(conv3.w))  # expect: WD101

        fc = FCLayer(h3, output_size=1, name='output')
        tf.add_to_collection('dis_params_conv', fc.w)
        tf.add_to_collection('dis_params_conv', fc.b)
        tf.add_to_collection('weight_decay_dis', tf.nn.l2_loss(fc.w))  # expect: WD101
    return fc.output[:, 0]
