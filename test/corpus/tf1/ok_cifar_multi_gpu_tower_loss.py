# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10.py
# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_train.py
# What it reproduces: the multi-GPU CIFAR-10 pattern: tower_loss() builds the tower, then sums
#   tf.get_collection('losses', scope) (cross entropy plus the wd terms of that tower) and each tower's
#   gradients of that total are averaged and applied. Clean: the decay terms are in the minimized loss.
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('num_gpus', 2, 'How many GPUs to use.')
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size per tower.')
TOWER_NAME = 'tower'


def _variable_with_weight_decay(name, shape, stddev, wd):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(images):
    with tf.variable_scope('local3'):
        reshape = tf.reshape(images, [FLAGS.batch_size, -1])
        w3 = _variable_with_weight_decay('weights', [reshape.get_shape()[1].value, 384], stddev=0.04, wd=0.004)
        local3 = tf.nn.relu(tf.matmul(reshape, w3))
    with tf.variable_scope('softmax_linear'):
        w4 = _variable_with_weight_decay('weights', [384, 10], stddev=1 / 384.0, wd=None)
        return tf.matmul(local3, w4)


def tower_loss(scope, images, labels):
    logits = inference(images)
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    losses = tf.get_collection('losses', scope)
    return tf.add_n(losses, name='total_loss')


def average_gradients(tower_grads):
    averaged = []
    for grad_and_vars in zip(*tower_grads):
        grad = tf.reduce_mean(tf.stack([g for g, _ in grad_and_vars]), 0)
        averaged.append((grad, grad_and_vars[0][1]))
    return averaged


def main(_):
    global_step = tf.train.get_or_create_global_step()
    opt = tf.train.GradientDescentOptimizer(0.1)
    batch_queue = cifar10_input.batch_queue(FLAGS.batch_size)
    tower_grads = []
    with tf.variable_scope(tf.get_variable_scope()):
        for i in range(FLAGS.num_gpus):
            with tf.device('/gpu:%d' % i), tf.name_scope('%s_%d' % (TOWER_NAME, i)) as scope:
                image_batch, label_batch = batch_queue.dequeue()
                loss = tower_loss(scope, image_batch, label_batch)
                tf.get_variable_scope().reuse_variables()
                tower_grads.append(opt.compute_gradients(loss))
    train_op = opt.apply_gradients(average_gradients(tower_grads), global_step=global_step)
    with tf.train.MonitoredTrainingSession(hooks=[tf.train.StopAtStepHook(last_step=100000)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
