# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8forward.py
# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8backward.py
# What it reproduces: the course forward/backward split: get_weight(shape, regularizer) adds
#   l2_regularizer(regularizer)(w) to "losses" behind an "if regularizer != None" guard (the MNIST
#   version of the course), but backward() and the test script both call forward(x, None), so the
#   decay code never runs (user turned it off and left it; the repo passes REGULARIZER=0.01).
import numpy as np
import tensorflow as tf

import opt4_8forward


def test():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, shape=(None, 2))
        y = opt4_8forward.forward(x, None)
        saver = tf.train.Saver()
        xx, yy = np.mgrid[-3:3:.01, -3:3:.01]
        grid = np.c_[xx.ravel(), yy.ravel()]
        with tf.Session() as sess:
            ckpt = tf.train.get_checkpoint_state("./model")
            if ckpt and ckpt.model_checkpoint_path:
                saver.restore(sess, ckpt.model_checkpoint_path)
                probs = sess.run(y, feed_dict={x: grid}).reshape(xx.shape)
                print("fraction of grid inside the circle: %f" % np.mean(probs > 0.5))


if __name__ == '__main__':
    test()
