# Idiom seen in: Burf/TFDetection tfdet/core/loss/util.py; sbl1996/hanser hanser/v1/train/__init__.py
# What it reproduces: decay added after the graph is built by calling a Keras regularizer object on
# each kernel (tf.keras.regularizers.l2(wd / 2)(v), to match the l2_loss convention) and filing it
# under REGULARIZATION_LOSSES by hand; the minimized loss adds get_regularization_loss(). Correct.
import tensorflow as tf

import svhn_input

WEIGHT_DECAY = 5e-4
LEARNING_RATE = 0.01
BATCH_SIZE = 128
MAX_STEPS = 40000


def convnet(images, training):
    net = images
    for i, filters in enumerate([32, 64, 128]):
        net = tf.layers.conv2d(net, filters, 3, padding='same', name='conv%d' % i)
        net = tf.layers.batch_normalization(net, training=training, name='bn%d' % i)
        net = tf.nn.relu(net)
        net = tf.layers.max_pooling2d(net, 2, 2)
    net = tf.layers.flatten(net)
    return tf.layers.dense(net, 10, name='logits')


def add_weight_decay(weight_decay):
    # weight decay and Keras l2 differ by a factor of 2
    for v in tf.trainable_variables():
        if 'kernel' in v.name:
            tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES,
                                 tf.keras.regularizers.l2(weight_decay / 2.0)(v))


def main(argv=None):
    images, labels = svhn_input.train_batches(BATCH_SIZE)
    logits = convnet(images, training=True)
    add_weight_decay(WEIGHT_DECAY)

    xent = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    total_loss = xent + tf.losses.get_regularization_loss()

    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(LEARNING_RATE, momentum=0.9, use_nesterov=True)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(total_loss, global_step=global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir='/tmp/svhn',
                                           hooks=[tf.train.StopAtStepHook(last_step=MAX_STEPS)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
