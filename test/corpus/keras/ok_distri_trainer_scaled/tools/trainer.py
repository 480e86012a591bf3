# Idiom seen in: eastjin218/simple_toy tfbp/tools/trainer.py
# What it reproduces: MirroredStrategy trainer whose step computes the globally averaged data loss with
#   tf.nn.compute_average_loss and adds tf.nn.scale_regularization_loss(tf.add_n(model.losses)) inside the
#   tape, as the distribution guide prescribes. Clean.
import tensorflow as tf


class DistriTrainer(object):
    def __init__(self, dataloader, model, loss, optimizer, strategy, epochs, global_batch_size):
        self.dataloader = dataloader
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.strategy = strategy
        self.epochs = epochs
        self.global_batch_size = global_batch_size

    def compute_loss(self, labels, logits):
        per_example = self.loss(labels, logits)
        data_loss = tf.nn.compute_average_loss(per_example, global_batch_size=self.global_batch_size)
        reg_loss = tf.nn.scale_regularization_loss(tf.add_n(self.model.losses))
        return data_loss + reg_loss

    def step_fn(self, inputs):
        x, y = inputs
        with tf.GradientTape() as tape:
            logits = self.model(x, training=True)
            loss_value = self.compute_loss(y, logits)
        grads = tape.gradient(loss_value, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss_value

    @tf.function
    def distributed_step(self, inputs):
        per_replica = self.strategy.run(self.step_fn, args=(inputs,))
        return self.strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

    def run(self):
        dist_ds = self.strategy.experimental_distribute_dataset(self.dataloader)
        for epoch in range(self.epochs):
            total, n = 0.0, 0
            for batch in dist_ds:
                total += self.distributed_step(batch)
                n += 1
            print("epoch %d loss %.4f" % (epoch, total / n))
