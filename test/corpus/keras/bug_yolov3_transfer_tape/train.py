# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 train.py (transfer Darknet weights layer by layer, warmup + cosine lr assigned inside train_step, total_loss = giou_loss + conf_loss + prob_loss)
# What it reproduces: the custom training loop for yolov3_model.py; the minimized total never includes yolo.losses,
#   so the kernel regularizers of the model are inert (bug, labelled on the regularizer line in yolov3_model.py).
import os
import shutil

import numpy as np
import tensorflow as tf

from yolov3.dataset import Dataset
from yolov3.loss import compute_loss
from yolov3.utils import load_yolo_weights
from yolov3.configs import (TRAIN_CLASSES, TRAIN_EPOCHS, TRAIN_LOGDIR, TRAIN_LR_END, TRAIN_LR_INIT,
                            TRAIN_TRANSFER, TRAIN_WARMUP_EPOCHS, YOLO_DARKNET_WEIGHTS, YOLO_INPUT_SIZE)
from yolov3_model import Create_Yolov3

if os.path.exists(TRAIN_LOGDIR):
    shutil.rmtree(TRAIN_LOGDIR)
writer = tf.summary.create_file_writer(TRAIN_LOGDIR)

trainset = Dataset('train')
steps_per_epoch = len(trainset)
global_steps = tf.Variable(1, trainable=False, dtype=tf.int64)
warmup_steps = TRAIN_WARMUP_EPOCHS * steps_per_epoch
total_steps = TRAIN_EPOCHS * steps_per_epoch

yolo = Create_Yolov3(input_size=YOLO_INPUT_SIZE, training=True, CLASSES=TRAIN_CLASSES)
if TRAIN_TRANSFER:
    Darknet = Create_Yolov3(input_size=YOLO_INPUT_SIZE)
    load_yolo_weights(Darknet, YOLO_DARKNET_WEIGHTS)
    for i, l in enumerate(Darknet.layers):
        layer_weights = l.get_weights()
        if layer_weights != []:
            try:
                yolo.layers[i].set_weights(layer_weights)
            except ValueError:
                print("skipping", yolo.layers[i].name)

optimizer = tf.keras.optimizers.Adam()


def train_step(image_data, target):
    with tf.GradientTape() as tape:
        pred_result = yolo(image_data, training=True)
        giou_loss = conf_loss = prob_loss = 0
        for i in range(2):
            conv, pred = pred_result[i * 2], pred_result[i * 2 + 1]
            loss_items = compute_loss(pred, conv, *target[i], i, CLASSES=TRAIN_CLASSES)
            giou_loss += loss_items[0]
            conf_loss += loss_items[1]
            prob_loss += loss_items[2]
        total_loss = giou_loss + conf_loss + prob_loss

        gradients = tape.gradient(total_loss, yolo.trainable_variables)
        optimizer.apply_gradients(zip(gradients, yolo.trainable_variables))

    global_steps.assign_add(1)
    if global_steps < warmup_steps:
        lr = global_steps / warmup_steps * TRAIN_LR_INIT
    else:
        lr = TRAIN_LR_END + 0.5 * (TRAIN_LR_INIT - TRAIN_LR_END) * (
            1 + tf.cos((global_steps - warmup_steps) / (total_steps - warmup_steps) * np.pi))
    optimizer.lr.assign(lr.numpy())

    with writer.as_default():
        tf.summary.scalar("lr", optimizer.lr, step=global_steps)
        tf.summary.scalar("loss/total_loss", total_loss, step=global_steps)
        tf.summary.scalar("loss/giou_loss", giou_loss, step=global_steps)
    writer.flush()
    return global_steps.numpy(), optimizer.lr.numpy(), total_loss.numpy()


for epoch in range(TRAIN_EPOCHS):
    for image_data, target in trainset:
        step, lr, total = train_step(image_data, target)
        print("epoch:{:2.0f} step:{:5.0f}/{}, lr:{:.6f}, total_loss:{:7.2f}".format(
            epoch, step % steps_per_epoch, steps_per_epoch, lr, total))
    yolo.save_weights("./checkpoints/yolov3_custom")
