# Idiom seen in: hizhangp/yolo_tensorflow train.py
# What it reproduces: a Solver class that hands net.total_loss (get_total_loss, regularization included) to slim.learning.create_train_op with an exponentially decayed GradientDescentOptimizer (clean).
import argparse
import datetime
import os

import tensorflow as tf

import yolo_config as cfg
from yolo_net import YOLONet
from voc_reader import PascalVOC

slim = tf.contrib.slim


class Solver(object):
    def __init__(self, net, data):
        self.net = net
        self.data = data
        self.max_iter = cfg.MAX_ITER
        self.output_dir = os.path.join(cfg.OUTPUT_DIR, datetime.datetime.now().strftime("%Y_%m_%d_%H_%M"))
        os.makedirs(self.output_dir, exist_ok=True)
        self.global_step = tf.train.create_global_step()
        self.learning_rate = tf.train.exponential_decay(cfg.LEARNING_RATE, self.global_step, cfg.DECAY_STEPS,
                                                        cfg.DECAY_RATE, cfg.STAIRCASE, name="learning_rate")
        self.optimizer = tf.train.GradientDescentOptimizer(learning_rate=self.learning_rate)
        self.train_op = slim.learning.create_train_op(self.net.total_loss, self.optimizer,
                                                      global_step=self.global_step)
        self.summary_op = tf.summary.merge_all()
        self.writer = tf.summary.FileWriter(self.output_dir, flush_secs=60)
        self.saver = tf.train.Saver(tf.global_variables(), max_to_keep=None)
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def train(self):
        for step in range(1, self.max_iter + 1):
            images, labels = self.data.get()
            feed_dict = {self.net.images: images, self.net.labels: labels}
            if step % cfg.SUMMARY_ITER == 0:
                summary_str, loss, _ = self.sess.run([self.summary_op, self.net.total_loss, self.train_op],
                                                     feed_dict=feed_dict)
                self.writer.add_summary(summary_str, step)
                print("Step: {}, Loss: {:5.3f}".format(step, loss))
            else:
                self.sess.run(self.train_op, feed_dict=feed_dict)
            if step % cfg.SAVE_ITER == 0:
                self.saver.save(self.sess, os.path.join(self.output_dir, "yolo"), global_step=self.global_step)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="YOLO_small.ckpt", type=str)
    parser.add_argument("--gpu", default="0", type=str)
    args = parser.parse_args()
    os.environ["CUDA_VISIBLE_DEVICES"] = args.gpu
    yolo = YOLONet(is_training=True)
    pascal = PascalVOC("train")
    Solver(yolo, pascal).train()


if __name__ == "__main__":
    main()
