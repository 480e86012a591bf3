# Idiom seen in: mdangschat/ctc-asr python/s_train.py
# Idiom seen in: mdangschat/ctc-asr python/s_model.py
# What it reproduces: the tf.app.run training script of the speech model; it minimizes
# s_model.loss() (the bare CTC loss), so the dense layers' kernel_regularizer terms never reach Adam.
"""Train the speech model."""

import time
from datetime import datetime

import tensorflow as tf

import s_model
from params import FLAGS


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()

        with tf.device('/cpu:0'):
            sequences, seq_length, labels, originals = s_model.inputs_train()

        logits = s_model.inference(sequences, seq_length)
        batch_loss = s_model.loss(logits, labels, seq_length)
        train_op = s_model.train(batch_loss, global_step)

        session_saver = tf.train.Saver(max_to_keep=FLAGS.max_checkpoints)
        scaffold = tf.train.Scaffold(saver=session_saver)
        hooks = [tf.train.StopAtStepHook(last_step=FLAGS.max_steps),
                 tf.train.NanTensorHook(batch_loss)]

        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                               hooks=hooks,
                                               scaffold=scaffold,
                                               save_summaries_steps=FLAGS.log_frequency) as sess:
            start = time.time()
            while not sess.should_stop():
                _, loss_value, step = sess.run([train_op, batch_loss, global_step])
                if step % FLAGS.log_frequency == 0:
                    print('{}: step {}, loss={:.4f} ({:.2f} sec)'.format(
                        datetime.now(), step, loss_value, time.time() - start))
                    start = time.time()


# noinspection PyUnusedLocal
def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir) and FLAGS.delete:
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
