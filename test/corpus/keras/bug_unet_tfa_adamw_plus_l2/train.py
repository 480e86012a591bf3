# Idiom seen in: livanosg/unet2 model_fn.py
# What it reproduces: Keras U-Net (archit.Unet) trained in a GradientTape loop with a TensorFlow Addons AdamW
#   (decoupled weight_decay on every variable, no decay_var_list) while the loop also adds a hand-written
#   weight_decay * sum(l2_loss) (= weight_decay/2 * sum(w**2)) over model.trainable_variables: the weights are decayed twice, and the
#   optimizer decay also hits biases and batch-norm scales (user mistake in that setup).
import argparse

import tensorflow as tf
import tensorflow_addons as tfa
from tensorflow.keras.optimizers import schedules

from archit import Unet
from input_fns import train_eval_input_fn
from loss_fn import custom_loss


def main(args):
    model = Unet(input_shape=(args.size, args.size, 1), n_class=args.classes, dropout=args.dropout)
    lr = schedules.ExponentialDecay(args.lr, decay_steps=args.decay_steps, decay_rate=0.96)
    optimizer = tfa.optimizers.AdamW(weight_decay=args.weight_decay,  # expect: WD203
                                     learning_rate=lr)
    train_ds = train_eval_input_fn(mode='train', params=vars(args))
    dice = tfa.metrics.F1Score(num_classes=args.classes, average='macro')

    @tf.function
    def train_step(images, masks):
        with tf.GradientTape() as tape:
            probs = model(images, training=True)
            seg_loss = custom_loss(masks, probs, loss_type=args.loss)
            l2 = tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables])  # expect: WD201
            loss = seg_loss + args.weight_decay * l2
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss, probs

    for epoch in range(args.epochs):
        for step, (images, masks) in enumerate(train_ds):
            loss, probs = train_step(images, masks)
            dice.update_state(tf.reshape(masks, [-1, args.classes]), tf.reshape(probs, [-1, args.classes]))
            if step % 50 == 0:
                tf.print('epoch', epoch, 'step', step, 'loss', loss, 'dice', dice.result())
        model.save_weights('ckpt/unet_%03d.h5' % epoch)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--size', type=int, default=256)
    parser.add_argument('--classes', type=int, default=2)
    parser.add_argument('--dropout', type=float, default=0.1)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--decay_steps', type=int, default=1000)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--loss', default='log_dice')
    parser.add_argument('--epochs', type=int, default=100)
    main(parser.parse_args())
