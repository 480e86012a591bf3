# Idiom seen in: Lechatelia/Welding_Joints cifar10_train.py
# What it reproduces: the CIFAR-10 tutorial model re-purposed for weld-joint images; the helper adds
#   wd*l2_loss(var) to the collection "losses", but loss() returns the mean cross entropy instead of
#   tf.add_n(tf.get_collection("losses")), and the train script minimizes that: the decay terms are dead.
import time

import tensorflow as tf

import weld_input
import weld_model

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/weld_train', 'Event logs and checkpoints')
tf.app.flags.DEFINE_integer('max_steps', 20000, 'Number of batches to run')


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = weld_input.distorted_inputs(batch_size=FLAGS.batch_size)
        logits = weld_model.inference(images)
        loss = weld_model.loss(logits, labels)
        train_op = weld_model.train(loss, global_step)

        saver = tf.train.Saver(tf.global_variables())
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.train.start_queue_runners(sess=sess)
            for step in range(FLAGS.max_steps):
                start = time.time()
                _, loss_value = sess.run([train_op, loss])
                if step % 100 == 0:
                    print('step %d, loss = %.3f (%.3f sec/batch)' % (step, loss_value, time.time() - start))
                if step % 1000 == 0 or (step + 1) == FLAGS.max_steps:
                    saver.save(sess, FLAGS.train_dir + '/model.ckpt', global_step=step)


def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
