# Idiom seen in: Jaycolas/Email_Inferer text_cnn.py
# What it reproduces: TextCNN-style email classifier class whose loss folds l2_reg_lambda*l2_loss into
#   self.loss, but with a sign slip ("- l2_reg_lambda * l2_loss"): the optimizer then grows the output
#   weights instead of shrinking them (negative decay; user mistake in the TextCNN idiom).
import tensorflow as tf

import email_data


class EmailCNN(object):
    def __init__(self, sequence_length, num_classes, vocab_size, embedding_size,
                 filter_sizes, num_filters, l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")
        l2_loss = tf.constant(0.0)

        with tf.name_scope("embedding"):
            E = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name="E")
            emb = tf.expand_dims(tf.nn.embedding_lookup(E, self.input_x), -1)

        pooled = []
        for fs in filter_sizes:
            with tf.name_scope("conv-%d" % fs):
                W = tf.Variable(tf.truncated_normal([fs, embedding_size, 1, num_filters], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name="b")
                h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(emb, W, [1, 1, 1, 1], "VALID"), b))
                pooled.append(tf.nn.max_pool(h, [1, sequence_length - fs + 1, 1, 1], [1, 1, 1, 1], "VALID"))
        total = num_filters * len(filter_sizes)
        h_drop = tf.nn.dropout(tf.reshape(tf.concat(pooled, 3), [-1, total]), self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[total, num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            l2_loss += tf.nn.l2_loss(W)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            self.loss = tf.reduce_mean(losses) - l2_reg_lambda * l2_loss  # expect: WD302

        with tf.name_scope("accuracy"):
            self.accuracy = tf.reduce_mean(tf.cast(tf.equal(self.predictions, tf.argmax(self.input_y, 1)), "float"))


def main(_):
    x_train, y_train, vocab = email_data.load("data/emails.csv")
    with tf.Session() as sess:
        model = EmailCNN(sequence_length=x_train.shape[1], num_classes=y_train.shape[1],
                         vocab_size=len(vocab), embedding_size=128, filter_sizes=[2, 3, 4],
                         num_filters=64, l2_reg_lambda=0.1)
        global_step = tf.Variable(0, trainable=False, name="global_step")
        train_op = tf.train.AdamOptimizer(1e-3).minimize(model.loss, global_step=global_step)
        saver = tf.train.Saver(max_to_keep=3)
        sess.run(tf.global_variables_initializer())
        for xb, yb in email_data.batch_iter(x_train, y_train, batch_size=64, num_epochs=20):
            _, step, loss, acc = sess.run([train_op, global_step, model.loss, model.accuracy],
                                          {model.input_x: xb, model.input_y: yb, model.dropout_keep_prob: 0.5})
            if step % 200 == 0:
                print("step %d loss %.4f acc %.3f" % (step, loss, acc))
                saver.save(sess, "runs/email_cnn", global_step=step)


if __name__ == "__main__":
    tf.app.run()
