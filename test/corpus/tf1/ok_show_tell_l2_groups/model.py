# Idiom seen in: DeepRNN/image_captioning model.py
# Idiom seen in: DeepRNN/image_captioning utils/nn.py
# What it reproduces: a show-and-tell captioner whose loss is the masked word cross entropy plus
#   weight_decay * (sum of 'l2_0' + sum of 'l2_1'); when the CNN is frozen only the decoder is trained
#   and only its collection is added. Clean.
import tensorflow as tf

from nn import convolution, fully_connected, max_pool, weight


class CaptionGenerator(object):
    def __init__(self, params):
        self.params = params
        self.train_cnn = params.train_cnn
        self.global_step = tf.Variable(0, name='global_step', trainable=False)
        self.build()

    def build_cnn(self, images):
        with tf.variable_scope('CNN'):
            x = convolution(images, 3, 3, 64, 1, 1, 'conv1_1', group_id=0)
            x = max_pool(x, 2, 2, 'pool1')
            x = convolution(x, 3, 3, 128, 1, 1, 'conv2_1', group_id=0)
            x = max_pool(x, 2, 2, 'pool2')
            x = convolution(x, 3, 3, 256, 1, 1, 'conv3_1', group_id=0)
            shape = x.get_shape().as_list()
            return tf.reshape(x, [-1, shape[1] * shape[2], shape[3]])

    def build_rnn(self, contexts):
        p = self.params
        self.sentences = tf.placeholder(tf.int32, [p.batch_size, p.max_sent_len])
        self.masks = tf.placeholder(tf.float32, [p.batch_size, p.max_sent_len])
        with tf.variable_scope('RNN'):
            emb_w = weight('emb_w', [p.num_words, p.dim_embed], group_id=1)
            dec_w = weight('dec_w', [p.dim_hidden, p.num_words], group_id=1)
            context_mean = tf.reduce_mean(contexts, 1)
            memory = fully_connected(context_mean, p.dim_hidden, 'init_lstm_fc1', group_id=1)
            output = fully_connected(context_mean, p.dim_hidden, 'init_lstm_fc2', group_id=1)
            lstm = tf.nn.rnn_cell.LSTMCell(p.dim_hidden)
            state = tf.nn.rnn_cell.LSTMStateTuple(memory, output)
            loss0 = 0.0
            word_emb = tf.zeros([p.batch_size, p.dim_embed])
            for idx in range(p.max_sent_len):
                if idx > 0:
                    tf.get_variable_scope().reuse_variables()
                output, state = lstm(word_emb, state)
                logits = tf.matmul(output, dec_w)
                xent = tf.nn.sparse_softmax_cross_entropy_with_logits(
                    labels=self.sentences[:, idx], logits=logits)
                loss0 += tf.reduce_sum(xent * self.masks[:, idx])
                word_emb = tf.nn.embedding_lookup(emb_w, self.sentences[:, idx])
        return loss0 / tf.reduce_sum(self.masks)

    def build(self):
        p = self.params
        self.images = tf.placeholder(tf.float32, [p.batch_size, 224, 224, 3])
        contexts = self.build_cnn(self.images)
        loss0 = self.build_rnn(contexts)

        if self.train_cnn:
            loss1 = p.weight_decay * (tf.add_n(tf.get_collection('l2_0')) + tf.add_n(tf.get_collection('l2_1')))
            tvars = tf.trainable_variables()
        else:
            loss1 = p.weight_decay * tf.add_n(tf.get_collection('l2_1'))
            tvars = [v for v in tf.trainable_variables() if not v.name.startswith('CNN')]
        self.loss = loss0 + loss1
        self.loss0, self.loss1 = loss0, loss1

        if p.solver == 'adam':
            solver = tf.train.AdamOptimizer(p.learning_rate)
        elif p.solver == 'momentum':
            solver = tf.train.MomentumOptimizer(p.learning_rate, p.momentum)
        else:
            solver = tf.train.GradientDescentOptimizer(p.learning_rate)
        grads, _ = tf.clip_by_global_norm(tf.gradients(self.loss, tvars), 3.0)
        self.opt_op = solver.apply_gradients(zip(grads, tvars), global_step=self.global_step)
