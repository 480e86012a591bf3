# Idiom seen in: jiangxinyang227/NLP-Project text_classifier/models/bilstmatten.py
# Idiom seen in: jiangxinyang227/NLP-Project text_classifier/models/textcnn.py
# What it reproduces: TextCNN adds l2_reg_lambda * self.l2_loss to its loss, but BiLstmAttenModel accumulates
#   the L2 of its output layer into self.l2_loss and then trains on cal_loss() alone, dropping the term
#   (bug of the real repository, where bilstm/bilstmatten/rcnn all do this).
import tensorflow as tf

from base import BaseModel


def _embedding(model):
    if model.word_vectors is not None:
        embedding_w = tf.Variable(tf.cast(model.word_vectors, dtype=tf.float32), name="embedding_w")
    else:
        embedding_w = tf.get_variable("embedding_w", shape=[model.vocab_size, model.config["embedding_size"]],
                                      initializer=tf.contrib.layers.xavier_initializer())
    return tf.nn.embedding_lookup(embedding_w, model.inputs)


class TextCnnModel(BaseModel):
    def __init__(self, config, vocab_size, word_vectors):
        super(TextCnnModel, self).__init__(config=config, vocab_size=vocab_size, word_vectors=word_vectors)
        self.build_model()
        self.init_saver()

    def build_model(self):
        embedded = tf.expand_dims(_embedding(self), -1)
        pooled = []
        for size in self.config["filter_sizes"]:
            conv = tf.layers.conv2d(embedded, self.config["num_filters"],
                                    [size, self.config["embedding_size"]], activation=tf.nn.relu)
            pooled.append(tf.reduce_max(conv, axis=[1, 2]))
        h_drop = tf.nn.dropout(tf.concat(pooled, -1), self.keep_prob)
        output_size = self.config["num_filters"] * len(self.config["filter_sizes"])
        with tf.name_scope("output"):
            output_w = tf.get_variable("output_w", shape=[output_size, self.config["num_classes"]],
                                       initializer=tf.contrib.layers.xavier_initializer())
            output_b = tf.Variable(tf.constant(0.1, shape=[self.config["num_classes"]]), name="output_b")
            self.l2_loss += tf.nn.l2_loss(output_w) + tf.nn.l2_loss(output_b)
            self.logits = tf.nn.xw_plus_b(h_drop, output_w, output_b, name="logits")
            self.predictions = self.get_predictions()
        self.loss = self.cal_loss() + self.config["l2_reg_lambda"] * self.l2_loss
        self.train_op, self.summary_op = self.get_train_op()


class BiLstmAttenModel(BaseModel):
    def __init__(self, config, vocab_size, word_vectors):
        super(BiLstmAttenModel, self).__init__(config=config, vocab_size=vocab_size, word_vectors=word_vectors)
        self.build_model()
        self.init_saver()

    def build_model(self):
        embedded_words = _embedding(self)
        for idx, hidden_size in enumerate(self.config["hidden_sizes"]):
            fw = tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(hidden_size),
                                               output_keep_prob=self.keep_prob)
            bw = tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(hidden_size),
                                               output_keep_prob=self.keep_prob)
            outputs, _ = tf.nn.bidirectional_dynamic_rnn(fw, bw, embedded_words, dtype=tf.float32,
                                                         scope="bi-lstm" + str(idx))
            embedded_words = tf.concat(outputs, 2)

        fw_out, bw_out = tf.split(embedded_words, 2, -1)
        with tf.name_scope("Attention"):
            output = self._attention(fw_out + bw_out)
            output_size = self.config["hidden_sizes"][-1]

        with tf.name_scope("output"):
            output_w = tf.get_variable("output_w", shape=[output_size, self.config["num_classes"]],
                                       initializer=tf.contrib.layers.xavier_initializer())
            output_b = tf.Variable(tf.constant(0.1, shape=[self.config["num_classes"]]), name="output_b")
            self.l2_loss += tf.nn.l2_loss(output_w) + tf.nn.l2_loss(output_b)  # expect: WD104
            self.logits = tf.nn.xw_plus_b(output, output_w, output_b, name="logits")
            self.predictions = self.get_predictions()

        self.loss = self.cal_loss()
        self.train_op, self.summary_op = self.get_train_op()

    def _attention(self, H):
        hidden_size = self.config["hidden_sizes"][-1]
        W = tf.Variable(tf.random_normal([hidden_size], stddev=0.1))
        M = tf.tanh(H)
        scores = tf.matmul(tf.reshape(M, [-1, hidden_size]), tf.reshape(W, [-1, 1]))
        alpha = tf.nn.softmax(tf.reshape(scores, [-1, tf.shape(H)[1]]))
        r = tf.matmul(tf.transpose(H, [0, 2, 1]), tf.expand_dims(alpha, -1))
        return tf.nn.dropout(tf.tanh(tf.squeeze(r, -1)), self.keep_prob)
