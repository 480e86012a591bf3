# Idiom seen in: penny4860/tf2-eager-yolo3 yolo/train.py
# What it reproduces: the eager train_fn / _loop_train / _grad_fn structure; _grad_fn's loss is the YOLO
#   loss plus tf.add_n(model.losses), computed inside the tape, so the l2 terms are trained (clean).
import os

import tensorflow as tf
from tqdm import tqdm

from yolo.loss import loss_fn


def train_fn(model, train_generator, learning_rate=1e-4, num_epoches=500, save_dname=None):
    save_fname = os.path.join(save_dname, 'weights') if save_dname else None
    optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate)
    history = []
    for i in range(num_epoches):
        train_loss = _loop_train(model, optimizer, train_generator)
        print('{}-th loss = {}'.format(i, train_loss))
        history.append(train_loss)
        if save_fname is not None and train_loss == min(history):
            model.save_weights('{}.h5'.format(save_fname))
    return history


def _loop_train(model, optimizer, generator):
    n_steps = generator.steps_per_epoch
    loss_value = 0
    for _ in tqdm(range(n_steps)):
        xs, yolo_1, yolo_2, yolo_3 = generator.next_batch()
        ys = [yolo_1, yolo_2, yolo_3]
        grads, loss = _grad_fn(model, xs, ys)
        loss_value += loss
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss_value / n_steps


def _grad_fn(model, images_tensor, list_y_trues):
    with tf.GradientTape() as tape:
        logits = model(images_tensor, training=True)
        loss = loss_fn(list_y_trues, logits)
        loss += tf.add_n(model.losses)
    return tape.gradient(loss, model.trainable_variables), loss
