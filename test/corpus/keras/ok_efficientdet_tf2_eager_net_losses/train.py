# Idiom seen in: bubbliiiing/efficientdet-tf2 nets/efficientdet.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 train.py
# What it reproduces: the repo's BoxNet/ClassNet heads, given depthwise/pointwise_regularizer=l2(wd)
# through their options dict, trained on the eager path whose train_step adds tf.reduce_sum(net.losses)
# to the focal + smooth-L1 loss inside the tape (clean).
from functools import partial

import tensorflow as tf
from tensorflow.keras.optimizers import SGD, Adam

from efficientdet import efficientdet
from efficientdet_training import focal, smooth_l1
from dataloader import EfficientdetDatasets
from utils_fit import fit_one_epoch

if __name__ == "__main__":
    eager = True
    phi = 0
    input_shape = [512, 512]
    num_classes = 20
    Init_Epoch = 0
    UnFreeze_Epoch = 100
    batch_size = 8
    Init_lr = 3e-4
    optimizer_type = "adam"
    momentum = 0.9
    weight_decay = 4e-5
    save_dir = 'logs'

    model = efficientdet((input_shape[0], input_shape[1], 3), phi, num_classes=num_classes,
                         weight_decay=weight_decay)
    model.load_weights('model_data/efficientdet-d0.h5', by_name=True, skip_mismatch=True)

    with open('2007_train.txt') as f:
        train_lines = f.readlines()
    epoch_step = len(train_lines) // batch_size
    train_dataloader = EfficientdetDatasets(train_lines, input_shape, batch_size, num_classes, train=True)

    optimizer = {
        'adam': Adam(learning_rate=Init_lr, beta_1=momentum),
        'sgd': SGD(learning_rate=Init_lr, momentum=momentum, nesterov=True),
    }[optimizer_type]

    if eager:
        gen = tf.data.Dataset.from_generator(partial(train_dataloader.generate), (tf.float32, tf.float32, tf.float32))
        gen = gen.shuffle(buffer_size=batch_size).prefetch(buffer_size=batch_size)
        for epoch in range(Init_Epoch, UnFreeze_Epoch):
            fit_one_epoch(model, focal(), smooth_l1(), optimizer, epoch, epoch_step, gen,
                          UnFreeze_Epoch, save_dir, None)
            train_dataloader.on_epoch_end()
    else:
        model.compile(loss={'regression': smooth_l1(), 'classification': focal()}, optimizer=optimizer)
        model.fit(x=train_dataloader, steps_per_epoch=epoch_step, epochs=UnFreeze_Epoch,
                  initial_epoch=Init_Epoch)
