# Idiom seen in: arberzela/deepBrain TFrecords_version/train_multi_gpu.py
# Idiom seen in: arberzela/deepBrain TFrecords_version/deepBrain.py
# What it reproduces: the tf.app.run() driver: inputs from the missing ecog_input module, total loss from
#   deepBrain.loss(), train op from deepBrain.train(). The decay helper is never switched on (WD303 in util.py).
import time
import tensorflow as tf
import deepBrain
import ecog_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', './models/train', 'Directory to write event logs and checkpoints.')
tf.app.flags.DEFINE_string('data_dir', './data/TFRecords/', 'Path to the ECoG TFRecords.')
tf.app.flags.DEFINE_integer('max_steps', 1000, 'Number of batches to run.')


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        feats, labels, seq_lens = ecog_input.inputs(FLAGS.data_dir, 'train', FLAGS.batch_size)
        logits = deepBrain.inference(feats, seq_lens)
        total_loss = deepBrain.loss(logits, labels, seq_lens)
        train_op = deepBrain.train(total_loss, global_step)
        summary_op = tf.summary.merge_all()
        saver = tf.train.Saver(tf.global_variables())
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            writer = tf.summary.FileWriter(FLAGS.train_dir, sess.graph)
            for step in range(FLAGS.max_steps):
                start = time.time()
                _, loss_value = sess.run([train_op, total_loss])
                if step % 10 == 0:
                    print('step %d, loss = %.2f (%.3f sec/batch)' % (step, loss_value, time.time() - start))
                    writer.add_summary(sess.run(summary_op), step)
                if step % 100 == 0 or (step + 1) == FLAGS.max_steps:
                    saver.save(sess, FLAGS.train_dir + '/model.ckpt', global_step=step)
            coord.request_stop()
            coord.join(threads)


def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
