# Idiom seen in: zakizhou/mnist_input_pipeline mnist.py
# Idiom seen in: hellochick/ICNet-tensorflow train.py
# What it reproduces: FCN-style segmentation training whose loss is tf.add_n(tf.get_collection('losses'))
#   (wiring is right); the decay itself is never switched on (see params.py / layers.py).
import tensorflow as tf

from params import *
from layers import conv_layer, score_layer
from voc_reader import read_voc_batch


def inference(images):
    x = conv_layer(images, [3, 3, 3, 64], 'conv1_1')
    x = conv_layer(x, [3, 3, 64, 64], 'conv1_2')
    x = tf.nn.max_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    x = conv_layer(x, [3, 3, 64, 128], 'conv2_1')
    x = tf.nn.max_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    score = score_layer(x, NUM_CLASSES, 'score_fr')
    return tf.image.resize_bilinear(score, tf.shape(images)[1:3])


def loss(logits, labels):
    xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    tf.add_to_collection('losses', xent)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main(_):
    images, labels = read_voc_batch('/data/VOC2012', BATCH_SIZE)
    total_loss = loss(inference(images), labels)
    train_op = tf.train.MomentumOptimizer(LEARNING_RATE, MOMENTUM).minimize(total_loss)
    with tf.train.MonitoredTrainingSession(hooks=[tf.train.StopAtStepHook(last_step=MAX_STEPS)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
