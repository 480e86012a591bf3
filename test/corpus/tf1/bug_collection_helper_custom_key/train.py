# Idiom seen in: dwhzealot/Deeplearning_py_prj DeepLearning/src/MyTensorFlow/TF_RegularizeClass.py; caicloud/tensorflow-tutorial Deep_Learning_with_TensorFlow/1.0.0/Chapter05/5. MNIST最佳实践/mnist_train.py
# What it reproduces: a placeholder MLP on input_data.read_data_sets whose weights are
# regularized into the 'l2_losses' collection (the helper's default), while the objective is
# tf.add_n(tf.get_collection('losses')), which only holds the cross entropy.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

from reg_utils import weight_variable, bias_variable, collect_loss

LAMBDA = 5e-4
LEARNING_RATE = 0.1
BATCH_SIZE = 128
STEPS = 10000


def build(x, y_):
    w1 = weight_variable([784, 256], 'w1', lamda=LAMBDA)
    b1 = bias_variable([256], 'b1')
    h1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    w2 = weight_variable([256, 10], 'w2', lamda=LAMBDA)
    b2 = bias_variable([10], 'b2')
    logits = tf.matmul(h1, w2) + b2
    xent = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits))
    collect_loss(xent)
    total_loss = tf.add_n(tf.get_collection('losses'), name='total_loss')
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y_, 1))
    return total_loss, tf.reduce_mean(tf.cast(correct, tf.float32))


def main():
    mnist = input_data.read_data_sets('MNIST_data', one_hot=True)
    x = tf.placeholder(tf.float32, [None, 784])
    y_ = tf.placeholder(tf.float32, [None, 10])
    total_loss, accuracy = build(x, y_)
    train_op = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(total_loss)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            _, loss_value = sess.run([train_op, total_loss], feed_dict={x: xs, y_: ys})
            if step % 500 == 0:
                acc = sess.run(accuracy, feed_dict={x: mnist.validation.images, y_: mnist.validation.labels})
                print('step %d loss %.4f val acc %.4f' % (step, loss_value, acc))


if __name__ == '__main__':
    main()
