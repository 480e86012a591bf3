# Idiom seen in: tensorflow/docs site/en/tutorials/distribute/custom_training.ipynb
# What it reproduces: MirroredStrategy custom loop in which compute_loss averages the per-example loss over
#   the global batch and adds the replica-scaled regularization losses:
#   loss += tf.nn.scale_regularization_loss(tf.add_n(model.losses)).
# label-note: clean; compute_loss is called inside the GradientTape and its result is what tape.gradient differentiates.
import argparse

import tensorflow as tf

from nets import SmallConvNet
from input_pipeline import fashion_mnist_datasets


class Trainer:
    def __init__(self, strategy, model, optimizer, global_batch_size):
        self.strategy = strategy
        self.model = model
        self.optimizer = optimizer
        self.global_batch_size = global_batch_size
        self.loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
            from_logits=True, reduction=tf.keras.losses.Reduction.NONE)

    def compute_loss(self, labels, predictions):
        per_example_loss = self.loss_object(labels, predictions)
        loss = tf.nn.compute_average_loss(per_example_loss,
                                          global_batch_size=self.global_batch_size)
        if self.model.losses:
            loss += tf.nn.scale_regularization_loss(tf.add_n(self.model.losses))
        return loss

    def train_step(self, inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            predictions = self.model(images, training=True)
            loss = self.compute_loss(labels, predictions)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        return loss

    @tf.function
    def distributed_train_step(self, dist_inputs):
        per_replica_losses = self.strategy.run(self.train_step, args=(dist_inputs,))
        return self.strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch-size-per-replica', type=int, default=64)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--l2', type=float, default=1e-4)
    args = parser.parse_args()

    strategy = tf.distribute.MirroredStrategy()
    global_batch = args.batch_size_per_replica * strategy.num_replicas_in_sync
    train_ds, _ = fashion_mnist_datasets(global_batch)
    dist_ds = strategy.experimental_distribute_dataset(train_ds)

    with strategy.scope():
        model = SmallConvNet(l2=args.l2)
        optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
        trainer = Trainer(strategy, model, optimizer, global_batch)

    for epoch in range(args.epochs):
        total, n = 0.0, 0
        for batch in dist_ds:
            total += trainer.distributed_train_step(batch)
            n += 1
        print('epoch', epoch + 1, 'loss', float(total / n))


if __name__ == '__main__':
    main()
