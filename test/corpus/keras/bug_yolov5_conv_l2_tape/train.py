# Idiom seen in: LongxingTan/tfyolo yolo/model/module.py
# Idiom seen in: LongxingTan/tfyolo yolo/model/yolo.py
# Idiom seen in: LongxingTan/tfyolo yolo/train.py
# (repository formerly LongxingTan/Yolov5)
# What it reproduces: every Conv block holds Conv2D(kernel_regularizer=L2(5e-4)), but the Trainer's GradientTape
# loss is iou + conf + prob loss only; model.losses never joins it, so the conv kernels get no decay.
import numpy as np
import tensorflow as tf

from configs.config import params
from dataset.load_data import DataLoader
from model.loss import YoloLoss
from yolo import Yolo


class Trainer(object):
    def __init__(self, params):
        self.params = params
        self.global_step = tf.Variable(0, trainable=False, dtype=tf.int64)
        self.strategy = tf.distribute.OneDeviceStrategy(device='/gpu:0')
        with self.strategy.scope():
            self.model = Yolo(num_classes=params['num_classes'])
            self.anchors = self.model.module_list[-1].anchors
            self.loss_fn = YoloLoss(self.anchors, ignore_iou_threshold=0.3, num_classes=params['num_classes'],
                                    label_smoothing=params['label_smoothing'], img_size=params['img_size'])
            self.optimizer = tf.keras.optimizers.Adam(learning_rate=params['init_learning_rate'])

    def train(self, train_dataset):
        with self.strategy.scope():
            self.model = self.model(self.params['img_size'])
        for epoch in range(1, self.params['n_epochs'] + 1):
            for step, (image, target) in enumerate(train_dataset):
                loss = self.dist_train_step(image, target)
                print('=> Epoch {}, Step {}, Loss {:.5f}'.format(epoch, self.global_step.numpy(), loss.numpy()))

    def train_step(self, image, target):
        with tf.GradientTape() as tape:
            logit = self.model(image, training=True)
            iou_loss, conf_loss, prob_loss = self.loss_fn(target, logit)
            total_loss = iou_loss + conf_loss + prob_loss
        gradients = tape.gradient(total_loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.global_step.assign_add(1)
        return total_loss

    @tf.function
    def dist_train_step(self, image, target):
        loss = self.strategy.run(self.train_step, args=(image, target))
        return self.strategy.reduce(tf.distribute.ReduceOp.MEAN, loss, axis=None)


if __name__ == '__main__':
    np.random.seed(1919)
    trainer = Trainer(params)
    data_loader = DataLoader(params['train_annotations_dir'], trainer.anchors, params['img_size'])
    train_dataset = data_loader(batch_size=params['batch_size'], anchor_label=True)
    trainer.train(train_dataset)
