# Idiom seen in: eastjin218/simple_toy tfbp/tools/trainer.py
# What it reproduces: entry script: builds model, loss (reduction NONE) and optimizer under
#   strategy.scope() and hands them to DistriTrainer; data from a loader module not in the workspace.
import argparse

import tensorflow as tf

from tools.models import ClsModel
from tools.trainer import DistriTrainer
from tools.data_loader import load_tfrecords


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--records", default="./cls-tfrecords/train-*.tfrec")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--lr", type=float, default=0.01)
    return p.parse_args()


def main():
    args = parse_args()
    strategy = tf.distribute.MirroredStrategy()
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    dataset = load_tfrecords(args.records, global_batch)
    with strategy.scope():
        model = ClsModel(input_dim=224, output_dim=6, weight_decay=args.weight_decay)
        loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True,
                                                             reduction=tf.keras.losses.Reduction.NONE)
        optimizer = tf.keras.optimizers.SGD(args.lr, momentum=0.9)
    DistriTrainer(dataset, model, loss, optimizer, strategy, args.epochs, global_batch).run()


if __name__ == "__main__":
    main()
