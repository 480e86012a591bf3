# Idiom seen in: Jhy1993/HAN models/base_gattn.py
# Idiom seen in: Jhy1993/HAN ex_acm3025.py
# What it reproduces: heterogeneous graph attention network (node-level attention per meta-path, semantic-level
#   attention) trained with BaseGAttN.training(loss, lr, l2_coef): lossL2 = add_n(l2_loss(v)) * l2_coef over the
#   trainable variables, minimized together with the loss by Adam. Clean.
import time

import numpy as np
import tensorflow as tf

from utils import process

dataset = 'acm'
batch_size = 1
nb_epochs = 200
patience = 100
lr = 0.005  # learning rate
l2_coef = 0.001  # weight decay
hid_units = [8]
n_heads = [8, 1]
residual = False
nonlinearity = tf.nn.elu


def attn_head(seq, out_sz, bias_mat, activation, in_drop=0.0, coef_drop=0.0):
    with tf.name_scope('my_attn'):
        if in_drop != 0.0:
            seq = tf.nn.dropout(seq, 1.0 - in_drop)
        seq_fts = tf.layers.conv1d(seq, out_sz, 1, use_bias=False)
        f_1 = tf.layers.conv1d(seq_fts, 1, 1)
        f_2 = tf.layers.conv1d(seq_fts, 1, 1)
        logits = f_1 + tf.transpose(f_2, [0, 2, 1])
        coefs = tf.nn.softmax(tf.nn.leaky_relu(logits) + bias_mat)
        if coef_drop != 0.0:
            coefs = tf.nn.dropout(coefs, 1.0 - coef_drop)
        ret = tf.contrib.layers.bias_add(tf.matmul(coefs, seq_fts))
        return activation(ret)


def simple_attn_layer(inputs, attention_size):
    hidden_size = inputs.shape[2].value
    w_omega = tf.Variable(tf.random_normal([hidden_size, attention_size], stddev=0.1))
    b_omega = tf.Variable(tf.random_normal([attention_size], stddev=0.1))
    u_omega = tf.Variable(tf.random_normal([attention_size], stddev=0.1))
    v = tf.tanh(tf.tensordot(inputs, w_omega, axes=1) + b_omega)
    alphas = tf.nn.softmax(tf.tensordot(v, u_omega, axes=1))
    return tf.reduce_sum(inputs * tf.expand_dims(alphas, -1), 1)


class HeteGAT(object):
    @staticmethod
    def inference(inputs_list, nb_classes, bias_mat_list, attn_drop, ffd_drop):
        embed_list = []
        for inputs, bias_mat in zip(inputs_list, bias_mat_list):
            attns = [attn_head(inputs, hid_units[0], bias_mat, nonlinearity, ffd_drop, attn_drop)
                     for _ in range(n_heads[0])]
            embed_list.append(tf.expand_dims(tf.squeeze(tf.concat(attns, axis=-1)), axis=1))
        final_embed = simple_attn_layer(tf.concat(embed_list, axis=1), 128)
        out = [tf.layers.dense(final_embed, nb_classes, activation=None) for _ in range(n_heads[-1])]
        logits = tf.add_n(out) / n_heads[-1]
        return tf.expand_dims(logits, axis=0)

    @staticmethod
    def loss(logits, labels, nb_classes, class_weights):
        sample_wts = tf.reduce_sum(tf.multiply(tf.one_hot(labels, nb_classes), class_weights), axis=-1)
        xentropy = tf.multiply(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits),
                               sample_wts)
        return tf.reduce_mean(xentropy, name='xentropy_mean')

    @staticmethod
    def training(loss, lr, l2_coef):
        # weight decay
        vars = tf.trainable_variables()
        lossL2 = tf.add_n([tf.nn.l2_loss(v) for v in vars
                           if v.name not in ['bias', 'gamma', 'b', 'g', 'beta']]) * l2_coef
        opt = tf.train.AdamOptimizer(learning_rate=lr)
        return opt.minimize(loss + lossL2)


adj_list, fea_list, y_train, train_mask = process.load_data_dblp('data/acm/ACM3025.mat')
nb_nodes, ft_size, nb_classes = fea_list[0].shape[1], fea_list[0].shape[2], y_train.shape[2]
biases_list = [process.adj_to_bias(adj, [nb_nodes], nhood=1) for adj in adj_list]

with tf.Graph().as_default():
    ftr_in_list = [tf.placeholder(tf.float32, shape=(batch_size, nb_nodes, ft_size)) for _ in fea_list]
    bias_in_list = [tf.placeholder(tf.float32, shape=(batch_size, nb_nodes, nb_nodes)) for _ in biases_list]
    lbl_in = tf.placeholder(tf.int32, shape=(batch_size, nb_nodes, nb_classes))
    msk_in = tf.placeholder(tf.int32, shape=(batch_size, nb_nodes))
    attn_drop = tf.placeholder(tf.float32, shape=())
    ffd_drop = tf.placeholder(tf.float32, shape=())

    logits = HeteGAT.inference(ftr_in_list, nb_classes, bias_in_list, attn_drop, ffd_drop)
    log_resh = tf.reshape(logits, [-1, nb_classes])
    lab_resh = tf.argmax(tf.reshape(lbl_in, [-1, nb_classes]), axis=-1, output_type=tf.int32)
    loss = HeteGAT.loss(log_resh, lab_resh, nb_classes, tf.constant(np.ones(nb_classes), tf.float32))
    train_op = HeteGAT.training(loss, lr, l2_coef)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(nb_epochs):
            t = time.time()
            fd = {i: d for i, d in zip(ftr_in_list, fea_list)}
            fd.update({i: d for i, d in zip(bias_in_list, biases_list)})
            fd.update({lbl_in: y_train, msk_in: train_mask, attn_drop: 0.6, ffd_drop: 0.6})
            _, loss_value = sess.run([train_op, loss], feed_dict=fd)
            print('Epoch %d | loss %.5f | %.2fs' % (epoch, loss_value, time.time() - t))
