# Idiom seen in: mlbench/mlbench-core mlbench_core/evaluation/tensorflow/criterion.py
# Idiom seen in: mlbench/mlbench-core mlbench_core/controlflow/tensorflow/train_validation.py
# What it reproduces: a criterion that returns cross entropy + l2 * sum(l2_loss(v)) over tf.trainable_variables()
#   filtered by loss_filter_fn (batch-norm variables excluded); the training script minimizes exactly that
#   returned loss with MomentumOptimizer. Clean.
import argparse

import tensorflow as tf

from mlbench_core.dataset.imagerecognition.tensorflow import DatasetCifar
from mlbench_core.models.tensorflow.resnet_model import Cifar10Model
from criterion import softmax_cross_entropy_with_logits_v2_l2_regularized


def exclude_batch_norm(name):
    return 'batch_normalization' not in name


def build_train_graph(args, dataset):
    model = Cifar10Model(resnet_size=args.resnet_size, data_format='channels_last', resnet_version=2)
    logits = model(dataset.inputs, training=True)
    loss = softmax_cross_entropy_with_logits_v2_l2_regularized(
        logits=logits, labels=dataset.labels, l2=args.weight_decay,
        loss_filter_fn=exclude_batch_norm)

    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.piecewise_constant(global_step, args.boundaries, args.lr_values)
    optimizer = tf.train.MomentumOptimizer(learning_rate=lr, momentum=args.momentum,
                                           use_nesterov=True)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step)
    return train_op, loss


def main():
    parser = argparse.ArgumentParser(description='ResNet-20 on CIFAR-10 (mlbench)')
    parser.add_argument('--resnet_size', type=int, default=20)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=2e-4)
    parser.add_argument('--train_steps', type=int, default=64000)
    args = parser.parse_args()
    args.boundaries = [32000, 48000]
    args.lr_values = [0.1, 0.01, 0.001]

    dataset = DatasetCifar(dataset='cifar-10', dataset_root='/datasets', batch_size=args.batch_size)
    train_op, loss = build_train_graph(args, dataset)
    with tf.train.MonitoredTrainingSession(checkpoint_dir='/checkpoints') as sess:
        for step in range(args.train_steps):
            _, loss_val = sess.run([train_op, loss])
            if step % 100 == 0:
                print('step {} loss {:.4f}'.format(step, loss_val))


if __name__ == '__main__':
    main()
