# Idiom seen in: zhixuhao/unet model.py
# Idiom seen in: zhixuhao/unet main.py
# What it reproduces: the U-Net moved from model.fit to a tf.function GradientTape loop with a dice loss;
#   the loss the tape differentiates is the dice loss only, so the l2 kernel regularizers of every conv
#   never reach training (realistic user mistake when leaving fit). Images come from a loader not held here.
import argparse
import tensorflow as tf
from data_loader import load_train_data
from unet_model import unet

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--batch_size', type=int, default=8)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--l2_lambda', type=float, default=0.0002)
args = parser.parse_args()

smooth = 1.


def dice_coef(y_true, y_pred):
    y_true_f = tf.reshape(y_true, [-1])
    y_pred_f = tf.reshape(y_pred, [-1])
    intersection = tf.reduce_sum(y_true_f * y_pred_f)
    return (2. * intersection + smooth) / (tf.reduce_sum(y_true_f) + tf.reduce_sum(y_pred_f) + smooth)


def dice_loss(y_true, y_pred):
    return 1. - dice_coef(y_true, y_pred)


model = unet((256, 256, 1), l2_lambda=args.l2_lambda)
optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
train_dice = tf.keras.metrics.Mean(name='train_dice')


@tf.function
def train_step(imgs, segs):
    with tf.GradientTape() as tape:
        prediction = model(imgs, training=True)
        loss = dice_loss(segs, prediction)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_dice(dice_coef(segs, prediction))
    return loss


if __name__ == '__main__':
    dataset = load_train_data().shuffle(512).batch(args.batch_size)
    for epoch in range(args.epochs):
        train_dice.reset_states()
        for imgs, segs in dataset:
            loss = train_step(imgs, segs)
        print('epoch {} loss {:.4f} dice {:.4f}'.format(epoch, float(loss), float(train_dice.result())))
        model.save_weights('unet_l2_{:03d}.h5'.format(epoch))
