# Idiom seen in: chris4540/DD2412-adl-proj train_kdat.py
# What it reproduces: the few-shot KD+AT baseline: the student WRN is built with weight_decay and the
#   @tf.function step adds reg_loss = tf.reduce_sum(student.losses) to the distillation loss inside
#   the tape before tape.gradient (clean; the frozen teacher is never differentiated).
import argparse
import math
import os
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Conv2D, BatchNormalization, Activation, Add, GlobalAveragePooling2D, Dense
from tensorflow.keras.regularizers import l2
from tensorflow.keras.preprocessing.image import ImageDataGenerator

from utils.preprocess import get_cifar10_data, balance_sampling, to_categorical
from utils.losses import student_loss_fn
from utils.eval import evaluate


class Config:
    beta = 250
    input_shape = (32, 32, 3)
    batch_size = 128
    total_iteration = 80000
    epochs = 200
    momentum = 0.9
    weight_decay = 5e-4
    init_lr = 0.1
    classes = 10


def wrn(depth, width, classes, input_shape, weight_decay=0.0):
    reg = l2(weight_decay) if weight_decay else None
    n = (depth - 4) // 6
    inp = Input(shape=input_shape)
    x = Conv2D(16, 3, padding='same', use_bias=False, kernel_regularizer=reg)(inp)
    acts = []
    for g, filters in enumerate([16 * width, 32 * width, 64 * width]):
        for i in range(n):
            strides = 2 if (g > 0 and i == 0) else 1
            o = Activation('relu')(BatchNormalization()(x))
            shortcut = x if (x.shape[-1] == filters and strides == 1) else \
                Conv2D(filters, 1, strides=strides, use_bias=False, kernel_regularizer=reg)(o)
            o = Conv2D(filters, 3, strides=strides, padding='same', use_bias=False, kernel_regularizer=reg)(o)
            o = Activation('relu')(BatchNormalization()(o))
            o = Conv2D(filters, 3, padding='same', use_bias=False, kernel_regularizer=reg)(o)
            x = Add()([shortcut, o])
        acts.append(x)
    x = GlobalAveragePooling2D()(Activation('relu')(BatchNormalization()(x)))
    logits = Dense(classes, kernel_regularizer=reg)(x)
    return Model(inp, [logits] + acts)


def lr_schedule(epoch):
    fraction = epoch / Config.epochs
    if fraction >= 0.8:
        return Config.init_lr * (0.2 ** 3)
    elif fraction >= 0.6:
        return Config.init_lr * (0.2 ** 2)
    elif fraction >= 0.3:
        return Config.init_lr * 0.2
    return Config.init_lr


@tf.function
def forward(model, batch, training):
    logits, *acts = model(batch, training=training)
    return logits, acts


@tf.function
def train_student(student, optim, batch, t_logits, t_acts):
    with tf.GradientTape() as tape:
        s_logits, *s_acts = student(batch, training=True)
        loss = student_loss_fn(t_logits, t_acts, s_logits, s_acts, Config.beta)
        reg_loss = tf.reduce_sum(student.losses)
        loss = loss + reg_loss
    grads = tape.gradient(loss, student.trainable_weights)
    optim.apply_gradients(zip(grads, student.trainable_weights))
    return loss


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-td', '--tdepth', type=int, required=True)
    parser.add_argument('-tw', '--twidth', type=int, required=True)
    parser.add_argument('-sd', '--sdepth', type=int, required=True)
    parser.add_argument('-sw', '--swidth', type=int, required=True)
    parser.add_argument('-m', '--sample_per_class', type=int, required=True)
    parser.add_argument('-twghs', '--teacher_weights', type=str, required=True)
    args = parser.parse_args()

    (x_train, y_train_lbl), (x_test, y_test_lbl) = get_cifar10_data()
    if args.sample_per_class < 5000:
        x_train, y_train_lbl = balance_sampling(x_train, y_train_lbl, data_per_class=args.sample_per_class)
    test_data_loader = tf.data.Dataset.from_tensor_slices((x_test, y_test_lbl)).batch(200)

    teacher = wrn(args.tdepth, args.twidth, Config.classes, Config.input_shape)
    teacher.load_weights(args.teacher_weights)
    teacher.trainable = False

    student = wrn(args.sdepth, args.swidth, Config.classes, Config.input_shape, weight_decay=Config.weight_decay)
    optim = tf.keras.optimizers.SGD(learning_rate=lr_schedule(0), momentum=Config.momentum, nesterov=True)

    datagen = ImageDataGenerator(width_shift_range=4, height_shift_range=4, horizontal_flip=True, fill_mode='reflect')
    train_dataset_flow = datagen.flow(x_train, batch_size=Config.batch_size, shuffle=True)
    iter_per_epoch = math.ceil(Config.total_iteration / Config.epochs)
    loss_metric = tf.keras.metrics.Mean()

    for epoch in range(Config.epochs):
        optim.learning_rate = lr_schedule(epoch)
        for iter_, x_batch_train in enumerate(train_dataset_flow):
            t_logits, t_acts = forward(teacher, x_batch_train, training=False)
            loss_metric(train_student(student, optim, x_batch_train, t_logits, t_acts))
            if iter_ + 1 >= iter_per_epoch:
                break
        print("Epoch {}: loss = {}, test_acc = {}".format(epoch, loss_metric.result().numpy(),
                                                          evaluate(test_data_loader, student).numpy()))
        loss_metric.reset_states()
