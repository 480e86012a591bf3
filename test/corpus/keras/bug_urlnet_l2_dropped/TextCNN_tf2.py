# Idiom seen in: shrugginG/URLNet_TF2 TextCNN_tf2.py
# Idiom seen in: shrugginG/URLNet_TF2 train_tf2.py
# What it reproduces: the TF2 port of URLNet's TextCNN (add_weight head matrices, l2_reg_lambda
#   constructor argument, compute_loss() called inside the tape of train_step). The port builds
#   the L2 term of the final layers in compute_loss but returns the bare cross entropy.
#   (The repository itself keeps a constant self.l2_loss = 0.0, so its decay is dead too.)
import tensorflow as tf


class TextCNN(tf.keras.Model):
    def __init__(self, char_vocab_size, char_seq_len, embedding_size, l2_reg_lambda=0.0,
                 filter_sizes=(3, 4, 5, 6)):
        super().__init__()
        self.l2_reg_lambda = l2_reg_lambda
        self.num_filters = 256
        self.char_seq_len = char_seq_len
        self.char_seq_emb_w = tf.Variable(
            tf.random.uniform([char_vocab_size, embedding_size], -1.0, 1.0), name="char_seq_emb_w")
        self.convs = [tf.keras.layers.Conv2D(self.num_filters, (fs, embedding_size), activation="relu",
                                             bias_initializer=tf.constant_initializer(0.1))
                      for fs in filter_sizes]
        self.dropout = tf.keras.layers.Dropout(0.5)
        total = self.num_filters * len(filter_sizes)
        self.w0 = self.add_weight("w0", shape=[total, 512], initializer="glorot_uniform")
        self.b0 = self.add_weight("b0", shape=[512], initializer=tf.constant_initializer(0.1))
        self.w = self.add_weight("w", shape=[512, 2], initializer="glorot_uniform")
        self.b = self.add_weight("b", shape=[2], initializer=tf.constant_initializer(0.1))

    def call(self, x_char_seq, training=False):
        emb = tf.expand_dims(tf.nn.embedding_lookup(self.char_seq_emb_w, x_char_seq), -1)
        pooled = []
        for conv in self.convs:
            h = conv(emb)
            pooled.append(tf.reduce_max(h, axis=1, keepdims=True))
        flat = tf.reshape(tf.concat(pooled, 3), [-1, self.num_filters * len(self.convs)])
        flat = self.dropout(flat, training=training)
        out0 = tf.nn.relu(tf.nn.bias_add(tf.linalg.matmul(flat, self.w0), self.b0))
        scores = tf.nn.bias_add(tf.linalg.matmul(out0, self.w), self.b)
        return scores, tf.argmax(scores, 1)

    def compute_loss(self, scores, input_y):
        losses = tf.nn.softmax_cross_entropy_with_logits(logits=scores, labels=input_y)
        l2_penalty = self.l2_reg_lambda * (tf.nn.l2_loss(self.w0) + tf.nn.l2_loss(self.w))  # expect: WD104
        return tf.reduce_mean(losses)

    def compute_accuracy(self, predictions, input_y):
        return tf.reduce_mean(tf.cast(tf.equal(predictions, tf.argmax(input_y, 1)), "float"))
