# Idiom seen in: garder14/simclr-tensorflow2 linearevaluation.py
# What it reproduces: linear evaluation of a pretrained SimCLR encoder: f_net runs with
#   training=False and is never differentiated; the loss adds tf.add_n(c_net.losses) and the
#   gradients are taken for c_net.trainable_variables only (clean).
import os
os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'

import argparse
import tensorflow as tf

from datasets import CIFAR10
from models import ResNet18, ResNet34, ClassificationHead

encoders = {'resnet18': ResNet18, 'resnet34': ResNet34}


def compute_test_accuracy(data, f_net, c_net):
    batch_size = 500
    correct = 0
    for batch_id in range(data.num_test_images // batch_size):
        x, y = data.get_batch_testing(batch_id, batch_size)
        y_pred = tf.argmax(c_net(f_net(x, training=False)), axis=1, output_type=tf.int32)
        correct += tf.reduce_sum(tf.cast(tf.equal(y_pred, y), tf.int32))
    return tf.cast(correct / data.num_test_images, tf.float32)


def main(args):
    data = CIFAR10()
    num_epochs = 50
    batch_size = 512

    f_net = encoders[args.encoder]()
    c_net = ClassificationHead()
    x, y = data.get_batch_finetuning(batch_id=0, batch_size=batch_size)
    c_net(f_net(x, training=False))
    f_net.load_weights(args.encoder_weights)

    total_update_steps = num_epochs * (data.num_train_images // batch_size)
    lr_schedule = tf.keras.optimizers.schedules.PolynomialDecay(5e-2, total_update_steps, 5e-4, power=2)
    opt = tf.keras.optimizers.Adam(learning_rate=lr_schedule)

    @tf.function
    def train_step_evaluation(x, y):
        with tf.GradientTape() as tape:
            h = f_net(x, training=False)
            y_pred_logits = c_net(h)
            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=y_pred_logits))
            loss = loss + tf.add_n(c_net.losses)
        grads = tape.gradient(loss, c_net.trainable_variables)
        opt.apply_gradients(zip(grads, c_net.trainable_variables))
        return loss

    for epoch_id in range(num_epochs):
        data.shuffle_training_data()
        for batch_id in range(data.num_train_images // batch_size):
            x, y = data.get_batch_finetuning(batch_id, batch_size)
            loss = train_step_evaluation(x, y)
        print('[Epoch {}/{}] Loss: {:.4f}'.format(epoch_id + 1, num_epochs, loss))
    print('Test Accuracy: {:.4f}'.format(compute_test_accuracy(data, f_net, c_net)))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--encoder', type=str, required=True, choices=['resnet18', 'resnet34'])
    parser.add_argument('--encoder_weights', type=str)
    args = parser.parse_args()
    main(args)
