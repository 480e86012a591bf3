# Idiom seen in: bubbliiiing/ssd-tf2 nets/vgg.py
# Idiom seen in: bubbliiiing/ssd-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/ssd-tf2 train_eager.py
# What it reproduces: SSD VGG backbone convs carry l2(weight_decay) kernel regularizers; the eager train_step adds
# tf.reduce_sum(net.losses) to the multibox loss inside the GradientTape before tape.gradient (clean).
import tensorflow as tf
from tqdm import tqdm


def get_train_step_fn():
    @tf.function
    def train_step(imgs, targets, net, optimizer, multiloss):
        with tf.GradientTape() as tape:
            P5 = net(imgs, training=True)
            loss_value = multiloss(targets, P5)
            loss_value = tf.reduce_sum(net.losses) + loss_value
        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss_value
    return train_step


def fit_one_epoch(net, multiloss, optimizer, epoch, epoch_step, gen, Epoch):
    train_step = get_train_step_fn()
    loss = 0
    with tqdm(total=epoch_step, desc=f'Epoch {epoch + 1}/{Epoch}', postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            images, targets = batch[0], batch[1]
            targets = tf.convert_to_tensor(targets)
            loss_value = train_step(images, targets, net, optimizer, multiloss)
            loss = loss + loss_value
            pbar.set_postfix(**{'total_loss': float(loss) / (iteration + 1)})
            pbar.update(1)
    net.save_weights('logs/ep%03d-loss%.3f.h5' % (epoch + 1, loss / epoch_step))
