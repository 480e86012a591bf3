# Idiom seen in: ronuchit/tensorflow_learning slim.py; keithyin/mynotes tensorflow/regularizers.md
# What it reproduces: a class-based softmax regression whose weights are created with
# tf.get_variable(..., regularizer=l2_regularizer(scale)); the objective is
# tf.losses.get_total_loss() (class loss + REGULARIZATION_LOSSES), differentiated with
# tf.gradients and applied by a hand-written SGD update. Correct.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', '/tmp/data/', 'Directory for storing data')
tf.app.flags.DEFINE_float('learning_rate', 0.5, 'SGD step size.')
tf.app.flags.DEFINE_float('reg_scale', 1e-4, 'Scale of the L2 regularizer.')


class MNISTLogReg(object):
    def __init__(self, reg_scale):
        self.reg = tf.contrib.layers.l2_regularizer(scale=reg_scale)

    def logits(self, features):
        with tf.variable_scope('model', reuse=tf.AUTO_REUSE):
            W = tf.get_variable('weights', shape=[784, 10],
                                initializer=tf.random_normal_initializer(stddev=0.01),
                                regularizer=self.reg)
            b = tf.get_variable('bias', shape=[10], initializer=tf.zeros_initializer())
        return tf.matmul(features, W) + b

    def loss(self, features, targets):
        tf.losses.softmax_cross_entropy(onehot_labels=targets, logits=self.logits(features))
        return tf.losses.get_total_loss(add_regularization_losses=True)


def main(_):
    mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True)
    x = tf.placeholder(tf.float32, [None, 784])
    y = tf.placeholder(tf.float32, [None, 10])
    model = MNISTLogReg(FLAGS.reg_scale)
    loss = model.loss(x, y)

    params = tf.trainable_variables()
    grads = tf.gradients(loss, params)
    train_op = tf.group(*[tf.assign_sub(p, FLAGS.learning_rate * g) for p, g in zip(params, grads)])

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(5000):
            batch_x, batch_y = mnist.train.next_batch(128)
            _, loss_value = sess.run([train_op, loss], feed_dict={x: batch_x, y: batch_y})
            if step % 500 == 0:
                print('step %d loss %.4f' % (step, loss_value))


if __name__ == '__main__':
    tf.app.run()
