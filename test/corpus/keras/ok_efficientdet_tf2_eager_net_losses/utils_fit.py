# Idiom seen in: bubbliiiing/efficientdet-tf2 nets/efficientdet.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 train.py
# What it reproduces: the repo's BoxNet/ClassNet heads, given depthwise/pointwise_regularizer=l2(wd)
# through their options dict, trained on the eager path whose train_step adds tf.reduce_sum(net.losses)
# to the focal + smooth-L1 loss inside the tape (clean).
import os

import tensorflow as tf
from tqdm import tqdm


def get_train_step_fn(strategy):
    @tf.function
    def train_step(imgs, focal_loss, smooth_l1_loss, targets0, targets1, net, optimizer):
        with tf.GradientTape() as tape:
            regression, classification = net(imgs, training=True)
            reg_value = smooth_l1_loss(targets0, regression)
            cls_value = focal_loss(targets1, classification)
            loss_value = reg_value + cls_value
            # l2 terms of the head regularizers
            loss_value = tf.reduce_sum(net.losses) + loss_value
        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss_value
    if strategy == None:
        return train_step
    else:
        @tf.function
        def distributed_train_step(imgs, focal_loss, smooth_l1_loss, targets0, targets1, net, optimizer):
            per_replica_losses = strategy.run(train_step, args=(imgs, focal_loss, smooth_l1_loss, targets0, targets1, net, optimizer,))
            return strategy.reduce(tf.distribute.ReduceOp.MEAN, per_replica_losses, axis=None)
        return distributed_train_step


def fit_one_epoch(net, focal_loss, smooth_l1_loss, optimizer, epoch, epoch_step, gen, Epoch, save_dir, strategy):
    train_step = get_train_step_fn(strategy)
    loss = 0
    with tqdm(total=epoch_step, desc=f'Epoch {epoch + 1}/{Epoch}', postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            images, targets0, targets1 = batch[0], batch[1], batch[2]
            loss_value = train_step(images, focal_loss, smooth_l1_loss, targets0, targets1, net, optimizer)
            loss = loss + loss_value
            pbar.set_postfix(**{'total_loss': float(loss) / (iteration + 1)})
            pbar.update(1)
    net.save_weights(os.path.join(save_dir, "ep%03d-loss%.3f.h5" % (epoch + 1, loss / epoch_step)))
