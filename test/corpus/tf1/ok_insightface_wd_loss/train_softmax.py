# Idiom seen in: luckycallor/InsightFace-tensorflow model.py
# Idiom seen in: luckycallor/InsightFace-tensorflow losses/logit_loss.py
# Idiom seen in: luckycallor/InsightFace-tensorflow train_softmax.py
# What it reproduces: slim arg_scope and the arcface weight carry L2 regularizers; Trainer.build sums
# REGULARIZATION_LOSSES into wd_loss and minimizes inference_loss + wd_loss with momentum (clean).
import argparse

import tensorflow as tf
import tensorflow.contrib.slim as slim
import yaml

from data.classificationDataTool import ClassificationImageData
from logit_loss import get_logits
from model import get_embd


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--config_path', type=str, default='./configs/config_ms1m_100.yaml')
    return parser.parse_args()


def inference(images, labels, is_training_dropout, is_training_bn, config):
    embds, end_points = get_embd(images, is_training_dropout, is_training_bn, config)
    logits = get_logits(embds, labels, config)
    return embds, logits, end_points


class Trainer:
    def __init__(self, config):
        self.config = config
        self.batch_size = config['batch_size']
        self.image_size = config['image_size']
        self.epoch_num = config['epoch_num']
        self.step_per_epoch = config['step_per_epoch']

    def build(self):
        self.train_phase_dropout = tf.placeholder(dtype=tf.bool, shape=None, name='train_phase_dropout')
        self.train_phase_bn = tf.placeholder(dtype=tf.bool, shape=None, name='train_phase_bn')
        self.global_step = tf.Variable(name='global_step', initial_value=0, trainable=False)
        self.lr = tf.train.piecewise_constant(self.global_step, boundaries=self.config['lr_steps'],
                                              values=self.config['lr_values'], name='lr_schedule')
        cid = ClassificationImageData(img_size=self.image_size, augment_flag=self.config['augment_flag'])
        train_dataset = cid.read_TFRecord(self.config['train_data']).shuffle(10000).repeat().batch(self.batch_size)
        self.train_images, self.train_labels = train_dataset.make_one_shot_iterator().get_next()

        self.embds, self.logits, self.end_points = inference(self.train_images, self.train_labels,
                                                             self.train_phase_dropout, self.train_phase_bn, self.config)
        self.inference_loss = slim.losses.sparse_softmax_cross_entropy(logits=self.logits, labels=self.train_labels)
        self.wd_loss = tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
        self.train_loss = self.inference_loss + self.wd_loss
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            self.train_op = tf.train.MomentumOptimizer(learning_rate=self.lr,
                                                       momentum=self.config['momentum']).minimize(self.train_loss)
        self.train_summary = tf.summary.merge([
            tf.summary.scalar('inference_loss', self.inference_loss),
            tf.summary.scalar('wd_loss', self.wd_loss),
            tf.summary.scalar('train_loss', self.train_loss),
        ])

    def train(self):
        self.build()
        with tf.Session() as sess:
            tf.global_variables_initializer().run()
            for i in range(self.epoch_num):
                for j in range(self.step_per_epoch):
                    _, l, l_wd, l_inf = sess.run([self.train_op, self.train_loss, self.wd_loss, self.inference_loss],
                                                 feed_dict={self.train_phase_dropout: True, self.train_phase_bn: True})
                    print('Epoch: [%2d/%2d] [%6d/%6d] loss: %.3f (inference: %.3f, wd: %.3f)'
                          % (i, self.epoch_num, j, self.step_per_epoch, l, l_inf, l_wd))


if __name__ == '__main__':
    args = parse_args()
    config = yaml.load(open(args.config_path))
    trainer = Trainer(config)
    trainer.train()
