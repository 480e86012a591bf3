# Idiom seen in: tensorflow/docs site/en/tutorials/distribute/custom_training.ipynb
# What it reproduces: MirroredStrategy custom training loop; compute_loss only averages the per-example
#   loss over the global batch (tf.nn.compute_average_loss) and never adds
#   tf.nn.scale_regularization_loss(model.losses), so the regularizers built in model.py do nothing.
# label-note: the WD103 label sits on model.py's regularizer line; nothing to label in this file.
from absl import app
from absl import flags
import tensorflow as tf
import tensorflow_datasets as tfds

import model as model_lib

FLAGS = flags.FLAGS
flags.DEFINE_integer('batch_size_per_replica', 64, 'Per-replica batch size.')
flags.DEFINE_integer('epochs', 10, 'Epochs.')
flags.DEFINE_float('weight_decay', 5e-4, 'L2 factor for conv kernels.')


def main(_):
    strategy = tf.distribute.MirroredStrategy()
    global_batch = FLAGS.batch_size_per_replica * strategy.num_replicas_in_sync

    ds = tfds.load('fashion_mnist', split='train', as_supervised=True)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    ds = ds.shuffle(10000).batch(global_batch)
    dist_ds = strategy.experimental_distribute_dataset(ds)

    with strategy.scope():
        model = model_lib.create_model(weight_decay=FLAGS.weight_decay)
        optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
        loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
            from_logits=True, reduction=tf.keras.losses.Reduction.NONE)

        def compute_loss(labels, predictions):
            per_example_loss = loss_object(labels, predictions)
            return tf.nn.compute_average_loss(per_example_loss, global_batch_size=global_batch)

    def train_step(inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = compute_loss(labels, predictions)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def distributed_train_step(dist_inputs):
        per_replica_losses = strategy.run(train_step, args=(dist_inputs,))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)

    for epoch in range(FLAGS.epochs):
        total, batches = 0.0, 0
        for x in dist_ds:
            total += distributed_train_step(x)
            batches += 1
        print('epoch {} loss {:.4f}'.format(epoch + 1, total / batches))


if __name__ == '__main__':
    app.run(main)
