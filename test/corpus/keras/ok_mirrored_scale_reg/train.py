# Idiom seen in: shenkh/api_docs_offline tensorflow/2.0.0/api_docs/python/tf/nn/scale_regularization_loss.md
# What it reproduces: "custom training with tf.distribute.Strategy": per-example loss averaged with
#   tf.nn.compute_average_loss over the global batch, plus tf.nn.scale_regularization_loss(tf.add_n(model.losses)),
#   differentiated inside train_step that strategy.run executes on every replica. Clean.
import tensorflow as tf
import tensorflow_datasets as tfds

from model import create_model

EPOCHS = 30
BATCH_SIZE_PER_REPLICA = 64
WEIGHT_DECAY = 5e-4

strategy = tf.distribute.MirroredStrategy()
GLOBAL_BATCH_SIZE = BATCH_SIZE_PER_REPLICA * strategy.num_replicas_in_sync

train_ds = tfds.load('cifar10', split='train', as_supervised=True)
train_ds = train_ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
train_ds = train_ds.shuffle(10000).batch(GLOBAL_BATCH_SIZE)
train_dist_dataset = strategy.experimental_distribute_dataset(train_ds)

with strategy.scope():
    model = create_model(weight_decay=WEIGHT_DECAY)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
        from_logits=True, reduction=tf.keras.losses.Reduction.NONE)

    def compute_loss(labels, predictions):
        per_example_loss = loss_object(labels, predictions)
        loss = tf.nn.compute_average_loss(per_example_loss, global_batch_size=GLOBAL_BATCH_SIZE)
        loss += tf.nn.scale_regularization_loss(tf.add_n(model.losses))
        return loss

    optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')


def train_step(inputs):
    images, labels = inputs
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = compute_loss(labels, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_accuracy.update_state(labels, predictions)
    return loss


@tf.function
def distributed_train_step(dataset_inputs):
    per_replica_losses = strategy.run(train_step, args=(dataset_inputs,))
    return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)


for epoch in range(EPOCHS):
    total_loss = 0.0
    num_batches = 0
    for x in train_dist_dataset:
        total_loss += distributed_train_step(x)
        num_batches += 1
    print("Epoch {}, Loss: {}, Accuracy: {}".format(
        epoch + 1, total_loss / num_batches, train_accuracy.result() * 100))
    train_accuracy.reset_states()
