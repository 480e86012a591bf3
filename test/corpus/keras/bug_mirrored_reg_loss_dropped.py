# Idiom seen in: manuel-suarez/tensorflow-distributed-custom-training main.py
# What it reproduces: MirroredStrategy custom training (strategy.run(train_step)) of a CNN with l2
# regularizers; compute_loss sums model.losses and scales it, but returns only the averaged cross entropy,
# the regularization sum going to a metric (user's mistake in this tutorial idiom): WD105 on the sum.
import numpy as np
import tensorflow as tf

fashion_mnist = tf.keras.datasets.fashion_mnist
(train_images, train_labels), _ = fashion_mnist.load_data()
train_images = train_images[..., None] / np.float32(255)

strategy = tf.distribute.MirroredStrategy()
BUFFER_SIZE = len(train_images)
BATCH_SIZE_PER_REPLICA = 64
GLOBAL_BATCH_SIZE = BATCH_SIZE_PER_REPLICA * strategy.num_replicas_in_sync
EPOCHS = 10
WEIGHT_DECAY = 1e-4

train_dataset = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(BUFFER_SIZE).batch(GLOBAL_BATCH_SIZE)
train_dist_dataset = strategy.experimental_distribute_dataset(train_dataset)


def create_model():
    reg = tf.keras.regularizers.l2(WEIGHT_DECAY)
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(32, 3, activation='relu', kernel_regularizer=reg, input_shape=(28, 28, 1)),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Conv2D(64, 3, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(64, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Dense(10),
    ])


with strategy.scope():
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
        from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
    reg_metric = tf.keras.metrics.Mean(name='reg_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')
    model = create_model()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)

    def compute_loss(labels, predictions, model_losses):
        per_example_loss = loss_object(labels, predictions)
        loss = tf.nn.compute_average_loss(per_example_loss, global_batch_size=GLOBAL_BATCH_SIZE)
        reg_total = tf.add_n(model_losses)  # expect: WD105
        reg_metric.update_state(tf.nn.scale_regularization_loss(reg_total))
        return loss


def train_step(inputs):
    images, labels = inputs
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = compute_loss(labels, predictions, model.losses)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_accuracy.update_state(labels, predictions)
    return loss


@tf.function
def distributed_train_step(dataset_inputs):
    per_replica_losses = strategy.run(train_step, args=(dataset_inputs,))
    return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)


for epoch in range(EPOCHS):
    total_loss, num_batches = 0.0, 0
    for x in train_dist_dataset:
        total_loss += distributed_train_step(x)
        num_batches += 1
    print('Epoch %d, Loss: %.4f, Reg: %.4f, Accuracy: %.2f'
          % (epoch + 1, total_loss / num_batches, reg_metric.result(), train_accuracy.result() * 100))
    reg_metric.reset_states()
    train_accuracy.reset_states()
