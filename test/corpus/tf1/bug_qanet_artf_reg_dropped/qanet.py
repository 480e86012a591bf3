# Idiom seen in: SeanLee97/artf artf/qanet.py
# Idiom seen in: SeanLee97/artf artf/__init__.py
# What it reproduces: a QANet reading-comprehension model assembled from the artf-style layers; the loss is
#   the mean start/end cross entropy, clipped and applied with Adam, with no regularization loss added
#   (the regularizers in layers.py are reported there, WD102).
import tensorflow as tf

from layers import conv, highway, depthwise_separable_convolution, mask_logits


class QANet(object):

    def __init__(self, config, batch, word_mat=None, char_mat=None, trainable=True):
        self.config = config
        self.global_step = tf.get_variable('global_step', shape=[], dtype=tf.int32,
                                           initializer=tf.constant_initializer(0), trainable=False)
        self.c, self.q, self.y1, self.y2 = batch.get_next()
        self.word_mat = tf.get_variable("word_mat", initializer=tf.constant(word_mat, dtype=tf.float32),
                                        trainable=False)
        self.c_mask = tf.cast(self.c, tf.bool)
        self.q_mask = tf.cast(self.q, tf.bool)
        self.forward()
        if trainable:
            self.lr = tf.minimum(config.learning_rate,
                                 0.001 / tf.log(999.) * tf.log(tf.cast(self.global_step, tf.float32) + 1))
            self.opt = tf.train.AdamOptimizer(learning_rate=self.lr, beta1=0.8, beta2=0.999, epsilon=1e-7)
            grads = self.opt.compute_gradients(self.loss)
            gradients, variables = zip(*grads)
            capped_grads, _ = tf.clip_by_global_norm(gradients, config.grad_clip)
            self.train_op = self.opt.apply_gradients(zip(capped_grads, variables),
                                                     global_step=self.global_step)

    def encoder_block(self, x, num_conv, kernel_size, num_filters, scope, reuse=None):
        with tf.variable_scope(scope, reuse=reuse):
            x = tf.expand_dims(x, 2)
            for i in range(num_conv):
                residual = x
                x = tf.contrib.layers.layer_norm(x, scope="layer_norm_%d" % i, reuse=reuse)
                x = depthwise_separable_convolution(x, (kernel_size, 1), num_filters,
                                                    scope="depthwise_conv_%d" % i, reuse=reuse)
                x = x + residual
            return tf.squeeze(x, 2)

    def forward(self):
        d = self.config.hidden
        c_emb = tf.nn.embedding_lookup(self.word_mat, self.c)
        q_emb = tf.nn.embedding_lookup(self.word_mat, self.q)
        c_emb = highway(c_emb, size=d, scope="highway", dropout=self.config.dropout)
        q_emb = highway(q_emb, size=d, scope="highway", dropout=self.config.dropout, reuse=True)

        c = self.encoder_block(c_emb, 4, 7, d, scope="Encoder_Residual_Block")
        q = self.encoder_block(q_emb, 4, 7, d, scope="Encoder_Residual_Block", reuse=True)

        S = tf.matmul(c, q, transpose_b=True)
        c2q = tf.matmul(tf.nn.softmax(S), q)
        attention_outputs = tf.concat([c, c2q, c * c2q], axis=-1)
        x = conv(attention_outputs, d, name="input_projection")
        m0 = self.encoder_block(x, 2, 5, d, scope="Model_Encoder")
        m1 = self.encoder_block(m0, 2, 5, d, scope="Model_Encoder", reuse=True)

        start_logits = tf.squeeze(conv(tf.concat([m0, m1], axis=-1), 1, bias=False, name="start_pointer"), -1)
        end_logits = tf.squeeze(conv(tf.concat([m0, m1], axis=-1), 1, bias=False, name="end_pointer"), -1)
        logits1 = mask_logits(start_logits, self.c_mask)
        logits2 = mask_logits(end_logits, self.c_mask)

        losses = tf.nn.softmax_cross_entropy_with_logits(logits=logits1, labels=self.y1)
        losses2 = tf.nn.softmax_cross_entropy_with_logits(logits=logits2, labels=self.y2)
        self.loss = tf.reduce_mean(losses + losses2)
