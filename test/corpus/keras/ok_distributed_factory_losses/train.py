# Idiom seen in: rhasanbd/Custom-Training-Loop-Using-TensorFlow-Keras Keras-Custom Training Loop-2-Distributed Training.ipynb
# What it reproduces: make_distributed_step(strategy, model, optimizer) returns a tf.function running a
# replica step whose loss is compute_average_loss(...) + scale_regularization_loss(add_n(model.losses)). Clean.
import numpy as np
import tensorflow as tf

from model import create_model

EPOCHS = 10
BATCH_PER_REPLICA = 64


def make_distributed_step(strategy, model, optimizer, loss_object, global_batch):
    def replica_step(inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            per_example = loss_object(labels, logits)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=global_batch)
            loss += tf.nn.scale_regularization_loss(tf.add_n(model.losses))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    @tf.function
    def distributed_step(dist_inputs):
        per_replica = strategy.run(replica_step, args=(dist_inputs,))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

    return distributed_step


def main():
    (x, y), _ = tf.keras.datasets.mnist.load_data()
    x = x[..., None] / np.float32(255)
    strategy = tf.distribute.MirroredStrategy()
    global_batch = BATCH_PER_REPLICA * strategy.num_replicas_in_sync
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x)).batch(global_batch)
    dist_dataset = strategy.experimental_distribute_dataset(dataset)

    with strategy.scope():
        model = create_model()
        optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
        loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
            from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
    step = make_distributed_step(strategy, model, optimizer, loss_object, global_batch)

    for epoch in range(EPOCHS):
        total, n = 0.0, 0
        for batch in dist_dataset:
            total += step(batch)
            n += 1
        print('epoch %d loss %.4f' % (epoch, total / n))


if __name__ == '__main__':
    main()
