# Idiom seen in: sayakpaul/Distributed-Training-in-TensorFlow-2-with-AI-Platform trainer/model_utils.py
# Idiom seen in: sayakpaul/Distributed-Training-in-TensorFlow-2-with-AI-Platform trainer/model_training.py
# What it reproduces: the same MobileNetV3 fine-tuning with L2 on the base's conv kernels, done right: after
#   setting layer.kernel_regularizer the base is rebuilt from its JSON config and its weights restored, so
#   the regularizers create their losses; the MirroredStrategy step adds sum(model.losses). Clean.
import tensorflow as tf
from tensorflow import keras

import config
from data_loader import get_dataset

WEIGHT_DECAY = 1e-5


def add_l2_to_convs(base_model, wd):
    for layer in base_model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            layer.kernel_regularizer = keras.regularizers.l2(wd)
    weights = base_model.get_weights()
    rebuilt = keras.models.model_from_json(base_model.to_json())
    rebuilt.set_weights(weights)
    return rebuilt


def get_model():
    base_model = keras.applications.MobileNetV3Large(
        weights="imagenet",
        input_shape=(config.IMAGE_SIZE, config.IMAGE_SIZE, 3),
        include_top=False,
        pooling="avg",
    )
    base_model = add_l2_to_convs(base_model, WEIGHT_DECAY)
    inputs = keras.Input(shape=(config.IMAGE_SIZE, config.IMAGE_SIZE, 3))
    x = keras.layers.experimental.preprocessing.Rescaling(scale=1. / 127.5, offset=-1)(inputs)
    x = base_model(x, training=True)
    x = keras.layers.Dropout(0.2)(x)
    outputs = keras.layers.Dense(1)(x)
    return keras.Model(inputs, outputs)


def run_training():
    strategy = tf.distribute.MirroredStrategy()
    train_ds = strategy.experimental_distribute_dataset(get_dataset(config.TRAIN_FILES, config.BATCH_SIZE))
    with strategy.scope():
        model = get_model()
        optimizer = keras.optimizers.SGD(config.LEARNING_RATE, momentum=0.9)
        loss_obj = keras.losses.BinaryCrossentropy(from_logits=True, reduction=keras.losses.Reduction.NONE)

    def train_step(inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = tf.nn.compute_average_loss(loss_obj(labels, logits), global_batch_size=config.BATCH_SIZE)
            loss += tf.nn.scale_regularization_loss(sum(model.losses))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    @tf.function
    def distributed_train_step(batch):
        per_replica = strategy.run(train_step, args=(batch,))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

    for epoch in range(config.EPOCHS):
        for batch in train_ds:
            loss = distributed_train_step(batch)
        print(f"Epoch {epoch}: loss {loss.numpy():.4f}")


if __name__ == "__main__":
    run_training()
