# Idiom seen in: pippy360/depthEstimationNN1 task.py
# What it reproduces: the training entry point run by tf.app.run: batches from a dataset module the folder does not
#   hold, model.inference/model.loss, and train_operation.train on the summed total loss.
from datetime import datetime

import tensorflow as tf

from dataset import DataSet
import model
import train_operation as op

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('max_steps', 10000000, 'Number of batches to run.')
tf.app.flags.DEFINE_integer('batch_size', 8, 'Batch size.')
tf.app.flags.DEFINE_string('train_file', 'train.csv', 'List of RGB/depth pairs.')
tf.app.flags.DEFINE_string('train_dir', './train', 'Checkpoint directory.')


def train():
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        dataset = DataSet(FLAGS.batch_size)
        images, depths, invalid_depths = dataset.csv_inputs(FLAGS.train_file)
        logits = model.inference(images)
        loss = model.loss(logits, depths, invalid_depths)
        train_op = op.train(loss, global_step, FLAGS.batch_size)
        saver = tf.train.Saver(tf.global_variables())
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(FLAGS.max_steps):
                _, loss_value = sess.run([train_op, loss])
                if step % 10 == 0:
                    print("%s: step %d, loss = %.2f" % (datetime.now(), step, loss_value))
                if step % 500 == 0 or (step + 1) == FLAGS.max_steps:
                    saver.save(sess, FLAGS.train_dir + '/model.ckpt', global_step=step)
            coord.request_stop()
            coord.join(threads)


def main(argv=None):
    if not tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
