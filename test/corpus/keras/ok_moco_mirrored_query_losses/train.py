# Idiom seen in: moono/moco-tf2.x moco.py
# Idiom seen in: moono/moco-tf2.x base_networks/resnet50.py
# What it reproduces: MoCo under a MirroredStrategy: two encoders with kernel/bias l2 regularizers; the
#   query encoder is trained in a strategy.run step whose loss adds
#   tf.nn.scale_regularization_loss(encoder_q.losses); the key encoder is only momentum-updated: clean.
import argparse

import tensorflow as tf

from datasets.imagenet import get_dataset
from moco import MoCo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--tfds_data_dir', default='/mnt/vision-nas/data-sets/tensorflow_datasets')
    parser.add_argument('--batch_size_per_replica', type=int, default=32)
    parser.add_argument('--w_decay', type=float, default=0.0001)
    args = parser.parse_args()

    strategy = tf.distribute.MirroredStrategy()
    global_batch_size = args.batch_size_per_replica * strategy.num_replicas_in_sync
    t_params = {
        'name': 'moco_v1',
        'model_base_dir': './models',
        'res': 224,
        'batch_size_per_replica': args.batch_size_per_replica,
        'global_batch_size': global_batch_size,
        'network_params': {'dim': 128, 'K': 65536, 'm': 0.999, 'T': 0.07, 'w_decay': args.w_decay},
    }
    dataset = get_dataset(args.tfds_data_dir, is_training=True, res=224,
                          global_batch_size=global_batch_size)
    dist_dataset = strategy.experimental_distribute_dataset(dataset)

    moco = MoCo(t_params, strategy)
    moco.train(dist_dataset, strategy)


if __name__ == '__main__':
    main()
