# Idiom seen in: duvallj/othello_ai10 ai10_train.py
# What it reproduces: the CIFAR-10 style train loop (MonitoredTrainingSession + logger hook) that drives othello_net.loss/train; wiring is correct, the only issue is that no layer asks for decay.
import time
from datetime import datetime

import tensorflow as tf

import othello_net

TRAIN_DIR = "./othello_train"
MAX_STEPS = 1000000
LOG_FREQUENCY = 10


class _LoggerHook(tf.train.SessionRunHook):
    def __init__(self, loss_tensor):
        self._loss = loss_tensor

    def begin(self):
        self._step = -1
        self._start = time.time()

    def before_run(self, run_context):
        self._step += 1
        return tf.train.SessionRunArgs(self._loss)

    def after_run(self, run_context, run_values):
        if self._step % LOG_FREQUENCY == 0:
            duration = time.time() - self._start
            self._start = time.time()
            print("%s: step %d, loss = %.4f (%.3f sec/batch)"
                  % (datetime.now(), self._step, run_values.results, duration / LOG_FREQUENCY))


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        with tf.device("/cpu:0"):
            boards, scores = othello_net.inputs(eval_data=False)
        logits = othello_net.inference(boards)
        total_loss = othello_net.loss(logits, scores)
        train_op = othello_net.train(total_loss, global_step)
        hooks = [tf.train.StopAtStepHook(last_step=MAX_STEPS), tf.train.NanTensorHook(total_loss),
                 _LoggerHook(total_loss)]
        with tf.train.MonitoredTrainingSession(checkpoint_dir=TRAIN_DIR, hooks=hooks) as sess:
            while not sess.should_stop():
                sess.run(train_op)


def main(argv=None):
    if tf.gfile.Exists(TRAIN_DIR):
        tf.gfile.DeleteRecursively(TRAIN_DIR)
    tf.gfile.MakeDirs(TRAIN_DIR)
    train()


if __name__ == "__main__":
    tf.app.run()
