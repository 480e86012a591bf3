# Idiom seen in: shisan1314/dairy 201902/20190226/nn.py
# What it reproduces: the "add_layer" MNIST tutorial net trained with GradientDescentOptimizer(0.5), with an L2 term
#   LAMBDA * tf.nn.l2_loss(W) added to the cross entropy; a user mistake in this idiom: LAMBDA = 2.0, so
#   lr * wd = 0.5 * 2.0 = 1 and decay alone sets the weights to zero every step (factor 1 - lr*wd = 0).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data", one_hot=True)

LEARNING_RATE = 0.5
LAMBDA = 2.0  # expect: WD301


def add_layer(inputs, in_size, out_size, activation_function=None):
    Weights = tf.Variable(tf.random_normal([in_size, out_size], stddev=0.1))
    biases = tf.Variable(tf.zeros([1, out_size]) + 0.1)
    Wx_plus_b = tf.matmul(inputs, Weights) + biases
    if activation_function is None:
        outputs = Wx_plus_b
    else:
        outputs = activation_function(Wx_plus_b)
    return outputs, Weights


xs = tf.placeholder(tf.float32, [None, 784])
ys = tf.placeholder(tf.float32, [None, 10])

hidden, W1 = add_layer(xs, 784, 100, activation_function=tf.nn.relu)
prediction, W2 = add_layer(hidden, 100, 10, activation_function=tf.nn.softmax)

cross_entropy = tf.reduce_mean(-tf.reduce_sum(ys * tf.log(prediction + 1e-10), reduction_indices=[1]))
l2 = LAMBDA * (tf.nn.l2_loss(W1) + tf.nn.l2_loss(W2))
loss = cross_entropy + l2

train_step = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)

correct = tf.equal(tf.argmax(prediction, 1), tf.argmax(ys, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(1000):
    batch_xs, batch_ys = mnist.train.next_batch(100)
    _, loss_value = sess.run([train_step, loss], feed_dict={xs: batch_xs, ys: batch_ys})
    if i % 50 == 0:
        acc = sess.run(accuracy, feed_dict={xs: mnist.test.images, ys: mnist.test.labels})
        print(i, loss_value, acc)
