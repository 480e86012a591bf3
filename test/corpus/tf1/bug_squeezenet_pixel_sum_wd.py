# Idiom seen in: mtreml/squeezenet architecture.py
# Idiom seen in: mtreml/squeezenet train_multi_gpu.py
# What it reproduces: the repo's cifar10-style helper on a SqueezeNet segmenter for Cityscapes, switched to the plain
#   GradientDescentOptimizer the repo had commented out; the user scales wd up 1e6x "because the cross entropy is
#   summed over pixels", so lr*wd = 0.01*200 = 2 and decay alone flips the weights every step (a realistic mistake).
import tensorflow as tf

import cityscapes_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 16, 'Number of images to process in a batch.')
tf.app.flags.DEFINE_string('train_dir', '/tmp/squeezeseg_train', 'Directory for event logs and checkpoints.')
tf.app.flags.DEFINE_integer('max_steps', 1000000, 'Number of batches to run.')

NUM_CLASSES = cityscapes_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = cityscapes_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN
NUM_EPOCHS_PER_DECAY = 500.0      # Epochs after which learning rate decays.
LEARNING_RATE_DECAY_FACTOR = 0.1  # Learning rate decay factor.
INITIAL_LEARNING_RATE = 1e-2      # Initial learning rate.
# Weight decay: 2e-4 per pixel x ~1e6 pixels, since the loss below is summed, not averaged.
wd = 200.0  # expect: WD301


def _variable_with_weight_decay(shape, stddev, wd):
    var = tf.get_variable('weights', shape=shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd and (not tf.get_variable_scope().reuse):
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def _bias_variable(shape, constant=0.0):
    return tf.get_variable(name='biases', shape=shape, initializer=tf.constant_initializer(constant))


def _convolution_layer(bottom, shape, name):
    with tf.variable_scope(name):
        in_features = bottom.get_shape()[3].value
        stddev = (2 / (in_features + shape[3])) ** 0.5
        filt = _variable_with_weight_decay(shape, stddev, wd)
        conv = tf.nn.conv2d(bottom, filt, strides=[1, 1, 1, 1], padding='SAME')
        bias = tf.nn.bias_add(conv, _bias_variable([shape[3]]))
        return bias if name == 'score_fr' else tf.nn.elu(bias)


def _fire(bottom, squeeze, expand, name):
    with tf.variable_scope(name):
        in_ch = bottom.get_shape()[3].value
        s = _convolution_layer(bottom, [1, 1, in_ch, squeeze], 'squeeze1x1')
        e1 = _convolution_layer(s, [1, 1, squeeze, expand], 'expand1x1')
        e3 = _convolution_layer(s, [3, 3, squeeze, expand], 'expand3x3')
        return tf.concat([e1, e3], 3)


def inference(images):
    net = _convolution_layer(images, [3, 3, 3, 64], 'conv1')
    net = tf.nn.max_pool(net, [1, 3, 3, 1], [1, 2, 2, 1], padding='SAME')
    net = _fire(net, 16, 64, 'fire2')
    net = _fire(net, 32, 128, 'fire3')
    net = _convolution_layer(net, [1, 1, 256, NUM_CLASSES], 'score_fr')
    return tf.image.resize_bilinear(net, tf.shape(images)[1:3])


def loss(logits, labels):
    onehot_labels = tf.to_float(tf.reshape(tf.one_hot(labels, depth=NUM_CLASSES), (-1, NUM_CLASSES)))
    softmax = tf.nn.softmax(tf.reshape(logits, (-1, NUM_CLASSES)))
    cross_entropy = -tf.reduce_sum(onehot_labels * tf.log(softmax + 1e-8), name='xentropy_sum')
    tf.add_to_collection('losses', cross_entropy)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step):
    num_batches_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    opt = tf.train.GradientDescentOptimizer(lr)
    grads = opt.compute_gradients(total_loss)
    return opt.apply_gradients(grads, global_step=global_step)


def main(argv=None):
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = cityscapes_input.distorted_inputs(FLAGS.batch_size)
        total_loss = loss(inference(images), labels)
        train_op = train(total_loss, global_step)
        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                               hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
