# Idiom seen in: bubbliiiing/centernet-tf2 nets/resnet.py
# Idiom seen in: bubbliiiing/centernet-tf2 nets/centernet.py
# Idiom seen in: bubbliiiing/centernet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/centernet-tf2 train.py
# What it reproduces: the repo's own bug on its eager path: the decoder Conv2DTranspose layers carry
# kernel_regularizer=l2(5e-4), the model outputs its loss through a Lambda layer, and the eager
# train_step differentiates that output alone, without net.losses (eager=True set here).
import os
from functools import partial

import tensorflow as tf
from tensorflow.keras.optimizers import SGD, Adam

from centernet import centernet
from dataloader import CenternetDatasets
from utils_fit import fit_one_epoch

if __name__ == "__main__":
    # eager: train with the custom train_step instead of model.fit
    eager = True
    classes_path = 'model_data/voc_classes.txt'
    input_shape = [512, 512]
    num_classes = 20
    Init_Epoch = 0
    UnFreeze_Epoch = 100
    batch_size = 16
    Init_lr = 5e-4
    momentum = 0.9
    optimizer_type = "adam"
    save_dir = 'logs'
    strategy = None

    model, prediction_model = centernet([input_shape[0], input_shape[1], 3], num_classes=num_classes, mode='train')

    with open('2007_train.txt') as f:
        train_lines = f.readlines()
    num_train = len(train_lines)
    epoch_step = num_train // batch_size

    train_dataloader = CenternetDatasets(train_lines, input_shape, batch_size, num_classes, train=True)

    optimizer = {
        'adam': Adam(learning_rate=Init_lr, beta_1=momentum),
        'sgd': SGD(learning_rate=Init_lr, momentum=momentum, nesterov=True),
    }[optimizer_type]

    if eager:
        gen = tf.data.Dataset.from_generator(partial(train_dataloader.generate),
                                             (tf.float32, tf.float32, tf.float32, tf.float32, tf.float32, tf.float32))
        gen = gen.shuffle(buffer_size=batch_size).prefetch(buffer_size=batch_size)
        for epoch in range(Init_Epoch, UnFreeze_Epoch):
            fit_one_epoch(model, optimizer, epoch, epoch_step, gen, UnFreeze_Epoch, save_dir, strategy)
            train_dataloader.on_epoch_end()
    else:
        model.compile(optimizer=optimizer, loss={'centernet_loss': lambda y_true, y_pred: y_pred})
        model.fit(x=train_dataloader, steps_per_epoch=epoch_step, epochs=UnFreeze_Epoch,
                  initial_epoch=Init_Epoch)
