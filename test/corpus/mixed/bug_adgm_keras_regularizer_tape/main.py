# Idiom seen in: an-seunghwan/semi adgm/mnist/model.py
# Idiom seen in: an-seunghwan/semi adgm/mnist/main.py
# What it reproduces: semi-supervised ADGM in TF2/Keras subclassed models trained in a custom GradientTape
# loop; the user replaced the repo manual decoupled decay (weight_decay_decoupled on a buffer model) by
# kernel_regularizer=l2(wd) on the classifier Dense layers, but the tape loss (ELBO terms + alpha * cce)
# never adds model.losses, so the regularizers do nothing.
import argparse

import tensorflow as tf
import tensorflow.keras as K
import tqdm

from criterion import entropy, kl_aux
from model import ADGM
from preprocess import fetch_dataset


def get_args():
    parser = argparse.ArgumentParser('parameters')
    parser.add_argument('-b', '--batch-size', default=100, type=int)
    parser.add_argument('--epochs', default=100, type=int)
    parser.add_argument('--labeled_examples', type=int, default=100)
    parser.add_argument('--beta', default=0.1, type=float)
    parser.add_argument('--lr', '--learning_rate', default=3e-4, type=float)
    parser.add_argument('--wd', '--weight_decay', default=5e-4, type=float)
    parser.add_argument('--clipnorm', default=5, type=float)
    return parser.parse_args()


def train(datasetL, datasetU, model, optimizer, args, beta, num_classes):
    loss_avg = K.metrics.Mean()
    alpha = tf.cast(0.1 * 50000 / args['labeled_examples'], tf.float32)
    iteratorL = iter(datasetL.repeat().batch(args['batch_size']))
    for imageU, _ in tqdm.tqdm(datasetU.shuffle(10000).batch(args['batch_size'], drop_remainder=True)):
        imageL, labelL = next(iteratorL)
        with tf.GradientTape() as tape:
            probU, qa_mean_u, qa_logvar_u = model.classify(imageU)
            probL, qa_mean_l, qa_logvar_l = model.classify(imageL)
            elboU = tf.reduce_mean(beta * kl_aux(qa_mean_u, qa_logvar_u) - entropy(probU))
            elboL = tf.reduce_mean(beta * kl_aux(qa_mean_l, qa_logvar_l))
            cce = -tf.reduce_mean(tf.reduce_sum(labelL * tf.math.log(tf.clip_by_value(probL, 1e-10, 1.)), axis=-1))
            loss = elboL + elboU + alpha * cce
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        loss_avg(loss)
    return loss_avg


def main():
    args = vars(get_args())
    datasetL, datasetU, val_dataset, test_dataset, num_classes = fetch_dataset(args, 'logs')
    model = ADGM(args, num_classes, a_dim=32)
    model.classifier.build(input_shape=[(None, 784), (None, 32)])
    optimizer = K.optimizers.Adam(learning_rate=args['lr'], clipnorm=args['clipnorm'])
    beta = tf.cast(args['beta'], tf.float32)
    for epoch in range(args['epochs']):
        loss = train(datasetL, datasetU, model, optimizer, args, beta, num_classes)
        print('epoch {}: loss {:.4f}'.format(epoch, loss.result()))


if __name__ == '__main__':
    main()
