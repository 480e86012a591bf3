# Idiom seen in: jiangxinyang227/NLP-Project text_classifier/models/base.py
# What it reproduces: the BaseModel every text classifier inherits: it starts self.l2_loss at 0, builds the
#   cross entropy in cal_loss and differentiates self.loss with tf.gradients in get_train_op.
import tensorflow as tf


class BaseModel(object):
    def __init__(self, config, vocab_size=None, word_vectors=None):
        self.config = config
        self.vocab_size = vocab_size
        self.word_vectors = word_vectors
        self.inputs = tf.placeholder(tf.int32, [None, None], name="inputs")
        self.labels = tf.placeholder(tf.float32, [None], name="labels")
        self.keep_prob = tf.placeholder(tf.float32, name="keep_prob")

        self.l2_loss = tf.constant(0.0)
        self.loss = 0.0
        self.train_op = None
        self.summary_op = None
        self.logits = None
        self.predictions = None
        self.saver = None

    def cal_loss(self):
        with tf.name_scope("loss"):
            if self.config["num_classes"] == 1:
                losses = tf.nn.sigmoid_cross_entropy_with_logits(
                    logits=self.logits, labels=tf.reshape(self.labels, [-1, 1]))
            else:
                labels = tf.cast(self.labels, dtype=tf.int32)
                losses = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.logits, labels=labels)
            return tf.reduce_mean(losses)

    def get_optimizer(self):
        optimizer = None
        if self.config["optimization"] == "adam":
            optimizer = tf.train.AdamOptimizer(self.config["learning_rate"])
        if self.config["optimization"] == "rmsprop":
            optimizer = tf.train.RMSPropOptimizer(self.config["learning_rate"])
        if self.config["optimization"] == "sgd":
            optimizer = tf.train.GradientDescentOptimizer(self.config["learning_rate"])
        return optimizer

    def get_train_op(self):
        optimizer = self.get_optimizer()
        trainable_params = tf.trainable_variables()
        gradients = tf.gradients(self.loss, trainable_params)
        clip_gradients, _ = tf.clip_by_global_norm(gradients, self.config["max_grad_norm"])
        train_op = optimizer.apply_gradients(zip(clip_gradients, trainable_params))
        tf.summary.scalar("loss", self.loss)
        summary_op = tf.summary.merge_all()
        return train_op, summary_op

    def get_predictions(self):
        if self.config["num_classes"] == 1:
            return tf.cast(tf.greater_equal(tf.sigmoid(self.logits), 0.5), tf.int32, name="predictions")
        return tf.argmax(self.logits, axis=-1, name="predictions")

    def init_saver(self):
        self.saver = tf.train.Saver(tf.global_variables())

    def train(self, sess, batch, dropout_prob):
        feed_dict = {self.inputs: batch["x"], self.labels: batch["y"], self.keep_prob: dropout_prob}
        _, summary, loss, predictions = sess.run(
            [self.train_op, self.summary_op, self.loss, self.predictions], feed_dict=feed_dict)
        return summary, loss, predictions
