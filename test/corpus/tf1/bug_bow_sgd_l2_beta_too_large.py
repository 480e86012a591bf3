# Idiom seen in: Kangzhiping/PyML DeepLearn/TFClassifyImprove.py
# What it reproduces: bag-of-words sentiment MLP with weights kept in dicts ({'w_': ..., 'b_': ...}),
#   extended with an L2 penalty on the layer weights and plain SGD; L2_BETA = 0.5 (meant 5e-4) with
#   lr = 2.0 gives lr*wd = 1.0, so decay alone zeroes the weights each step (user mistake in that idiom).
import pickle
import random

import numpy as np
import tensorflow as tf

LEARNING_RATE = 2.0
L2_BETA = 0.5  # expect: WD301
BATCH_SIZE = 50
EPOCHS = 10

with open('save.pickle', 'rb') as f:
    dataset = np.array(pickle.load(f))
random.shuffle(dataset)
test_size = int(len(dataset) * 0.1)
train_dataset = dataset[:-test_size]
test_dataset = dataset[-test_size:]

n_input_layer = len(train_dataset[0][0])
n_hidden = [1000, 1000]
n_output_layer = 2


def layer(n_in, n_out):
    return {'w_': tf.Variable(tf.random_normal([n_in, n_out], stddev=0.01)),
            'b_': tf.Variable(tf.zeros([n_out]))}


def neural_network(data):
    layers = [layer(n_input_layer, n_hidden[0]), layer(n_hidden[0], n_hidden[1]),
              layer(n_hidden[1], n_output_layer)]
    out = data
    for i, lw in enumerate(layers):
        out = tf.add(tf.matmul(out, lw['w_']), lw['b_'])
        if i < len(layers) - 1:
            out = tf.nn.relu(out)
    return out, layers


X = tf.placeholder('float', [None, n_input_layer])
Y = tf.placeholder('float')


def train_neural_network(X, Y):
    predict, layers = neural_network(X)
    cost_func = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=predict, labels=Y))
    l2 = tf.add_n([tf.nn.l2_loss(lw['w_']) for lw in layers])
    loss = cost_func + L2_BETA * l2
    optimizer = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)

    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        train_x = list(train_dataset[:, 0])
        train_y = list(train_dataset[:, 1])
        for epoch in range(EPOCHS):
            epoch_loss = 0
            for i in range(0, len(train_x), BATCH_SIZE):
                _, c = session.run([optimizer, loss], feed_dict={X: train_x[i:i + BATCH_SIZE],
                                                                 Y: train_y[i:i + BATCH_SIZE]})
                epoch_loss += c
            print(epoch, ' : ', epoch_loss)

        correct = tf.equal(tf.argmax(predict, 1), tf.argmax(Y, 1))
        accuracy = tf.reduce_mean(tf.cast(correct, 'float'))
        print('accuracy: ', accuracy.eval({X: list(test_dataset[:, 0]), Y: list(test_dataset[:, 1])}))


train_neural_network(X, Y)
