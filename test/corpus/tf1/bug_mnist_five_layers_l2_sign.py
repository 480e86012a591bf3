# Idiom seen in: martin-gorner/tensorflow-mnist-tutorial mnist_2.1_five_layers_relu_lrdecay.py
# What it reproduces: the five-layer relu MNIST net with a decaying Adam learning rate, ported to
#   tf.compat.v1; the user adds an L2 penalty on W1..W5 but subtracts it from the scaled cross entropy
#   (a sign slip): the optimizer is rewarded for growing the weights (negative weight decay).
import math

import tensorflow.compat.v1 as tf

import mnistdata

tf.disable_v2_behavior()
tf.set_random_seed(0)

L2_LAMBDA = 5e-4
mnist = mnistdata.read_data_sets('data', one_hot=True, reshape=False)

X = tf.placeholder(tf.float32, [None, 28, 28, 1])
Y_ = tf.placeholder(tf.float32, [None, 10])
step = tf.placeholder(tf.int32)

L, M, N, O = 200, 100, 60, 30
W1 = tf.Variable(tf.truncated_normal([784, L], stddev=0.1))
B1 = tf.Variable(tf.ones([L]) / 10)
W2 = tf.Variable(tf.truncated_normal([L, M], stddev=0.1))
B2 = tf.Variable(tf.ones([M]) / 10)
W3 = tf.Variable(tf.truncated_normal([M, N], stddev=0.1))
B3 = tf.Variable(tf.ones([N]) / 10)
W4 = tf.Variable(tf.truncated_normal([N, O], stddev=0.1))
B4 = tf.Variable(tf.ones([O]) / 10)
W5 = tf.Variable(tf.truncated_normal([O, 10], stddev=0.1))
B5 = tf.Variable(tf.zeros([10]))

XX = tf.reshape(X, [-1, 784])
Y1 = tf.nn.relu(tf.matmul(XX, W1) + B1)
Y2 = tf.nn.relu(tf.matmul(Y1, W2) + B2)
Y3 = tf.nn.relu(tf.matmul(Y2, W3) + B3)
Y4 = tf.nn.relu(tf.matmul(Y3, W4) + B4)
Ylogits = tf.matmul(Y4, W5) + B5
Y = tf.nn.softmax(Ylogits)

cross_entropy = tf.nn.softmax_cross_entropy_with_logits_v2(logits=Ylogits, labels=Y_)
cross_entropy = tf.reduce_mean(cross_entropy) * 100

l2 = tf.nn.l2_loss(W1) + tf.nn.l2_loss(W2) + tf.nn.l2_loss(W3) + tf.nn.l2_loss(W4) + tf.nn.l2_loss(W5)
loss = cross_entropy - L2_LAMBDA * l2  # expect: WD302

correct_prediction = tf.equal(tf.argmax(Y, 1), tf.argmax(Y_, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

# learning rate: 0.0001 + 0.003 * (1/e)^(step/2000)), exponential decay from 0.003 to 0.0001
lr = 0.0001 + tf.train.exponential_decay(0.003, step, 2000, 1 / math.e)
train_step = tf.train.AdamOptimizer(lr).minimize(loss)

sess = tf.Session()
sess.run(tf.global_variables_initializer())


def training_step(i, update_test_data, update_train_data):
    batch_X, batch_Y = mnist.train.next_batch(100)
    if update_train_data:
        a, c, l = sess.run([accuracy, cross_entropy, lr], feed_dict={X: batch_X, Y_: batch_Y, step: i})
        print(str(i) + ': accuracy:' + str(a) + ' loss: ' + str(c) + ' (lr:' + str(l) + ')')
    if update_test_data:
        a, c = sess.run([accuracy, cross_entropy], feed_dict={X: mnist.test.images, Y_: mnist.test.labels})
        print(str(i) + ': ********* test accuracy:' + str(a) + ' test loss: ' + str(c))
    sess.run(train_step, feed_dict={X: batch_X, Y_: batch_Y, step: i})


for i in range(10000 + 1):
    training_step(i, i % 100 == 0, i % 20 == 0)
