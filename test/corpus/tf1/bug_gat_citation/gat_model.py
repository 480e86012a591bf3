# Idiom seen in: PetarV-/GAT models/base_gattn.py
# What it reproduces: GAT's training() helper adds an explicit L2 term over tf.trainable_variables(), "excluding" biases by comparing v.name to bare names like 'bias'; v.name is 'conv1d_1/bias:0', so the filter never matches and the attention biases are decayed too (WD203; wiring itself is correct).
import tensorflow as tf


def attn_head(seq, out_sz, bias_mat, activation, in_drop=0.0, coef_drop=0.0, residual=False):
    with tf.name_scope("my_attn"):
        if in_drop != 0.0:
            seq = tf.nn.dropout(seq, 1.0 - in_drop)
        seq_fts = tf.layers.conv1d(seq, out_sz, 1, use_bias=False)
        f_1 = tf.layers.conv1d(seq_fts, 1, 1)
        f_2 = tf.layers.conv1d(seq_fts, 1, 1)
        logits = f_1 + tf.transpose(f_2, [0, 2, 1])
        coefs = tf.nn.softmax(tf.nn.leaky_relu(logits) + bias_mat)
        if coef_drop != 0.0:
            coefs = tf.nn.dropout(coefs, 1.0 - coef_drop)
        if in_drop != 0.0:
            seq_fts = tf.nn.dropout(seq_fts, 1.0 - in_drop)
        ret = tf.contrib.layers.bias_add(tf.matmul(coefs, seq_fts))
        if residual and seq.shape[-1] != ret.shape[-1]:
            ret = ret + tf.layers.conv1d(seq, ret.shape[-1], 1)
        return activation(ret)


class GAT(object):
    @staticmethod
    def inference(inputs, nb_classes, training, attn_drop, ffd_drop, bias_mat,
                  hid_units, n_heads, activation=tf.nn.elu, residual=False):
        heads = [attn_head(inputs, hid_units[0], bias_mat, activation, ffd_drop, attn_drop)
                 for _ in range(n_heads[0])]
        h_1 = tf.concat(heads, axis=-1)
        for i in range(1, len(hid_units)):
            heads = [attn_head(h_1, hid_units[i], bias_mat, activation, ffd_drop, attn_drop, residual)
                     for _ in range(n_heads[i])]
            h_1 = tf.concat(heads, axis=-1)
        out = [attn_head(h_1, nb_classes, bias_mat, lambda x: x, ffd_drop, attn_drop)
               for _ in range(n_heads[-1])]
        return tf.add_n(out) / n_heads[-1]

    @staticmethod
    def masked_softmax_cross_entropy(logits, labels, mask):
        loss = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels)
        mask = tf.cast(mask, dtype=tf.float32)
        mask /= tf.reduce_mean(mask)
        return tf.reduce_mean(loss * mask)

    @staticmethod
    def masked_accuracy(logits, labels, mask):
        correct = tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1)), tf.float32)
        mask = tf.cast(mask, dtype=tf.float32)
        mask /= tf.reduce_mean(mask)
        return tf.reduce_mean(correct * mask)

    @staticmethod
    def training(loss, lr, l2_coef):
        train_vars = tf.trainable_variables()
        loss_l2 = tf.add_n([tf.nn.l2_loss(v) for v in train_vars if v.name not in ["bias", "gamma", "b", "g", "beta"]]) * l2_coef  # expect: WD203
        opt = tf.train.AdamOptimizer(learning_rate=lr)
        return opt.minimize(loss + loss_l2)
