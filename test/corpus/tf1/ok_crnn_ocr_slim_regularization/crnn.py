# Idiom seen in: Sanster/tf_crnn nets/crnn.py
# Idiom seen in: Sanster/tf_crnn nets/cnn/simple_net.py
# Idiom seen in: Sanster/tf_crnn train.py
# What it reproduces: a CRNN text recognizer whose slim backbone gets weights_regularizer through an
#   arg_scope built by a method; CRNN adds tf.add_n(tf.losses.get_regularization_losses()) to the CTC
#   loss and the optimizer minimizes that total under the UPDATE_OPS dependency: clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim

from simple_net import SimpleNet


class CRNN(object):
    CTC_INVALID_INDEX = -1

    def __init__(self, cfg, num_classes):
        self.inputs = tf.placeholder(tf.float32, [None, 32, None, 1], name="inputs")
        self.cfg = cfg
        self.labels = tf.sparse_placeholder(tf.int32, name="labels")
        self.is_training = tf.placeholder(tf.bool, name="is_training")
        self.num_classes = num_classes
        self._build_model()
        self._build_train_op()
        self.merged_summay = tf.summary.merge_all()

    def _build_model(self):
        net = SimpleNet(self.inputs, self.is_training)
        cnn_out = net.net
        cnn_output_shape = tf.shape(cnn_out)
        batch_size = cnn_output_shape[0]
        cnn_output_w = cnn_output_shape[2]
        self.seq_len = tf.ones([batch_size], tf.int32) * cnn_output_w
        cnn_shape = cnn_out.get_shape().as_list()
        cnn_out_transposed = tf.transpose(cnn_out, [0, 2, 1, 3])
        cnn_out_reshaped = tf.reshape(cnn_out_transposed,
                                      [batch_size, cnn_output_w, cnn_shape[1] * cnn_shape[3]])
        cnn_out_reshaped.set_shape([None, cnn_shape[2], cnn_shape[1] * cnn_shape[3]])
        logits = slim.fully_connected(cnn_out_reshaped, self.num_classes, activation_fn=None)
        self.logits = tf.transpose(logits, (1, 0, 2))

    def _build_train_op(self):
        self.global_step = tf.Variable(0, trainable=False)
        self.ctc_loss = tf.nn.ctc_loss(labels=self.labels, inputs=self.logits,
                                       ignore_longer_outputs_than_inputs=True,
                                       sequence_length=self.seq_len)
        self.ctc_loss = tf.reduce_mean(self.ctc_loss)
        self.regularization_loss = tf.add_n(tf.losses.get_regularization_losses())
        self.total_loss = self.ctc_loss + self.regularization_loss

        tf.summary.scalar('ctc_loss', self.ctc_loss)
        tf.summary.scalar('regularization_loss', self.regularization_loss)
        tf.summary.scalar('total_loss', self.total_loss)

        self.lr = tf.train.piecewise_constant(self.global_step, self.cfg.lr_boundaries,
                                              self.cfg.lr_values)
        if self.cfg.optimizer == 'adam':
            self.optimizer = tf.train.AdamOptimizer(learning_rate=self.lr)
        else:
            self.optimizer = tf.train.MomentumOptimizer(learning_rate=self.lr, momentum=0.9)

        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            self.train_op = self.optimizer.minimize(self.total_loss, global_step=self.global_step)

        self.decoded, self.log_prob = tf.nn.ctc_greedy_decoder(self.logits, self.seq_len,
                                                               merge_repeated=True)
        self.dense_decoded = tf.sparse_tensor_to_dense(tf.cast(self.decoded[0], tf.int32),
                                                       default_value=self.CTC_INVALID_INDEX,
                                                       name="output")
