# Idiom seen in: ChenglongChen/tensorflow-DeepFM DeepFM.py
# What it reproduces: a sklearn-style TF1 CTR model class (fit/predict, its own graph and session) whose weights
#   live in a dict built by _initialize_weights. The loss is tf.losses.log_loss and, when l2_reg > 0, the
#   result of calling tf.contrib.layers.l2_regularizer(l2_reg) on the deep kernels and on the final projection
#   is added to self.loss by hand; the optimizer is picked by name and minimizes self.loss.
# label-note: clean. The regularizer object is called directly and its terms are added to the minimized loss
#   (no collection involved); only weight matrices are penalized (biases, embeddings and batch-norm
#   parameters are not); no optimizer has a weight decay of its own.
import numpy as np
import tensorflow as tf
from tensorflow.contrib.layers.python.layers import batch_norm


class DeepFM(object):
    def __init__(self, feature_size, field_size, embedding_size=8, deep_layers=(32, 32),
                 dropout_deep=(0.5, 0.5, 0.5), learning_rate=0.001, optimizer_type="adam",
                 batch_norm=0, batch_norm_decay=0.995, l2_reg=0.0, random_seed=2016):
        self.feature_size, self.field_size = feature_size, field_size
        self.embedding_size, self.deep_layers = embedding_size, list(deep_layers)
        self.dropout_deep = list(dropout_deep)
        self.learning_rate, self.optimizer_type = learning_rate, optimizer_type
        self.batch_norm, self.batch_norm_decay = batch_norm, batch_norm_decay
        self.l2_reg = l2_reg
        self.random_seed = random_seed
        self._init_graph()

    def _init_graph(self):
        self.graph = tf.Graph()
        with self.graph.as_default():
            tf.set_random_seed(self.random_seed)
            self.feat_index = tf.placeholder(tf.int32, shape=[None, None], name="feat_index")
            self.feat_value = tf.placeholder(tf.float32, shape=[None, None], name="feat_value")
            self.label = tf.placeholder(tf.float32, shape=[None, 1], name="label")
            self.dropout_keep_deep = tf.placeholder(tf.float32, shape=[None], name="dropout_keep_deep")
            self.train_phase = tf.placeholder(tf.bool, name="train_phase")
            self.weights = self._initialize_weights()

            emb = tf.nn.embedding_lookup(self.weights["feature_embeddings"], self.feat_index)
            emb = tf.multiply(emb, tf.reshape(self.feat_value, [-1, self.field_size, 1]))
            first = tf.reduce_sum(tf.nn.embedding_lookup(self.weights["feature_bias"], self.feat_index), 2)
            summed = tf.reduce_sum(emb, 1)
            second = 0.5 * tf.subtract(tf.square(summed), tf.reduce_sum(tf.square(emb), 1))

            y_deep = tf.reshape(emb, [-1, self.field_size * self.embedding_size])
            y_deep = tf.nn.dropout(y_deep, self.dropout_keep_deep[0])
            for i in range(len(self.deep_layers)):
                y_deep = tf.matmul(y_deep, self.weights["layer_%d" % i]) + self.weights["bias_%d" % i]
                if self.batch_norm:
                    y_deep = batch_norm(y_deep, decay=self.batch_norm_decay, is_training=self.train_phase,
                                        updates_collections=None, scope="bn_%d" % i)
                y_deep = tf.nn.dropout(tf.nn.relu(y_deep), self.dropout_keep_deep[1 + i])

            concat = tf.concat([first, second, y_deep], axis=1)
            self.out = tf.nn.sigmoid(tf.matmul(concat, self.weights["concat_projection"])
                                     + self.weights["concat_bias"])
            self.loss = tf.losses.log_loss(self.label, self.out)
            if self.l2_reg > 0:
                self.loss += tf.contrib.layers.l2_regularizer(self.l2_reg)(self.weights["concat_projection"])
                for i in range(len(self.deep_layers)):
                    self.loss += tf.contrib.layers.l2_regularizer(self.l2_reg)(self.weights["layer_%d" % i])

            if self.optimizer_type == "adam":
                self.optimizer = tf.train.AdamOptimizer(self.learning_rate, beta1=0.9, beta2=0.999,
                                                        epsilon=1e-8).minimize(self.loss)
            else:
                self.optimizer = tf.train.GradientDescentOptimizer(self.learning_rate).minimize(self.loss)
            self.sess = tf.Session(graph=self.graph)
            self.sess.run(tf.global_variables_initializer())

    def _initialize_weights(self):
        w = {"feature_embeddings": tf.Variable(
                 tf.random_normal([self.feature_size, self.embedding_size], 0.0, 0.01)),
             "feature_bias": tf.Variable(tf.random_uniform([self.feature_size, 1], 0.0, 1.0))}
        sizes = [self.field_size * self.embedding_size] + self.deep_layers
        for i in range(len(self.deep_layers)):
            glorot = np.sqrt(2.0 / (sizes[i] + sizes[i + 1]))
            w["layer_%d" % i] = tf.Variable(np.random.normal(0, glorot, (sizes[i], sizes[i + 1])),
                                            dtype=np.float32)
            w["bias_%d" % i] = tf.Variable(np.random.normal(0, glorot, (1, sizes[i + 1])), dtype=np.float32)
        in_size = self.field_size + self.embedding_size + self.deep_layers[-1]
        w["concat_projection"] = tf.Variable(
            np.random.normal(0, np.sqrt(2.0 / (in_size + 1)), (in_size, 1)), dtype=np.float32)
        w["concat_bias"] = tf.Variable(tf.constant(0.01), dtype=np.float32)
        return w

    def fit_on_batch(self, Xi, Xv, y):
        return self.sess.run((self.loss, self.optimizer), feed_dict={
            self.feat_index: Xi, self.feat_value: Xv, self.label: y,
            self.dropout_keep_deep: self.dropout_deep, self.train_phase: True})[0]
