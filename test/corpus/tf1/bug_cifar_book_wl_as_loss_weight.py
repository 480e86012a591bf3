# Idiom seen in: quanee/Note Python/TensorFlow/Conv_Neural_Net_Advance.py; caicloud/tensorflow-tutorial Deep_Learning_with_TensorFlow/1.0.0/Chapter05/5. MNIST最佳实践/mnist_train.py
# What it reproduces: the book's variable_with_weight_loss helper, correctly summed into the loss,
# with wl read as "how much the weight loss counts" and set to 2.0 on the dense layers, under plain
# SGD whose schedule starts at LEARNING_RATE_BASE = 0.8: lr * wl = 1.6 >= 1, each step flips the
# sign of those weights (WD301 on each wl=2.0).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.8
LEARNING_RATE_DECAY = 0.99
TRAINING_STEPS = 20000


def variable_with_weight_loss(shape, stddev, wl):
    var = tf.Variable(tf.truncated_normal(shape, stddev=stddev))
    if wl is not None:
        weight_loss = tf.multiply(tf.nn.l2_loss(var), wl, name='weight_loss')
        tf.add_to_collection('losses', weight_loss)
    return var


def inference(x):
    w1 = variable_with_weight_loss(shape=[784, 500], stddev=0.1, wl=2.0)  # expect: WD301
    b1 = tf.Variable(tf.constant(0.1, shape=[500]))
    h1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    w2 = variable_with_weight_loss(shape=[500, 10], stddev=0.1, wl=2.0)  # expect: WD301
    b2 = tf.Variable(tf.constant(0.1, shape=[10]))
    return tf.matmul(h1, w2) + b2


def train(mnist):
    x = tf.placeholder(tf.float32, [None, 784], name='x-input')
    y_ = tf.placeholder(tf.float32, [None, 10], name='y-input')
    y = inference(x)
    global_step = tf.Variable(0, trainable=False)

    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1))
    tf.add_to_collection('losses', tf.reduce_mean(cross_entropy))
    loss = tf.add_n(tf.get_collection('losses'))

    learning_rate = tf.train.exponential_decay(
        LEARNING_RATE_BASE, global_step, mnist.train.num_examples / BATCH_SIZE,
        LEARNING_RATE_DECAY, staircase=True)
    train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)

    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            _, loss_value = sess.run([train_step, loss], feed_dict={x: xs, y_: ys})
            if i % 1000 == 0:
                print("After %d steps, loss is %g." % (i, loss_value))


def main(argv=None):
    mnist = input_data.read_data_sets("/tmp/MNIST_data", one_hot=True)
    train(mnist)


if __name__ == '__main__':
    tf.app.run()
