# Idiom seen in: haesemeyer/GradientPrediction core.py
# Idiom seen in: haesemeyer/GradientPrediction mo_types.py
# What it reproduces: network model class with a convolution layer (no decay) and hidden layers created
#   with self.w_decay; the class keeps its losses in its own collection self.loss_key so that two models
#   can share a graph. Realistic mistake (the real repo uses the default key everywhere): the key is
#   passed to get_loss but not to create_weight_var, so the decay terms are never summed.
import tensorflow as tf
from core import create_weight_var, create_bias_var, create_conv2d, get_loss, create_train_step


class ThermalNavModel:
    def __init__(self, name, n_units=64, n_layers=3, n_conv=40, hist_steps=20, loss_key="thermonav_losses"):
        self.name = name
        self.w_decay = 1e-4
        self.keep_train = 0.5
        self.n_units = n_units
        self.n_layers = n_layers
        self.n_conv = n_conv
        self.hist_steps = hist_steps
        self.loss_key = loss_key
        self._graph = tf.Graph()

    def _create_hidden_layer(self, index, prev_out, n_units):
        w = create_weight_var("WEIGHT_m_%d" % index, [prev_out.shape[1].value, n_units], self.w_decay)
        b = create_bias_var("BIAS_m_%d" % index, [n_units])
        return tf.nn.relu(tf.matmul(prev_out, w) + b, "HIDDEN_m_%d" % index)

    def setup(self):
        with self._graph.as_default():
            self._x_in = tf.placeholder(tf.float32, [None, 3, self.hist_steps, 1], "x_in")
            self._y_ = tf.placeholder(tf.float32, [None, 4], "y_")
            self._keep_prob = tf.placeholder(tf.float32, name="keep_prob")
            w_conv = create_weight_var("WEIGHT_conv", [3, self.hist_steps, 1, self.n_conv])
            b_conv = create_bias_var("BIAS_conv", [self.n_conv])
            h = tf.nn.relu(create_conv2d("CONV", self._x_in, w_conv) + b_conv)
            last = tf.reshape(h, [-1, self.n_conv])
            for i in range(self.n_layers):
                last = tf.nn.dropout(self._create_hidden_layer(i, last, self.n_units), self._keep_prob)
            w_out = create_weight_var("WEIGHT_out", [self.n_units, 4])
            b_out = create_bias_var("BIAS_out", [4])
            self._m_out = tf.add(tf.matmul(last, w_out), b_out, name="m_out")
            self._total_loss, self._sq_loss = get_loss(self._y_, self._m_out, self.loss_key)
            self._train_step = create_train_step(self._total_loss)
            self._session = tf.Session()
            self._session.run(tf.global_variables_initializer())

    def train(self, xbatch, ybatch, keep=0.5):
        feed = {self._x_in: xbatch, self._y_: ybatch, self._keep_prob: keep}
        self._session.run(self._train_step, feed_dict=feed)

    def get_squared_loss(self, xbatch, ybatch):
        feed = {self._x_in: xbatch, self._y_: ybatch, self._keep_prob: 1.0}
        return self._session.run(self._sq_loss, feed_dict=feed)
