# Idiom seen in: dragen1860/Deep-Learning-with-TensorFlow-book ch9/nb.py; yuyun2000/tensorflow-kws utils.py
# What it reproduces: a hand-written TF1 MLP with one `beta * tf.reduce_sum(tf.square(W))` penalty per
# weight matrix; the loss adds the hidden-layer penalties but the one of the output layer was left
# out, so that term is computed and never used (WD104 on l2_out only).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', '/tmp/data/', 'Directory for storing data')
tf.app.flags.DEFINE_float('beta', 1e-4, 'L2 penalty strength.')

n_input, n_hidden_1, n_hidden_2, n_classes = 784, 256, 256, 10

weights = {
    'h1': tf.Variable(tf.random_normal([n_input, n_hidden_1], stddev=0.05)),
    'h2': tf.Variable(tf.random_normal([n_hidden_1, n_hidden_2], stddev=0.05)),
    'out': tf.Variable(tf.random_normal([n_hidden_2, n_classes], stddev=0.05)),
}
biases = {
    'b1': tf.Variable(tf.zeros([n_hidden_1])),
    'b2': tf.Variable(tf.zeros([n_hidden_2])),
    'out': tf.Variable(tf.zeros([n_classes])),
}


def multilayer_perceptron(x):
    layer_1 = tf.nn.relu(tf.add(tf.matmul(x, weights['h1']), biases['b1']))
    layer_2 = tf.nn.relu(tf.add(tf.matmul(layer_1, weights['h2']), biases['b2']))
    return tf.matmul(layer_2, weights['out']) + biases['out']


def main(_):
    mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True)
    x = tf.placeholder(tf.float32, [None, n_input])
    y = tf.placeholder(tf.float32, [None, n_classes])
    logits = multilayer_perceptron(x)

    beta = FLAGS.beta
    l2_h1 = beta * tf.reduce_sum(tf.square(weights['h1']))
    l2_h2 = beta * tf.reduce_sum(tf.square(weights['h2']))
    l2_out = beta * tf.reduce_sum(tf.square(weights['out']))  # expect: WD104
    xent = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=y))
    loss = xent + l2_h1 + l2_h2
    optimizer = tf.train.AdamOptimizer(learning_rate=0.001).minimize(loss)

    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(15):
            for _ in range(mnist.train.num_examples // 100):
                batch_x, batch_y = mnist.train.next_batch(100)
                sess.run(optimizer, feed_dict={x: batch_x, y: batch_y})
            print('epoch', epoch, 'acc', sess.run(accuracy, feed_dict={x: mnist.test.images, y: mnist.test.labels}))


if __name__ == '__main__':
    tf.app.run()
