# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_model.py
# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_train.py
# What it reproduces: a student YOLOv4 (VisDrone) whose convolutional()/deconvolutional() helpers give every
#   Conv2D / Conv2DTranspose kernel_regularizer=L2(...), trained in a custom tf.function train_step whose
#   total_loss = giou_loss + conf_loss + prob_loss never adds yolo.losses (as in the repo).
import os
import shutil

import numpy as np
import tensorflow as tf

from YOLOv4_config import *
from YOLOv4_model import YOLOv4_detector
from YOLOv4_dataset import Dataset
from YOLOv4_loss import compute_loss


def main():
    trainset = Dataset('train')
    steps_per_epoch = len(trainset)
    global_steps = tf.Variable(1, trainable=False, dtype=tf.int64)
    warmup_steps = TRAIN_WARMUP_EPOCHS * steps_per_epoch
    total_steps = TRAIN_EPOCHS * steps_per_epoch

    yolo = YOLOv4_detector(input_size=YOLO_INPUT_SIZE, num_class=10)
    optimizer = tf.keras.optimizers.Adam()

    if os.path.exists(TRAIN_LOGDIR):
        shutil.rmtree(TRAIN_LOGDIR)
    training_writer = tf.summary.create_file_writer(TRAIN_LOGDIR + 'training/')

    def train_step(image_data, target):
        with tf.GradientTape() as tape:
            pred_result = yolo(image_data, training=True)
            giou_loss = conf_loss = prob_loss = 0
            for i in range(len(YOLO_SCALE_OFFSET)):
                conv, pred = pred_result[i * 2], pred_result[i * 2 + 1]
                loss_items = compute_loss(pred, conv, *target[i], i, CLASSES_PATH=YOLO_CLASS_PATH)
                giou_loss += loss_items[0]
                conf_loss += loss_items[1]
                prob_loss += loss_items[2]
            total_loss = giou_loss + conf_loss + prob_loss
        gradients = tape.gradient(total_loss, yolo.trainable_variables)
        optimizer.apply_gradients(zip(gradients, yolo.trainable_variables))

        if global_steps < warmup_steps:
            lr = global_steps / warmup_steps * TRAIN_LR_INIT
        else:
            lr = TRAIN_LR_END + 0.5 * (TRAIN_LR_INIT - TRAIN_LR_END) * (
                (1 + tf.cos((global_steps - warmup_steps) / (total_steps - warmup_steps) * np.pi)))
        optimizer.lr.assign(tf.cast(lr, tf.float32))
        global_steps.assign_add(1)
        with training_writer.as_default():
            tf.summary.scalar("training_loss/total_loss", total_loss, step=global_steps)
        return total_loss

    for epoch in range(TRAIN_EPOCHS):
        for image_data, target in trainset:
            total_loss = train_step(image_data, target)
        print("epoch {:2.0f} total_loss {:7.2f}".format(epoch, float(total_loss)))
        yolo.save_weights(os.path.join(TRAIN_CHECKPOINTS_FOLDER, "yolov4_visdrone"))


if __name__ == '__main__':
    main()
