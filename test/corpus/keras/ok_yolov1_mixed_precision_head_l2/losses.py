# Idiom seen in: devbruce/yolov1-tf2 libs/models.py
# Idiom seen in: devbruce/yolov1-tf2 libs/losses.py
# Idiom seen in: devbruce/yolov1-tf2 voc_scripts/train_voc.py
# What it reproduces: YOLOv1 on an Xception backbone with an l2(5e-4) detection head (paper decay), a
#   train_step helper under mixed_float16 that adds tf.add_n(model.losses) to the YOLO loss before
#   optimizer.get_scaled_loss and unscales the gradients, run from absl main: clean.
import tensorflow as tf

from yolo_loss import get_losses


def get_batch_losses(model, batch_imgs, batch_labels, cfg):
    batch_losses = {'total_loss': 0., 'coord_loss': 0., 'obj_loss': 0., 'noobj_loss': 0.,
                    'class_loss': 0.}
    preds = model(batch_imgs, training=True)
    for i in range(len(preds)):
        one_loss = get_losses(one_pred=preds[i], one_label=batch_labels[i], cfg=cfg)
        for key in batch_losses:
            batch_losses[key] += one_loss[key]
    return batch_losses


def train_step(model, optimizer, batch_imgs, batch_labels, cfg):
    with tf.GradientTape() as tape:
        batch_losses = get_batch_losses(model, batch_imgs, batch_labels, cfg)
        reg_loss = tf.add_n(model.losses)
        total_loss = batch_losses['total_loss'] / len(batch_imgs) + reg_loss
        scaled_loss = optimizer.get_scaled_loss(total_loss)
    scaled_grads = tape.gradient(scaled_loss, model.trainable_variables)
    grads = optimizer.get_unscaled_gradients(scaled_grads)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    batch_losses['reg_loss'] = reg_loss
    return batch_losses
