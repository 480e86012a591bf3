# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/fcn-12.3.1.py
# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/resnet.py
# What it reproduces: the FCN trainer class with the optimizer swapped to AdamW(weight_decay=1e-4) and no
#   exclude_from_weight_decay: decoupled decay on every trainable variable, BatchNorm gammas/betas and
#   biases included (WD203), on top of the builder's L2 (WD201 in resnet.py).
import os

import numpy as np
import tensorflow as tf
from tensorflow.keras.callbacks import LearningRateScheduler

from data_generator import DataGenerator
from model_utils import parser, lr_scheduler
from common_utils import AccuracyCallback
from model import build_fcn
from resnet import build_resnet


class FCN:

    def __init__(self, args):
        self.args = args
        self.fcn = None
        self.train_generator = DataGenerator(args)
        self.build_model()

    def build_model(self):
        self.input_shape = (self.args.height, self.args.width, self.args.channels)
        self.backbone = build_resnet(self.input_shape, n_layers=self.args.layers)
        self.n_classes = self.train_generator.n_classes
        self.fcn = build_fcn(self.input_shape, self.backbone, self.n_classes)

    def train(self):
        optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4)  # expect: WD203
        loss = 'categorical_crossentropy'
        self.fcn.compile(optimizer=optimizer, loss=loss)
        accuracy = AccuracyCallback(self)
        scheduler = LearningRateScheduler(lr_scheduler)
        self.fcn.fit(x=self.train_generator, use_multiprocessing=False,
                     callbacks=[accuracy, scheduler], epochs=self.args.epochs)

    def restore_weights(self):
        if self.args.restore_weights:
            save_dir = os.path.join(os.getcwd(), self.args.save_dir)
            self.fcn.load_weights(os.path.join(save_dir, self.args.restore_weights))


if __name__ == '__main__':
    args = parser().parse_args()
    fcn = FCN(args)
    if args.restore_weights:
        fcn.restore_weights()
    if args.train:
        fcn.train()
