# Idiom seen in: ikhlestov/vision_networks models/dense_net.py
# What it reproduces: DenseNet class builds l2_loss = add_n(l2_loss(var) for trainable vars) and minimizes
#   cross_entropy + l2_loss * self.weight_decay with Nesterov momentum (clean: the penalty is in the loss).
import tensorflow as tf


class DenseNet:
    def __init__(self, data_provider, growth_rate, depth, total_blocks, keep_prob,
                 weight_decay, nesterov_momentum, reduction=1.0, **kwargs):
        self.data_provider = data_provider
        self.data_shape = data_provider.data_shape
        self.n_classes = data_provider.n_classes
        self.growth_rate = growth_rate
        self.first_output_features = growth_rate * 2
        self.total_blocks = total_blocks
        self.layers_per_block = (depth - (total_blocks + 1)) // total_blocks
        self.reduction = reduction
        self.keep_prob = keep_prob
        self.weight_decay = weight_decay
        self.nesterov_momentum = nesterov_momentum
        self._define_inputs()
        self._build_graph()
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def _define_inputs(self):
        self.images = tf.placeholder(tf.float32, shape=[None] + list(self.data_shape), name='input_images')
        self.labels = tf.placeholder(tf.float32, shape=[None, self.n_classes], name='labels')
        self.learning_rate = tf.placeholder(tf.float32, shape=[], name='learning_rate')
        self.is_training = tf.placeholder(tf.bool, shape=[])

    def composite_function(self, _input, out_features, kernel_size=3):
        with tf.variable_scope("composite_function"):
            output = tf.contrib.layers.batch_norm(_input, scale=True, is_training=self.is_training,
                                                  updates_collections=None)
            output = tf.nn.relu(output)
            kernel = tf.get_variable('kernel', [kernel_size, kernel_size, int(output.get_shape()[-1]), out_features],
                                     initializer=tf.contrib.layers.variance_scaling_initializer())
            output = tf.nn.conv2d(output, kernel, [1, 1, 1, 1], 'SAME')
        return output

    def _build_graph(self):
        with tf.variable_scope("Initial_convolution"):
            kernel = tf.get_variable('kernel', [3, 3, self.data_shape[-1], self.first_output_features],
                                     initializer=tf.contrib.layers.variance_scaling_initializer())
            output = tf.nn.conv2d(self.images, kernel, [1, 1, 1, 1], 'SAME')
        for block in range(self.total_blocks):
            with tf.variable_scope("Block_%d" % block):
                for layer in range(self.layers_per_block):
                    with tf.variable_scope("layer_%d" % layer):
                        comp_out = self.composite_function(output, out_features=self.growth_rate)
                        output = tf.concat(axis=3, values=(output, comp_out))
        with tf.variable_scope("Transition_to_classes"):
            output = tf.reduce_mean(tf.nn.relu(output), axis=[1, 2])
            W = tf.get_variable('W', [int(output.get_shape()[-1]), self.n_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            bias = tf.get_variable('bias', initializer=tf.constant(0.0, shape=[self.n_classes]))
            logits = tf.matmul(output, W) + bias

        cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(
            logits=logits, labels=self.labels))
        self.cross_entropy = cross_entropy
        l2_loss = tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()])

        optimizer = tf.train.MomentumOptimizer(self.learning_rate, self.nesterov_momentum, use_nesterov=True)
        self.train_step = optimizer.minimize(cross_entropy + l2_loss * self.weight_decay)

        correct_prediction = tf.equal(tf.argmax(tf.nn.softmax(logits), 1), tf.argmax(self.labels, 1))
        self.accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

    def train_one_epoch(self, data, batch_size, learning_rate):
        for i in range(data.num_examples // batch_size):
            images, labels = data.next_batch(batch_size)
            feed_dict = {self.images: images, self.labels: labels,
                         self.learning_rate: learning_rate, self.is_training: True}
            _, loss, accuracy = self.sess.run([self.train_step, self.cross_entropy, self.accuracy],
                                              feed_dict=feed_dict)
        return loss, accuracy
