# Idiom seen in: 610265158/DSFD-tensorflow lib/core/base_trainer/net_work.py
# What it reproduces: multi-GPU towers under a slim arg_scope whose weights_regularizer is l2_regularizer(L2_reg placeholder); tower_loss sums REGULARIZATION_LOSSES and only the last tower adds it to the loss it differentiates, which is then averaged and applied (clean).
import time

import tensorflow as tf
import tensorflow.contrib.slim as slim

from train_config import config as cfg
from face_net import DSFD
from data_iter import DataIter


class Trainer(object):
    def __init__(self):
        self.train_ds = DataIter(cfg.DATA.root_path, cfg.DATA.train_txt_path, training_flag=True)
        self._graph = tf.Graph()
        self.summaries = []

    def get_opt(self):
        global_step = tf.get_variable("global_step", [], initializer=tf.constant_initializer(0),
                                      dtype=tf.int32, trainable=False)
        lr = tf.train.piecewise_constant(global_step, cfg.TRAIN.lr_decay_every_step, cfg.TRAIN.lr_value_every_step)
        return tf.train.MomentumOptimizer(lr, momentum=0.9), lr, global_step

    def tower_loss(self, scope, images, labels, boxes, l2_reg, training):
        detector = DSFD()
        loc_loss, cls_loss = detector.forward(images, boxes, labels, l2_reg, training)
        regularization_losses = tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES), name="l2_loss")
        return loc_loss, cls_loss, regularization_losses

    @staticmethod
    def average_gradients(tower_grads):
        average = []
        for grad_and_vars in zip(*tower_grads):
            grads = [tf.expand_dims(tf.clip_by_value(g, -5.0, 5.0), 0) for g, _ in grad_and_vars]
            average.append((tf.reduce_mean(tf.concat(grads, 0), 0), grad_and_vars[0][1]))
        return average

    def build(self):
        with self._graph.as_default(), tf.device("/cpu:0"):
            opt, lr, global_step = self.get_opt()
            l2_reg = tf.placeholder(tf.float32, name="L2_reg")
            training = tf.placeholder(tf.bool, name="training_flag")
            weights_regularizer = tf.contrib.layers.l2_regularizer(l2_reg)
            self.inputs = {"images": [], "boxes": [], "labels": [], "l2": l2_reg, "training": training}
            tower_grads = []
            with tf.variable_scope(tf.get_variable_scope()):
                for i in range(cfg.TRAIN.num_gpu):
                    with tf.device("/gpu:%d" % i), tf.name_scope("tower_%d" % i) as scope:
                        images = tf.placeholder(tf.float32, [None, None, None, 3], name="images")
                        boxes = tf.placeholder(tf.float32, [cfg.TRAIN.batch_size, None, 4], name="boxes")
                        labels = tf.placeholder(tf.int64, [cfg.TRAIN.batch_size, None], name="labels")
                        self.inputs["images"].append(images)
                        self.inputs["boxes"].append(boxes)
                        self.inputs["labels"].append(labels)
                        with slim.arg_scope([slim.conv2d, slim.separable_conv2d, slim.fully_connected],
                                            weights_regularizer=weights_regularizer,
                                            biases_regularizer=tf.no_regularizer,
                                            weights_initializer=slim.xavier_initializer()):
                            loc_loss, cls_loss, l2_loss = self.tower_loss(scope, images, labels, boxes,
                                                                          l2_reg, training)
                            if i == cfg.TRAIN.num_gpu - 1:
                                total_loss = tf.add_n([loc_loss, cls_loss, l2_loss])
                            else:
                                total_loss = tf.add_n([loc_loss, cls_loss])
                        tf.get_variable_scope().reuse_variables()
                        bn_update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope=scope)
                        tower_grads.append(opt.compute_gradients(total_loss))
            grads = self.average_gradients(tower_grads)
            apply_op = opt.apply_gradients(grads, global_step=global_step)
            self.train_op = tf.group(apply_op, *bn_update_ops)
            self.fetches = [self.train_op, total_loss, loc_loss, cls_loss, l2_loss, lr]
            self.sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
            self.sess.run(tf.global_variables_initializer())

    def train_loop(self):
        self.build()
        for epoch in range(cfg.TRAIN.epoch):
            for step in range(cfg.TRAIN.iter_num_per_epoch):
                start = time.time()
                images, boxes, labels = next(self.train_ds)
                feed = {self.inputs["l2"]: cfg.TRAIN.weight_decay_factor, self.inputs["training"]: True}
                bs = cfg.TRAIN.batch_size
                for n in range(cfg.TRAIN.num_gpu):
                    feed[self.inputs["images"][n]] = images[n * bs:(n + 1) * bs]
                    feed[self.inputs["boxes"][n]] = boxes[n * bs:(n + 1) * bs]
                    feed[self.inputs["labels"][n]] = labels[n * bs:(n + 1) * bs]
                _, total, loc, cls, l2, lr_value = self.sess.run(self.fetches, feed_dict=feed)
                if step % cfg.TRAIN.log_interval == 0:
                    print("epoch %d iter %d total=%.4f loc=%.4f cls=%.4f l2=%.4f lr=%e (%.2fs)"
                          % (epoch, step, total, loc, cls, l2, lr_value, time.time() - start))


if __name__ == "__main__":
    Trainer().train_loop()
