# Idiom seen in: bubbliiiing/yolox-tf2 utils/utils_fit.py
# What it reproduces: get_train_step_fn builds a tf.function step that adds tf.reduce_sum(net.losses)
#   to the yolo loss inside the tape, optionally run per replica through strategy.run (clean).
import tensorflow as tf
from tqdm import tqdm


def get_train_step_fn(strategy):
    @tf.function
    def train_step(imgs, targets, net, yolo_loss, optimizer):
        with tf.GradientTape() as tape:
            P5_output, P4_output, P3_output = net(imgs, training=True)
            args = [P5_output, P4_output, P3_output] + [targets]
            loss_value = yolo_loss(args)
            # add the l2 regularization terms of the model
            loss_value = tf.reduce_sum(net.losses) + loss_value
        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss_value

    if strategy is None:
        return train_step

    @tf.function
    def distributed_train_step(imgs, targets, net, yolo_loss, optimizer):
        per_replica_losses = strategy.run(train_step, args=(imgs, targets, net, yolo_loss, optimizer,))
        return strategy.reduce(tf.distribute.ReduceOp.MEAN, per_replica_losses, axis=None)
    return distributed_train_step


def fit_one_epoch(net, yolo_loss, optimizer, epoch, epoch_step, gen, Epoch, save_dir, strategy):
    train_step = get_train_step_fn(strategy)
    loss = 0
    with tqdm(total=epoch_step, desc=f'Epoch {epoch + 1}/{Epoch}', postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            images, targets = batch[0], batch[1]
            loss_value = train_step(images, targets, net, yolo_loss, optimizer)
            loss = loss + loss_value
            pbar.set_postfix(**{'total_loss': float(loss) / (iteration + 1)})
            pbar.update(1)
    net.save_weights(save_dir + "/ep%03d-loss%.3f.h5" % (epoch + 1, loss / epoch_step))
