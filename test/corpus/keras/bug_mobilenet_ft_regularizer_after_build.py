# Idiom seen in: sayakpaul/Distributed-Training-in-TensorFlow-2-with-AI-Platform trainer/model_utils.py
# Idiom seen in: sayakpaul/Distributed-Training-in-TensorFlow-2-with-AI-Platform trainer/model_training.py
# What it reproduces: the repo's get_model() (MobileNetV3Large base + Dense(1) head) fine-tuned under a
#   MirroredStrategy custom loop. User mistake: "a little L2 on every conv" is added by assigning
#   layer.kernel_regularizer on the already-built base model -- no loss is created, sum(model.losses) stays
#   0 and nothing is decayed (WD106).
import tensorflow as tf
from tensorflow import keras

import config
from data_loader import get_dataset

WEIGHT_DECAY = 1e-5


def get_model():
    base_model = keras.applications.MobileNetV3Large(
        weights="imagenet",
        input_shape=(config.IMAGE_SIZE, config.IMAGE_SIZE, 3),
        include_top=False,
        pooling="avg",
    )
    base_model.trainable = True
    for layer in base_model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            layer.kernel_regularizer = keras.regularizers.l2(WEIGHT_DECAY)  # expect: WD106
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
        optimizer = keras.optimizers.Adam(config.LEARNING_RATE)
        loss_obj = keras.losses.BinaryCrossentropy(from_logits=True, reduction=keras.losses.Reduction.NONE)

    def train_step(inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            per_example = loss_obj(labels, logits)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=config.BATCH_SIZE)
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
