# Idiom seen in: princewen/tensorflow_practice recommendation/Basic-DeepFM-model/DeepFM.py
# Idiom seen in: princewen/tensorflow_practice recommendation/Basic-DeepFM-model/main.py
# What it reproduces: sklearn-style DeepFM class with weights in a dict and
#   tf.contrib.layers.l2_regularizer(self.l2_reg)(w) terms added to self.loss. Realistic mistake (the real
#   repo writes self.loss += ... in the loop too): the per-layer term is assigned to deep_reg and never
#   added, so only concat_projection is regularized.
import numpy as np
import tensorflow as tf
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.metrics import roc_auc_score
from DataReader import FeatureDictionary, DataParser


class DeepFM(BaseEstimator, TransformerMixin):
    def __init__(self, feature_size, field_size, embedding_size=8, deep_layers=[32, 32],
                 epoch=10, batch_size=256, learning_rate=0.001, l2_reg=0.0, random_seed=2016):
        self.feature_size = feature_size
        self.field_size = field_size
        self.embedding_size = embedding_size
        self.deep_layers = deep_layers
        self.epoch = epoch
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.l2_reg = l2_reg
        self.random_seed = random_seed
        self._init_graph()

    def _initialize_weights(self):
        weights = dict()
        weights['feature_embeddings'] = tf.Variable(
            tf.random_normal([self.feature_size, self.embedding_size], 0.0, 0.01), name='feature_embeddings')
        weights['feature_bias'] = tf.Variable(tf.random_normal([self.feature_size, 1], 0.0, 1.0), name='feature_bias')
        input_size = self.field_size * self.embedding_size
        for i, units in enumerate(self.deep_layers):
            glorot = np.sqrt(2.0 / (input_size + units))
            weights['layer_%d' % i] = tf.Variable(np.random.normal(0, glorot, (input_size, units)), dtype=np.float32)
            weights['bias_%d' % i] = tf.Variable(np.random.normal(0, glorot, (1, units)), dtype=np.float32)
            input_size = units
        input_size = self.field_size + self.embedding_size + self.deep_layers[-1]
        weights['concat_projection'] = tf.Variable(
            np.random.normal(0, np.sqrt(2.0 / (input_size + 1)), (input_size, 1)), dtype=np.float32)
        weights['concat_bias'] = tf.Variable(tf.constant(0.01), dtype=np.float32)
        return weights

    def _init_graph(self):
        self.graph = tf.Graph()
        with self.graph.as_default():
            tf.set_random_seed(self.random_seed)
            self.feat_index = tf.placeholder(tf.int32, shape=[None, None], name='feat_index')
            self.feat_value = tf.placeholder(tf.float32, shape=[None, None], name='feat_value')
            self.label = tf.placeholder(tf.float32, shape=[None, 1], name='label')
            self.weights = self._initialize_weights()

            embeddings = tf.nn.embedding_lookup(self.weights['feature_embeddings'], self.feat_index)
            feat_value = tf.reshape(self.feat_value, shape=[-1, self.field_size, 1])
            embeddings = tf.multiply(embeddings, feat_value)
            y_first_order = tf.reduce_sum(tf.multiply(
                tf.nn.embedding_lookup(self.weights['feature_bias'], self.feat_index), feat_value), 2)
            summed = tf.reduce_sum(embeddings, 1)
            y_second_order = 0.5 * tf.subtract(tf.square(summed), tf.reduce_sum(tf.square(embeddings), 1))
            y_deep = tf.reshape(embeddings, shape=[-1, self.field_size * self.embedding_size])
            for i in range(len(self.deep_layers)):
                y_deep = tf.nn.relu(tf.add(tf.matmul(y_deep, self.weights["layer_%d" % i]),
                                           self.weights["bias_%d" % i]))
            concat_input = tf.concat([y_first_order, y_second_order, y_deep], axis=1)
            self.out = tf.nn.sigmoid(tf.add(tf.matmul(concat_input, self.weights['concat_projection']),
                                            self.weights['concat_bias']))
            self.loss = tf.losses.log_loss(self.label, self.out)
            # l2 regularization on weights
            if self.l2_reg > 0:
                self.loss += tf.contrib.layers.l2_regularizer(self.l2_reg)(self.weights["concat_projection"])
                for i in range(len(self.deep_layers)):
                    deep_reg = tf.contrib.layers.l2_regularizer(self.l2_reg)(self.weights["layer_%d" % i])  # expect: WD104

            self.optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate, beta1=0.9, beta2=0.999,
                                                    epsilon=1e-8).minimize(self.loss)
            self.sess = tf.Session()
            self.sess.run(tf.global_variables_initializer())

    def fit_on_batch(self, Xi, Xv, y):
        feed_dict = {self.feat_index: Xi, self.feat_value: Xv, self.label: y}
        loss, opt = self.sess.run([self.loss, self.optimizer], feed_dict=feed_dict)
        return loss

    def fit(self, Xi_train, Xv_train, y_train):
        for epoch in range(self.epoch):
            for i in range(len(y_train) // self.batch_size):
                s, e = i * self.batch_size, (i + 1) * self.batch_size
                self.fit_on_batch(Xi_train[s:e], Xv_train[s:e], [[y_] for y_ in y_train[s:e]])
            out = self.sess.run(self.out, {self.feat_index: Xi_train, self.feat_value: Xv_train})
            print("[%d] train-auc=%.4f" % (epoch + 1, roc_auc_score(y_train, out)))


if __name__ == '__main__':
    import pandas as pd
    dfTrain = pd.read_csv('data/train.csv')
    fd = FeatureDictionary(dfTrain=dfTrain, numeric_cols=['ps_reg_01', 'ps_reg_02', 'ps_car_12'],
                           ignore_cols=['id', 'target'])
    Xi_train, Xv_train, y_train = DataParser(feat_dict=fd).parse(df=dfTrain, has_label=True)
    dfm = DeepFM(feature_size=fd.feat_dim, field_size=len(Xi_train[0]), embedding_size=8,
                 deep_layers=[32, 32], epoch=30, batch_size=1024, learning_rate=0.001, l2_reg=0.01)
    dfm.fit(Xi_train, Xv_train, y_train)
