# Idiom seen in: ZijingMao/ROICNN rsvp/rsvp_train.py
# What it reproduces: the tutorial-style training script: the summed 'losses' collection is minimized
#   with plain SGD, so the collection is read; the decay is switched off in rsvp_model.py (WD303 there).
import time

import tensorflow as tf

import rsvp_input
import rsvp_model

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 64, """Batch size.""")
tf.app.flags.DEFINE_integer('max_steps', 20000, """Number of batches to run.""")
tf.app.flags.DEFINE_float('learning_rate', 0.01, """Learning rate.""")


def train():
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        eeg, labels = rsvp_input.inputs(FLAGS.batch_size)
        logits = rsvp_model.inference(eeg)
        total_loss = rsvp_model.loss(logits, labels)
        train_op = tf.train.GradientDescentOptimizer(FLAGS.learning_rate).minimize(total_loss, global_step=global_step)
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        tf.train.start_queue_runners(sess=sess)
        for step in range(FLAGS.max_steps):
            start = time.time()
            _, value = sess.run([train_op, total_loss])
            if step % 100 == 0:
                print('step %d, loss = %.3f (%.3f s)' % (step, value, time.time() - start))


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.app.run()
