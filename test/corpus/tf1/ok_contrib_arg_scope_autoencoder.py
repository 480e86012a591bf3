# Idiom seen in: MhmDSmdi/Anomaly-Detection stacked_autoencoder.py
# What it reproduces: a module-level graph where tf.contrib.framework.arg_scope gives every
#   fully_connected layer an l2 weights_regularizer, and the loss adds the
#   REGULARIZATION_LOSSES collection to the reconstruction loss before minimize().
# label-note: clean. The regularization losses are in the minimized loss; fully_connected's
#   weights_regularizer does not touch the biases.
import numpy as np
import tensorflow as tf
from tensorflow.contrib.layers import fully_connected

from mnist_data import load_mnist_train  # data loading, not part of this program

learning_rate = 0.01
l2_reg = 0.001
n_inputs = 28 * 28
n_hidden1 = 300
n_hidden2 = 150
n_hidden3 = n_hidden1
n_outputs = n_inputs

X = tf.placeholder(tf.float32, shape=[None, n_inputs])
with tf.contrib.framework.arg_scope(
        [fully_connected],
        activation_fn=tf.nn.elu,
        weights_initializer=tf.contrib.layers.variance_scaling_initializer(),
        weights_regularizer=tf.contrib.layers.l2_regularizer(l2_reg)):
    hidden1 = fully_connected(X, n_hidden1)
    hidden2 = fully_connected(hidden1, n_hidden2)
    hidden3 = fully_connected(hidden2, n_hidden3)
    outputs = fully_connected(hidden3, n_outputs, activation_fn=None)

reconstruction_loss = tf.reduce_mean(tf.square(outputs - X))
reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
loss = tf.add_n([reconstruction_loss] + reg_losses)

optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=0.9)
training_op = optimizer.minimize(loss)
init = tf.global_variables_initializer()


def run(n_epochs=5, batch_size=150):
    x_train = load_mnist_train()
    with tf.Session() as sess:
        init.run()
        for epoch in range(n_epochs):
            np.random.shuffle(x_train)
            for i in range(0, len(x_train), batch_size):
                sess.run(training_op, feed_dict={X: x_train[i:i + batch_size]})
            print(epoch, 'train loss:', loss.eval(feed_dict={X: x_train[:1000]}))


if __name__ == '__main__':
    run()
