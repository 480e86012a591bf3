# Idiom seen in: le773/TensorflowDebug TfInAction/14Train.md
# What it reproduces: "TensorFlow in Action" style MLP: get_weight() adds l2_regularizer(w) to the
#   collection "losses" and the loop checkpoints with tf.train.Saver; total_loss = add_n(collection) is
#   computed and printed, but the optimizer minimizes the bare cross entropy (user mistake).
import os

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

INPUT_NODE = 784
LAYER_NODES = [500, 100]
OUTPUT_NODE = 10
BATCH_SIZE = 100
LEARNING_RATE = 0.1
REGULARIZATION_RATE = 0.0001
TRAINING_STEPS = 30000
MODEL_SAVE_PATH = os.path.join(os.getcwd(), 'checkpoints', 'mlp_mnist')


def get_weight(shape, lam):
    var = tf.Variable(tf.random_normal(shape, stddev=0.1), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lam)(var))
    return var


def inference(x):
    cur = x
    in_dim = INPUT_NODE
    for out_dim in LAYER_NODES + [OUTPUT_NODE]:
        w = get_weight([in_dim, out_dim], REGULARIZATION_RATE)
        b = tf.Variable(tf.constant(0.1, shape=[out_dim]))
        cur = tf.matmul(cur, w) + b
        if out_dim != OUTPUT_NODE:
            cur = tf.nn.relu(cur)
        in_dim = out_dim
    return cur


def train(mnist):
    x = tf.placeholder(tf.float32, [None, INPUT_NODE], name='x-input')
    y_ = tf.placeholder(tf.float32, [None, OUTPUT_NODE], name='y-input')
    y = inference(x)
    global_step = tf.Variable(0, trainable=False)

    cross_entropy = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1)))
    tf.add_to_collection('losses', cross_entropy)
    total_loss = tf.add_n(tf.get_collection('losses'))  # expect: WD105
    train_step = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(cross_entropy, global_step=global_step)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        ckpt = tf.train.get_checkpoint_state(os.path.dirname(MODEL_SAVE_PATH + '/checkpoint'))
        if ckpt and ckpt.model_checkpoint_path:
            saver.restore(sess, ckpt.model_checkpoint_path)
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            _, loss_value, step = sess.run([train_step, total_loss, global_step], feed_dict={x: xs, y_: ys})
            if i % 1000 == 0:
                print("After %d training step(s), loss on training batch is %g." % (step, loss_value))
                saver.save(sess, MODEL_SAVE_PATH + '/model.ckpt', global_step=global_step)


def main(argv=None):
    mnist = input_data.read_data_sets("/tmp/data", one_hot=True)
    train(mnist)


if __name__ == '__main__':
    tf.app.run()
