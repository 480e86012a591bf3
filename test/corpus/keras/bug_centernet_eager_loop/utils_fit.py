# Idiom seen in: bubbliiiing/centernet-tf2 nets/resnet.py
# Idiom seen in: bubbliiiing/centernet-tf2 nets/centernet.py
# Idiom seen in: bubbliiiing/centernet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/centernet-tf2 train.py
# What it reproduces: the repo's own bug on its eager path: the decoder Conv2DTranspose layers carry
# kernel_regularizer=l2(5e-4), the model outputs its loss through a Lambda layer, and the eager
# train_step differentiates that output alone, without net.losses (eager=True set here).
import os

import tensorflow as tf
from tqdm import tqdm


def get_train_step_fn(strategy):
    @tf.function
    def train_step(batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices, net, optimizer):
        with tf.GradientTape() as tape:
            loss_value = net([batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices], training=True)
        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss_value
    if strategy == None:
        return train_step
    else:
        @tf.function
        def distributed_train_step(batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices, net, optimizer):
            per_replica_losses = strategy.run(train_step, args=(batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices, net, optimizer,))
            return strategy.reduce(tf.distribute.ReduceOp.MEAN, per_replica_losses, axis=None)
        return distributed_train_step


def fit_one_epoch(net, optimizer, epoch, epoch_step, gen, Epoch, save_dir, strategy):
    train_step = get_train_step_fn(strategy)
    total_loss = 0
    print('Start Train')
    with tqdm(total=epoch_step, desc=f'Epoch {epoch + 1}/{Epoch}', postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices = batch
            loss_value = train_step(batch_images, batch_hms, batch_whs, batch_regs, batch_reg_masks, batch_indices, net, optimizer)
            total_loss += loss_value
            pbar.set_postfix(**{'total_loss': float(total_loss) / (iteration + 1)})
            pbar.update(1)
    net.save_weights(os.path.join(save_dir, "last_epoch_weights.h5"))
