# Idiom seen in: Sanster/tf_crnn nets/crnn.py
# Idiom seen in: Sanster/tf_crnn nets/cnn/simple_net.py
# Idiom seen in: Sanster/tf_crnn train.py
# What it reproduces: a CRNN text recognizer whose slim backbone gets weights_regularizer through an
#   arg_scope built by a method; CRNN adds tf.add_n(tf.losses.get_regularization_losses()) to the CTC
#   loss and the optimizer minimizes that total under the UPDATE_OPS dependency: clean.
import time

import numpy as np
import tensorflow as tf

from libs.config import load_config
from libs.img_dataset import ImgDataset
from libs.label_converter import LabelConverter
from parse_args import parse_args

from crnn import CRNN


class Trainer(object):
    def __init__(self, args):
        self.args = args
        self.cfg = load_config(args.cfg_name)
        self.converter = LabelConverter(chars_file=args.chars_file)
        self.tr_ds = ImgDataset(args.train_dir, self.converter, self.cfg.batch_size)
        self.cfg.lr_boundaries = [self.tr_ds.num_batches * e for e in self.cfg.lr_decay_epochs]
        self.cfg.lr_values = [self.cfg.lr * (self.cfg.lr_decay_rate ** i)
                              for i in range(len(self.cfg.lr_boundaries) + 1)]
        self.model = CRNN(self.cfg, num_classes=self.converter.num_classes)
        self.sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))

    def train(self):
        self.sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(tf.global_variables(), max_to_keep=8)
        for epoch in range(self.cfg.epochs):
            self.sess.run(self.tr_ds.init_op)
            for batch in range(self.tr_ds.num_batches):
                start = time.time()
                img_batch, label_batch, labels, _ = self.tr_ds.get_next_batch(self.sess)
                feed = {self.model.inputs: img_batch,
                        self.model.labels: label_batch,
                        self.model.is_training: True}
                _, cost, step = self.sess.run([self.model.train_op, self.model.total_loss,
                                               self.model.global_step], feed_dict=feed)
                print("epoch: {}, batch: {}, step: {}, time: {:.02f}s, loss: {:.05}".format(
                    epoch, batch, step, time.time() - start, cost))
            saver.save(self.sess, self.args.ckpt_dir + '/crnn', global_step=step)


if __name__ == '__main__':
    np.random.seed(42)
    tf.set_random_seed(42)
    Trainer(parse_args()).train()
