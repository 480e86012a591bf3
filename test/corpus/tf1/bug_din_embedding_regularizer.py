# Idiom seen in: zhougr1993/DeepInterestNetwork deepFM/model.py
# Idiom seen in: zhougr1993/DeepInterestNetwork deepFM/train.py
# What it reproduces: the DIN repo's DeepFM graph (embedding tables from tf.get_variable, BN + dense tower,
#   tf.gradients + clipped apply_gradients). The repo keeps an unused `regulation_rate`; here the user wires
#   it as an l2 regularizer on the embedding tables but the loss stays the bare sigmoid cross entropy,
#   so REGULARIZATION_LOSSES is never read (realistic user mistake).
import pickle
import random
import tensorflow as tf
from input import DataInput


class Model(object):

    def __init__(self, user_count, item_count, cate_count, cate_list):
        self.u = tf.placeholder(tf.int32, [None, ])
        self.i = tf.placeholder(tf.int32, [None, ])
        self.y = tf.placeholder(tf.float32, [None, ])
        self.hist_i = tf.placeholder(tf.int32, [None, None])
        self.sl = tf.placeholder(tf.int32, [None, ])
        self.lr = tf.placeholder(tf.float64, [])

        hidden_units = 128
        regulation_rate = 5e-5
        emb_reg = tf.contrib.layers.l2_regularizer(regulation_rate)

        item_emb_w = tf.get_variable("item_emb_w", [item_count, hidden_units // 2], regularizer=emb_reg)  # expect: WD102
        item_b = tf.get_variable("item_b", [item_count], initializer=tf.constant_initializer(0.0))
        cate_emb_w = tf.get_variable("cate_emb_w", [cate_count, hidden_units // 2], regularizer=emb_reg)  # expect: WD102
        cate_list = tf.convert_to_tensor(cate_list, dtype=tf.int64)

        ic = tf.gather(cate_list, self.i)
        i_emb = tf.concat([tf.nn.embedding_lookup(item_emb_w, self.i), tf.nn.embedding_lookup(cate_emb_w, ic)], axis=1)
        i_b = tf.gather(item_b, self.i)

        hc = tf.gather(cate_list, self.hist_i)
        h_emb = tf.concat([tf.nn.embedding_lookup(item_emb_w, self.hist_i), tf.nn.embedding_lookup(cate_emb_w, hc)], axis=2)
        mask = tf.expand_dims(tf.sequence_mask(self.sl, tf.shape(h_emb)[1], dtype=tf.float32), -1)
        hist = tf.reduce_sum(h_emb * mask, 1) / tf.cast(tf.expand_dims(self.sl, 1), tf.float32)
        hist = tf.layers.batch_normalization(inputs=hist)
        u_emb = tf.layers.dense(hist, hidden_units)

        din_i = tf.concat([u_emb, i_emb], axis=-1)
        din_i = tf.layers.batch_normalization(inputs=din_i, name='b1')
        d_layer_1_i = tf.layers.dense(din_i, 80, activation=tf.nn.sigmoid, name='f1')
        d_layer_2_i = tf.layers.dense(d_layer_1_i, 40, activation=tf.nn.sigmoid, name='f2')
        d_layer_3_i = tf.reshape(tf.layers.dense(d_layer_2_i, 1, activation=None, name='f3'), [-1])
        fm_i = tf.reduce_sum(u_emb * i_emb, axis=-1)
        self.logits = i_b + d_layer_3_i + fm_i

        self.global_step = tf.Variable(0, trainable=False, name='global_step')
        self.loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=self.logits, labels=self.y))

        trainable_params = tf.trainable_variables()
        self.opt = tf.train.AdamOptimizer(learning_rate=self.lr)
        gradients = tf.gradients(self.loss, trainable_params)
        clip_gradients, _ = tf.clip_by_global_norm(gradients, 5)
        self.train_op = self.opt.apply_gradients(zip(clip_gradients, trainable_params), global_step=self.global_step)

    def train(self, sess, uij, l):
        loss, _ = sess.run([self.loss, self.train_op], feed_dict={
            self.u: uij[0], self.i: uij[1], self.y: uij[2], self.hist_i: uij[3], self.sl: uij[4], self.lr: l})
        return loss


if __name__ == '__main__':
    with open('dataset.pkl', 'rb') as f:
        train_set = pickle.load(f)
        cate_list = pickle.load(f)
        user_count, item_count, cate_count = pickle.load(f)

    train_batch_size = 32
    with tf.Session() as sess:
        model = Model(user_count, item_count, cate_count, cate_list)
        sess.run(tf.global_variables_initializer())
        lr = 1.0
        for epoch in range(50):
            random.shuffle(train_set)
            loss_sum = 0.0
            for _, uij in DataInput(train_set, train_batch_size):
                loss_sum += model.train(sess, uij, lr)
            print('Epoch %d Train_loss: %.4f' % (epoch, loss_sum))
