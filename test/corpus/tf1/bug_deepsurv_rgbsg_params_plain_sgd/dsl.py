# Idiom seen in: liupei101/TFDeepSurv tfdeepsurv/dsl.py
# Idiom seen in: arturomoncadatorres/deepsurvk examples/02_treatment_recommendation.py
# What it reproduces: a TF1 DeepSurv (Breslow loss + apply_regularization(l1_l2_regularizer(L1, L2)))
#   trained with plain GradientDescentOptimizer; the user copied the RGBSG hyper-parameters of the
#   paper (lr 0.154, L2 6.551, tuned for Nesterov/Nadam): lr * L2 = 1.009 >= 1, decay flips the weights.
import tensorflow as tf


class dsnn(object):
    """Deep Survival Neural Network."""

    def __init__(self, input_nodes, hidden_layers_nodes, config={}):
        self.input_nodes = input_nodes
        self.hidden_layers_nodes = hidden_layers_nodes
        assert hidden_layers_nodes[-1] == 1
        self.config = config
        tf.compat.v1.reset_default_graph()
        tf.compat.v1.set_random_seed(config["seed"])
        self.global_step = tf.compat.v1.get_variable('global_step', initializer=tf.constant(0),
                                                     trainable=False)
        self.keep_prob = tf.compat.v1.placeholder(tf.float32)
        self.X = tf.compat.v1.placeholder(tf.float32, [None, input_nodes], name='X-Input')
        self.Y = tf.compat.v1.placeholder(tf.float32, [None, 1], name='Y-Input')

    def _create_fc_layer(self, x, output_dim, scope):
        with tf.compat.v1.variable_scope(scope, reuse=tf.compat.v1.AUTO_REUSE):
            w = tf.compat.v1.get_variable('weights', [x.shape[1], output_dim],
                                          initializer=tf.truncated_normal_initializer(stddev=0.1))
            b = tf.compat.v1.get_variable('biases', [output_dim],
                                          initializer=tf.constant_initializer(0.0))
            tf.compat.v1.add_to_collection("var_weight", w)
            tf.compat.v1.add_to_collection("var_bias", b)
            layer_out = tf.nn.dropout(tf.matmul(x, w) + b, rate=1.0 - self.keep_prob)
            if self.config['activation'] == 'relu':
                layer_out = tf.nn.relu(layer_out)
            elif self.config['activation'] == 'tanh':
                layer_out = tf.nn.tanh(layer_out)
            return layer_out

    def _create_network(self):
        with tf.name_scope("hidden_layers"):
            cur_x = self.X
            for i, num_nodes in enumerate(self.hidden_layers_nodes):
                cur_x = self._create_fc_layer(cur_x, num_nodes, "layer" + str(i + 1))
            self.Y_hat = cur_x

    def _create_loss(self):
        with tf.name_scope("loss"):
            Y_c = tf.squeeze(self.Y)
            Y_hat_c = tf.squeeze(self.Y_hat)
            Y_label_T = tf.abs(Y_c)
            Y_label_E = tf.cast(tf.greater(Y_c, 0), dtype=tf.float32)
            Obs = tf.reduce_sum(Y_label_E)
            Y_hat_cumsum = tf.math.log(tf.cumsum(tf.exp(Y_hat_c)))
            unique_values, segment_ids = tf.unique(Y_label_T)
            loss_s2_v = tf.math.segment_max(Y_hat_cumsum, segment_ids)
            loss_s2_count = tf.math.segment_sum(Y_label_E, segment_ids)
            loss_s2 = tf.reduce_sum(tf.multiply(loss_s2_v, loss_s2_count))
            loss_s1 = tf.reduce_sum(tf.multiply(Y_hat_c, Y_label_E))
            loss_breslow = tf.divide(tf.subtract(loss_s2, loss_s1), Obs)
            # Compute Regularization Term Loss
            reg_item = tf.contrib.layers.l1_l2_regularizer(self.config["L1_reg"],
                                                           self.config["L2_reg"])
            loss_reg = tf.contrib.layers.apply_regularization(
                reg_item, tf.compat.v1.get_collection("var_weight"))
            self.loss = tf.add(loss_breslow, loss_reg)

    def _create_optimizer(self):
        if self.config["optimizer"] == 'sgd':
            lr = tf.compat.v1.train.exponential_decay(self.config["learning_rate"],
                                                      self.global_step, 1,
                                                      self.config["learning_rate_decay"])
            self.optimizer = tf.compat.v1.train.GradientDescentOptimizer(lr).minimize(
                self.loss, global_step=self.global_step)
        elif self.config["optimizer"] == 'adam':
            self.optimizer = tf.compat.v1.train.AdamOptimizer(
                self.config["learning_rate"]).minimize(self.loss, global_step=self.global_step)
        else:
            raise NotImplementedError('Optimizer not recognized')

    def build_graph(self):
        self._create_network()
        self._create_loss()
        self._create_optimizer()
        self.sess = tf.compat.v1.Session()

    def train(self, data_X, data_y, num_steps, num_skip_steps=1):
        self.sess.run(tf.compat.v1.global_variables_initializer())
        for step in range(num_steps):
            _, loss_value = self.sess.run([self.optimizer, self.loss],
                                          feed_dict={self.X: data_X, self.Y: data_y,
                                                     self.keep_prob: self.config["dropout_keep_prob"]})
            if step % num_skip_steps == 0:
                print("step {}: loss {:.4f}".format(step, loss_value))
