# Idiom seen in: ntozer/mixmatch-tensorflow2.0 main.py
# What it reproduces: the semi-supervised SVHN loop: the tape differentiates xe + lambda_u * l2u, Adam
#   applies the gradients, then the EMA update and weight_decay(model, wd * lr) shrink the weights directly.
#   Clean: no L2 term in the loss, no optimizer decay, only the explicit decoupled shrink (2e-4 per step).
import argparse

import tensorflow as tf
import tqdm

from mixmatch import ema, linear_rampup, semi_loss, weight_decay
from mixup import mixmatch, interleave  # MixMatch augmentation/mixing, not in this folder
from model import WideResNet  # WRN-28-2, not in this folder
from preprocess import fetch_dataset  # SVHN/CIFAR tf.data pipeline, not in this folder


def get_args():
    parser = argparse.ArgumentParser('parameters')
    parser.add_argument('--dataset', type=str, default='svhn')
    parser.add_argument('--epochs', type=int, default=1024)
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--learning-rate', type=float, default=1e-2)
    parser.add_argument('--labelled-examples', type=int, default=4000)
    parser.add_argument('--val-iteration', type=int, default=1024)
    parser.add_argument('--T', type=float, default=0.5)
    parser.add_argument('--K', type=int, default=2)
    parser.add_argument('--alpha', type=float, default=0.75)
    parser.add_argument('--lambda-u', type=int, default=100)
    parser.add_argument('--rampup-length', type=int, default=16)
    parser.add_argument('--weight-decay', type=float, default=0.02)
    parser.add_argument('--ema-decay', type=float, default=0.999)
    return parser.parse_args()


def train(datasetX, datasetU, model, ema_model, optimizer, epoch, args):
    xe_loss_avg = tf.keras.metrics.Mean()
    shuffle_and_batch = lambda ds: ds.shuffle(buffer_size=int(1e6)).batch(args['batch_size'], drop_remainder=True)
    iteratorX = iter(shuffle_and_batch(datasetX))
    iteratorU = iter(shuffle_and_batch(datasetU))
    for batch_num in tqdm.tqdm(range(args['val_iteration']), unit='batch'):
        lambda_u = args['lambda_u'] * linear_rampup(epoch + batch_num / args['val_iteration'], args['rampup_length'])
        batchX, batchU = next(iteratorX), next(iteratorU)
        args['beta'].assign(tf.random.uniform([], 0., 1.))
        with tf.GradientTape() as tape:
            XU, XUy = mixmatch(model, batchX['image'], batchX['label'], batchU['image'],
                               args['T'], args['K'], args['beta'])
            logits = [model(XU[0])]
            for batch in XU[1:]:
                logits.append(model(batch))
            logits = interleave(logits, args['batch_size'])
            logits_x, logits_u = logits[0], tf.concat(logits[1:], axis=0)
            xe_loss, l2u_loss = semi_loss(XUy[:args['batch_size']], logits_x, XUy[args['batch_size']:], logits_u)
            total_loss = xe_loss + lambda_u * l2u_loss
        grads = tape.gradient(total_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        ema(model, ema_model, args['ema_decay'])
        weight_decay(model=model, decay_rate=args['weight_decay'] * args['learning_rate'])
        xe_loss_avg(xe_loss)
    return xe_loss_avg


def main():
    args = vars(get_args())
    datasetX, datasetU, val_dataset, test_dataset, num_classes = fetch_dataset(args, '.logs')
    model = WideResNet(num_classes, depth=28, width=2)
    model.build(input_shape=(None, 32, 32, 3))
    ema_model = WideResNet(num_classes, depth=28, width=2)
    ema_model.build(input_shape=(None, 32, 32, 3))
    ema_model.set_weights(model.get_weights())
    optimizer = tf.keras.optimizers.Adam(learning_rate=args['learning_rate'])
    args['T'] = tf.constant(args['T'])
    args['beta'] = tf.Variable(0., shape=())
    for epoch in range(args['epochs']):
        xe = train(datasetX, datasetU, model, ema_model, optimizer, epoch, args)
        print('epoch {} xe {:.4f}'.format(epoch, xe.result()))


if __name__ == '__main__':
    main()
