# Idiom seen in: MichaelTeti/LandCoverClassification iplcc.py
# What it reproduces: Indian Pines hyperspectral pixel MLP (3x3 patches, theta1..theta5, InteractiveSession, train_step.run);
#   a user adds beta * l2_loss on the thetas and switches to plain SGD(0.5), but writes BETA = 4.0 for 4e-3:
#   lr * beta = 2.0, so the decay term alone flips every weight each step (user mistake; the repo had no decay).
import numpy as np
import tensorflow as tf
from scipy.io import loadmat

LEARNING_RATE = 0.5
BETA = 4.0  # expect: WD301

a = loadmat('Indian_pines_corrected.mat')
b = loadmat('Indian_pines_gt.mat')
gt = np.lib.pad(b['indian_pines_gt'], ((1, 1), (1, 1)), 'edge')
data = a['indian_pines_corrected']
depth = data.shape[2]
data = np.pad(data, ((1, 1), (1, 1), (0, 0)), 'edge')
output = int(np.max(gt)) + 1
batch = 65
h1 = h2 = h3 = h4 = 900

sess = tf.InteractiveSession()
x = tf.placeholder(tf.float32, shape=[None, depth * 9])
y = tf.placeholder(tf.float32, shape=[None, output])
keep_prob = tf.placeholder(tf.float32)


def training_set(X, labels_img):
    rows = np.random.permutation(np.arange(1, X.shape[0] - 1))[:batch]
    cols = np.random.permutation(np.arange(1, X.shape[1] - 1))[:batch]
    td = np.stack([X[r - 1:r + 2, c - 1:c + 2, :].flatten() for r, c in zip(rows, cols)])
    labels = np.zeros([batch, output])
    labels[np.arange(batch), labels_img[rows, cols]] = 1
    return td, labels


def weight_variable(shape):
    return tf.Variable(tf.truncated_normal(shape, stddev=0.1))


def bias_variable(shape):
    return tf.Variable(tf.constant(0.1, shape=shape))


theta1 = weight_variable([depth * 9, h1])
bias1 = bias_variable([h1])
activation2 = tf.nn.dropout(tf.nn.relu(tf.matmul(x, theta1) + bias1), keep_prob)
theta2 = weight_variable([h1, h2])
bias2 = bias_variable([h2])
activation3 = tf.nn.dropout(tf.nn.relu(tf.matmul(activation2, theta2) + bias2), keep_prob)
theta3 = weight_variable([h2, h3])
bias3 = bias_variable([h3])
activation4 = tf.nn.dropout(tf.nn.relu(tf.matmul(activation3, theta3) + bias3), keep_prob)
theta4 = weight_variable([h3, h4])
bias4 = bias_variable([h4])
activation5 = tf.nn.dropout(tf.nn.relu(tf.matmul(activation4, theta4) + bias4), keep_prob)
theta5 = weight_variable([h4, output])
bias5 = bias_variable([output])
out = tf.nn.softmax(tf.matmul(activation5, theta5) + bias5)

cross_entropy = tf.reduce_mean(-tf.reduce_sum(y * tf.log(out + 1e-10), reduction_indices=[1]))
regularizers = (tf.nn.l2_loss(theta1) + tf.nn.l2_loss(theta2) + tf.nn.l2_loss(theta3) +
                tf.nn.l2_loss(theta4) + tf.nn.l2_loss(theta5))
cost = cross_entropy + BETA * regularizers

train_step = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(cost)
correct_prediction = tf.equal(tf.argmax(out, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

sess.run(tf.global_variables_initializer())
for i in range(10000):
    train_data, train_labels = training_set(data, gt)
    if i % 100 == 0:
        train_accuracy = accuracy.eval(feed_dict={x: train_data, y: train_labels, keep_prob: 1.0})
        print("step %d, training accuracy %g" % (i, train_accuracy))
    train_step.run(feed_dict={x: train_data, y: train_labels, keep_prob: 0.6})
