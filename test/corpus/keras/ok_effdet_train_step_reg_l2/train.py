# Idiom seen in: tfwcn/tensorflow2-machine-vision AIServer/ai_api/ai_models/efficientnet/train.py
# What it reproduces: the training script of the AI server's detector: cosine warm-up schedule, momentum SGD
#   wrapped in tfa MovingAverage, compile(optimizer) and fit, which runs the overridden train_step.
import math

import tensorflow as tf
import tensorflow_addons as tfa

from ai_api.ai_models.efficientnet.config import get_efficientdet_config  # not in this folder
from ai_api.ai_models.efficientnet.utils.anchors import Anchors  # not in this folder
from ai_api.ai_models.datasets.voc import GetDataSet  # not in this folder
from efficientdet_net_train import EfficientDetNetTrain


class CosineLrSchedule(tf.optimizers.schedules.LearningRateSchedule):
    def __init__(self, adjusted_lr, lr_warmup_init, lr_warmup_step, total_steps):
        super().__init__()
        self.adjusted_lr = adjusted_lr
        self.lr_warmup_init = lr_warmup_init
        self.lr_warmup_step = lr_warmup_step
        self.decay_steps = tf.cast(total_steps - lr_warmup_step, tf.float32)

    def __call__(self, step):
        linear_warmup = self.lr_warmup_init + (tf.cast(step, tf.float32) / self.lr_warmup_step *
                                               (self.adjusted_lr - self.lr_warmup_init))
        cosine_lr = 0.5 * self.adjusted_lr * (1 + tf.cos(math.pi * tf.cast(step, tf.float32) / self.decay_steps))
        return tf.where(step < self.lr_warmup_step, linear_warmup, cosine_lr)


def train():
    batch_size, num_epochs = 2, 300
    config = get_efficientdet_config(model_name='efficientdet-d1')
    anchors = Anchors(config.min_level, config.max_level, (config.image_size, config.image_size),
                      config.num_scales, config.aspect_ratios, config.anchor_scale)
    data_set_train, gen_train = GetDataSet('./data/train', batch_size=batch_size, anchors=anchors)
    data_set_val, gen_val = GetDataSet('./data/val', batch_size=1, anchors=anchors, is_train=False)
    steps_per_epoch = max(1, gen_train.labels_num // batch_size // 10)

    model = EfficientDetNetTrain(blocks_args=config.blocks_args, global_params=config, anchors=anchors)
    learning_rate = CosineLrSchedule(0.08 * batch_size / 64, 0.008, steps_per_epoch, num_epochs * steps_per_epoch)
    optimizer = tf.keras.optimizers.SGD(learning_rate, momentum=0.9)
    optimizer = tfa.optimizers.MovingAverage(optimizer, average_decay=0.9998)
    model.compile(optimizer)
    _ = model(tf.ones((1, config.image_size, config.image_size, 3)))
    model.fit(data_set_train, steps_per_epoch=steps_per_epoch, validation_data=data_set_val,
              validation_steps=max(1, gen_val.labels_num // 10), epochs=num_epochs,
              callbacks=[tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=10)])
    model.save_weights('./data/trained_weights_final.h5')


if __name__ == '__main__':
    train()
