# Idiom seen in: hunglc007/tensorflow-yolov4-tflite train.py (absl app.run(main), keras.Model(input_layer, bbox_tensors), GradientTape train_step with warmup-cosine lr)
# What it reproduces: the custom loop sums giou/conf/prob losses and differentiates that; model.losses (the l2(0.0005) kernel terms from common.py) is never added, so the regularizers do nothing (bug, WD103).
import os
import shutil

import numpy as np
import tensorflow as tf
from absl import app, flags, logging
from absl.flags import FLAGS

import yolo
from config import cfg  # not in this folder
from dataset import Dataset  # not in this folder

flags.DEFINE_string('weights', None, 'pretrained weights')
flags.DEFINE_string('logdir', './data/log', 'summary directory')


def build_model(input_size):
    input_layer = tf.keras.layers.Input([input_size, input_size, 3])
    feature_maps = yolo.YOLOv3_tiny(input_layer)
    bbox_tensors = []
    for i, fm in enumerate(feature_maps):
        bbox_tensors.append(fm)
        bbox_tensors.append(yolo.decode_train(fm, i))
    return tf.keras.Model(input_layer, bbox_tensors)


def main(_argv):
    trainset = Dataset('train')
    steps_per_epoch = len(trainset)
    epochs = cfg.TRAIN.FIRST_STAGE_EPOCHS + cfg.TRAIN.SECOND_STAGE_EPOCHS
    global_steps = tf.Variable(1, trainable=False, dtype=tf.int64)
    warmup_steps = cfg.TRAIN.WARMUP_EPOCHS * steps_per_epoch
    total_steps = epochs * steps_per_epoch

    model = build_model(cfg.TRAIN.INPUT_SIZE)
    if FLAGS.weights:
        model.load_weights(FLAGS.weights)
        logging.info('restored weights from %s', FLAGS.weights)

    optimizer = tf.keras.optimizers.Adam()
    if os.path.exists(FLAGS.logdir):
        shutil.rmtree(FLAGS.logdir)
    writer = tf.summary.create_file_writer(FLAGS.logdir)

    def train_step(image_data, target):
        with tf.GradientTape() as tape:
            pred_result = model(image_data, training=True)
            giou_loss = conf_loss = prob_loss = 0
            for i in range(2):
                conv, pred = pred_result[i * 2], pred_result[i * 2 + 1]
                items = yolo.compute_loss(pred, conv, *target[i], i)
                giou_loss += items[0]
                conf_loss += items[1]
                prob_loss += items[2]
            total_loss = giou_loss + conf_loss + prob_loss
        gradients = tape.gradient(total_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

        global_steps.assign_add(1)
        if global_steps < warmup_steps:
            lr = global_steps / warmup_steps * cfg.TRAIN.LR_INIT
        else:
            lr = cfg.TRAIN.LR_END + 0.5 * (cfg.TRAIN.LR_INIT - cfg.TRAIN.LR_END) * (
                1 + tf.cos((global_steps - warmup_steps) / (total_steps - warmup_steps) * np.pi))
        optimizer.lr.assign(lr.numpy())
        with writer.as_default():
            tf.summary.scalar('lr', optimizer.lr, step=global_steps)
            tf.summary.scalar('loss/total_loss', total_loss, step=global_steps)
        writer.flush()

    for epoch in range(epochs):
        for image_data, target in trainset:
            train_step(image_data, target)
        model.save_weights('./checkpoints/yolov3_tiny')


if __name__ == '__main__':
    try:
        app.run(main)
    except SystemExit:
        pass
