# Idiom seen in: eastjin218/simple_toy tfbp/tools/trainer.py
# What it reproduces: a trainer class for MirroredStrategy: step_fn computes the per-example loss scaled by
#   the global batch size and hands it to tape.gradient; strategy.run runs it per replica. The model's
#   regularization losses are never added (no scale_regularization_loss(model.losses)).
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
        self.train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    def step_fn(self, inputs):
        x, y = inputs
        with tf.GradientTape() as tape:
            logits = self.model(x, training=True)
            per_example = self.loss(y, logits)
            loss_value = tf.reduce_sum(per_example) * (1.0 / self.global_batch_size)
        grads = tape.gradient(loss_value, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        self.train_acc.update_state(y, logits)
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
            print("epoch %d loss %.4f acc %.4f" % (epoch, total / n, self.train_acc.result()))
            self.train_acc.reset_states()
