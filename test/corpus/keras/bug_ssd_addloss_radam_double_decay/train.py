# Idiom seen in: chansoopark98/Tensorflow-Keras-Object-Detection model_configuration.py
# Idiom seen in: chansoopark98/Tensorflow-Keras-Object-Detection train.py
# What it reproduces: the training configuration class: RectifiedAdam with its own weight_decay, the
#   builder's add_loss L2 switched on, compile + fit on a display-defect detection set. Run as the
#   repository's "radam_weight-decay" experiments (--optimizer radam --use_weight_decay).
import argparse

import tensorflow as tf
import tensorflow_addons as tfa
from tensorflow.keras.callbacks import LearningRateScheduler, ModelCheckpoint

from model_builder import ModelBuilder
from utils.load_datasets import DatasetGenerator  # tfds wrapper, not in this folder
from utils.loss import DetectionLoss  # SSD multibox loss, not in this folder

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=8)
parser.add_argument("--epoch", type=int, default=100)
parser.add_argument("--lr", type=float, default=0.001)
parser.add_argument("--weight_decay", type=float, default=0.00001)
parser.add_argument("--optimizer", type=str, default='radam')
parser.add_argument("--use_weight_decay", type=bool, default=True)
parser.add_argument("--backbone_name", type=str, default='efficientv2b0')
parser.add_argument("--checkpoint_dir", type=str, default='./checkpoints/')
args = parser.parse_args()


class ModelConfiguration(DatasetGenerator):
    def __init__(self, args):
        self.args = args
        super().__init__(data_dir='./datasets/', dataset_name='coex_wtc', batch_size=args.batch_size)

    def set_optimizer(self):
        if self.args.optimizer == 'sgd':
            self.optimizer = tf.keras.optimizers.SGD(momentum=0.9, learning_rate=self.args.lr)
        elif self.args.optimizer == 'adam':
            self.optimizer = tf.keras.optimizers.Adam(learning_rate=self.args.lr)
        elif self.args.optimizer == 'radam':
            self.optimizer = tfa.optimizers.RectifiedAdam(learning_rate=self.args.lr,
                                                          weight_decay=0.00001,  # expect: WD203
                                                          total_steps=int(self.number_train / self.args.batch_size * self.args.epoch),
                                                          warmup_proportion=0.1,
                                                          min_lr=0.0001)

    def train(self):
        self.set_optimizer()
        self.model = ModelBuilder(image_size=(256, 256), num_classes=self.num_classes,
                                  use_weight_decay=self.args.use_weight_decay,
                                  weight_decay=self.args.weight_decay).build_model(self.args.backbone_name)
        self.model.compile(optimizer=self.optimizer,
                           loss=DetectionLoss(num_classes=self.num_classes, global_batch_size=self.args.batch_size))
        poly = tf.keras.optimizers.schedules.PolynomialDecay(self.args.lr, self.args.epoch, self.args.lr * 0.01, power=0.9)
        callbacks = [ModelCheckpoint(self.args.checkpoint_dir + 'ssd_best_loss.h5', monitor='val_loss',
                                     save_best_only=True, save_weights_only=True),
                     LearningRateScheduler(poly, verbose=1)]
        self.model.fit(self.get_trainData(self.train_data), validation_data=self.get_validData(self.valid_data),
                       steps_per_epoch=self.number_train // self.args.batch_size,
                       validation_steps=self.number_valid // self.args.batch_size,
                       epochs=self.args.epoch, callbacks=callbacks)


if __name__ == '__main__':
    ModelConfiguration(args).train()
