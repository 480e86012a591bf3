# Idiom seen in: YunYang1994/TensorFlow2.0-Examples 4-Object_Detection/YOLOV3/train.py
#                hunglc007/tensorflow-yolov4-tflite train.py
# What it reproduces: absl entry point, Dataset from core.dataset (not in the workspace), and a
# GradientTape step whose total_loss = giou_loss + conf_loss + prob_loss leaves out model.losses,
# so the l2(0.0005) regularizers of core/common.py never reach the gradient (WD103 there).
import os
import shutil

import numpy as np
import tensorflow as tf
from absl import app, flags
from absl.flags import FLAGS

from core.config import cfg
from core.dataset import Dataset
from core.yolov3 import YOLOv3, compute_loss, decode

flags.DEFINE_string('weights', None, 'pretrained weights')
flags.DEFINE_string('logdir', './data/log', 'summary directory')


def main(_argv):
    trainset = Dataset('train')
    steps_per_epoch = len(trainset)
    global_steps = tf.Variable(1, trainable=False, dtype=tf.int64)
    warmup_steps = cfg.TRAIN.WARMUP_EPOCHS * steps_per_epoch
    total_steps = cfg.TRAIN.EPOCHS * steps_per_epoch

    input_tensor = tf.keras.layers.Input([416, 416, 3])
    conv_tensors = YOLOv3(input_tensor)
    output_tensors = []
    for i, conv_tensor in enumerate(conv_tensors):
        pred_tensor = decode(conv_tensor, i)
        output_tensors.append(conv_tensor)
        output_tensors.append(pred_tensor)

    model = tf.keras.Model(input_tensor, output_tensors)
    if FLAGS.weights:
        model.load_weights(FLAGS.weights)
    optimizer = tf.keras.optimizers.Adam()
    if os.path.exists(FLAGS.logdir):
        shutil.rmtree(FLAGS.logdir)
    writer = tf.summary.create_file_writer(FLAGS.logdir)

    def train_step(image_data, target):
        with tf.GradientTape() as tape:
            pred_result = model(image_data, training=True)
            giou_loss = conf_loss = prob_loss = 0
            for i in range(3):
                conv, pred = pred_result[i * 2], pred_result[i * 2 + 1]
                loss_items = compute_loss(pred, conv, *target[i], i)
                giou_loss += loss_items[0]
                conf_loss += loss_items[1]
                prob_loss += loss_items[2]
            total_loss = giou_loss + conf_loss + prob_loss
            gradients = tape.gradient(total_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))

        global_steps.assign_add(1)
        if global_steps < warmup_steps:
            lr = global_steps / warmup_steps * cfg.TRAIN.LR_INIT
        else:
            lr = cfg.TRAIN.LR_END + 0.5 * (cfg.TRAIN.LR_INIT - cfg.TRAIN.LR_END) * (
                (1 + tf.cos((global_steps - warmup_steps) / (total_steps - warmup_steps) * np.pi)))
        optimizer.lr.assign(lr.numpy())
        with writer.as_default():
            tf.summary.scalar("loss/total_loss", total_loss, step=global_steps)
            tf.summary.scalar("loss/giou_loss", giou_loss, step=global_steps)
        writer.flush()

    for epoch in range(cfg.TRAIN.EPOCHS):
        for image_data, target in trainset:
            train_step(image_data, target)
        model.save_weights("./checkpoints/yolov3")


if __name__ == '__main__':
    try:
        app.run(main)
    except SystemExit:
        pass
