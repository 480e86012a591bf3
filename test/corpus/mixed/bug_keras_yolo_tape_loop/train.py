# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 train.py (issue #165: regularizer not included in total loss)
# What it reproduces: a hand-written GradientTape step over a model built in yolov3/yolov3.py; total_loss = giou + conf + prob. Bug: the Conv2D kernel_regularizer penalties live in yolo.losses and are never added, so weight decay is silently off (WD103 on the kernel_regularizer line in yolov3/common.py).
import os

import numpy as np
import tensorflow as tf

from yolov3.dataset import Dataset
from yolov3.yolov3 import Create_Yolo, compute_loss
from yolov3.configs import *  # noqa: F401,F403


def main():
    trainset = Dataset('train')
    steps_per_epoch = len(trainset)
    global_steps = tf.Variable(1, trainable=False, dtype=tf.int64)
    warmup_steps = TRAIN_WARMUP_EPOCHS * steps_per_epoch
    total_steps = TRAIN_EPOCHS * steps_per_epoch

    yolo = Create_Yolo(input_size=YOLO_INPUT_SIZE, training=True)
    optimizer = tf.keras.optimizers.Adam()
    writer = tf.summary.create_file_writer(TRAIN_LOGDIR)

    def train_step(image_data, target):
        with tf.GradientTape() as tape:
            pred_result = yolo(image_data, training=True)
            giou_loss = conf_loss = prob_loss = 0
            for i in range(2):
                conv, pred = pred_result[i * 2], pred_result[i * 2 + 1]
                loss_items = compute_loss(pred, conv, *target[i], i)
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
        optimizer.lr.assign(tf.cast(lr, tf.float32))
        with writer.as_default():
            tf.summary.scalar("loss/total_loss", total_loss, step=global_steps)
        writer.flush()
        return total_loss

    for epoch in range(TRAIN_EPOCHS):
        for image_data, target in trainset:
            loss_value = train_step(image_data, target)
        print("epoch {:2.0f} total_loss {:7.2f}".format(epoch, float(loss_value)))
        yolo.save_weights(os.path.join(TRAIN_CHECKPOINTS_FOLDER, TRAIN_MODEL_NAME))


if __name__ == '__main__':
    main()
