# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 nets/deeplab.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 train.py
# What it reproduces: the DeepLab convs carry l2 kernel regularizers; train_step sums net.losses after the tape
# only to show "reg loss" in the tqdm bar, while tape.gradient differentiates the segmentation loss alone.
import os

import tensorflow as tf
from tqdm import tqdm


def get_train_step_fn():
    @tf.function
    def train_step(images, labels, net, optimizer, loss, metrics):
        with tf.GradientTape() as tape:
            prediction = net(images, training=True)
            loss_value = loss(labels, prediction)

        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        reg_value = tf.reduce_sum(net.losses)  # expect: WD105

        _f_score = tf.reduce_mean(metrics(labels, prediction))
        return loss_value, reg_value, _f_score
    return train_step


def fit_one_epoch(net, loss, optimizer, epoch, epoch_step, gen, Epoch, metrics, save_dir):
    train_step = get_train_step_fn()
    total_loss = 0
    total_reg = 0
    total_f_score = 0
    with tqdm(total=epoch_step, desc=f'Epoch {epoch + 1}/{Epoch}', postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            images, labels = batch[0], batch[1]
            labels = tf.cast(tf.convert_to_tensor(labels), tf.float32)

            loss_value, reg_value, _f_score = train_step(images, labels, net, optimizer, loss, metrics)
            total_loss += loss_value.numpy()
            total_reg += reg_value.numpy()
            total_f_score += _f_score.numpy()

            pbar.set_postfix(**{'total Loss': total_loss / (iteration + 1),
                                'reg loss': total_reg / (iteration + 1),
                                'total f_score': total_f_score / (iteration + 1)})
            pbar.update(1)
    net.save_weights(os.path.join(save_dir, 'ep%03d-loss%.3f.h5' % (epoch + 1, total_loss / epoch_step)))
