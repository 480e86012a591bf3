# Idiom seen in: bgshin/doc-classify-multi-gpu src/cnntw/cnn_model.py
# Idiom seen in: bgshin/doc-classify-multi-gpu src/cnntw/train_multi.py
# What it reproduces: a tweet-sentiment CNN on the CIFAR-10 multi-GPU template: _variable_with_weight_decay
#   (wd=None on the convs, wd=0.2 on the softmax layer) fills the "losses" collection, tower_loss sums
#   tf.get_collection("losses", namescope) and each tower computes gradients of that sum; the extra
#   dev tower only evaluates: clean.
import re
import time

import tensorflow as tf

import cnn_model
import cnnt_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 64, 'Number of tweets per tower.')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')
tf.app.flags.DEFINE_integer('num_gpus', 2, 'How many GPUs to use.')
tf.app.flags.DEFINE_float('dropout_keep_prob', 0.5, 'Dropout keep probability.')


def tower_loss(namescope, target, batch_size=64):
    txts, labels = cnnt_input.get_inputs(target, batch_size=batch_size)
    if target == 'trn':
        logits = cnn_model.inference(txts, dropout_keep_prob=FLAGS.dropout_keep_prob)
    else:
        logits = cnn_model.inference(txts)
    _, accuracy = cnn_model.loss(logits, labels)
    losses = tf.get_collection('losses', namescope)
    total_loss = tf.add_n(losses, name='total_loss')
    for l in losses + [total_loss]:
        loss_name = re.sub('%s_[0-9]*/' % cnn_model.TOWER_NAME, '', l.op.name)
        tf.summary.scalar(loss_name, l)
    return total_loss, accuracy


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


def train():
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        global_step = tf.get_variable('global_step', [], initializer=tf.constant_initializer(0),
                                      trainable=False)
        opt = tf.train.AdamOptimizer(1e-3)
        tower_grads = []
        with tf.variable_scope(tf.get_variable_scope()):
            with tf.device('/gpu:0'):
                with tf.name_scope('%s_%d_dev' % (cnn_model.TOWER_NAME, 0)) as namescope:
                    loss_dev, accuracy_dev = tower_loss(namescope, 'dev', batch_size=1588)
                    tf.get_variable_scope().reuse_variables()
            for i in range(FLAGS.num_gpus):
                with tf.device('/gpu:%d' % i):
                    with tf.name_scope('%s_%d' % (cnn_model.TOWER_NAME, i)) as namescope:
                        loss, accuracy = tower_loss(namescope, 'trn', batch_size=FLAGS.batch_size)
                        tf.get_variable_scope().reuse_variables()
                        summaries = tf.get_collection(tf.GraphKeys.SUMMARIES, namescope)
                        grads = opt.compute_gradients(loss)
                        tower_grads.append(grads)
        grads = average_gradients(tower_grads)
        apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
        variable_averages = tf.train.ExponentialMovingAverage(0.9999, global_step)
        train_op = tf.group(apply_gradient_op, variable_averages.apply(tf.trainable_variables()))
        summary_op = tf.summary.merge(summaries)

        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        sess.run(tf.global_variables_initializer())
        tf.train.start_queue_runners(sess=sess)
        for step in range(FLAGS.max_steps):
            start_time = time.time()
            _, loss_value = sess.run([train_op, loss])
            if step % 100 == 0:
                acc_dev = sess.run(accuracy_dev)
                print('step %d, loss = %.2f, dev acc = %.3f (%.3f sec/batch)' % (
                    step, loss_value, acc_dev, time.time() - start_time))
                sess.run(summary_op)


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.app.run()
