# Idiom seen in: flamearrow/ml kerastoy/toys/custom_training_toy.py
# What it reproduces: the repo's "custom training instead of fit" toy (create_model(), a train_step(images, labels,
#   model, loss, loss_history, optimizer) helper given the model); a user's mistake: L2 regularizers were added to
#   create_model() but train_step still differentiates only the cross entropy (WD103 at each regularizer keyword).
import matplotlib.pyplot as plt
import tensorflow as tf

WEIGHT_DECAY = 5e-4


def create_model():
    return tf.keras.Sequential(
        [
            tf.keras.layers.Conv2D(16, [3, 3], activation="relu", input_shape=(None, None, 1),
                                   kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY)),  # expect: WD103
            tf.keras.layers.Conv2D(16, [3, 3], activation="relu",
                                   kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY)),  # expect: WD103
            tf.keras.layers.GlobalAveragePooling2D(),
            tf.keras.layers.Dense(10, kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY)),  # expect: WD103
        ]
    )


def get_data():
    (mnist_images, mnist_labels), _ = tf.keras.datasets.mnist.load_data()
    dataset = tf.data.Dataset.from_tensor_slices(
        (tf.cast(mnist_images[..., tf.newaxis] / 255, tf.float32),
         tf.cast(mnist_labels, tf.int64)))
    return dataset.shuffle(1000).batch(32)


def train_step(images, labels, model, loss, loss_history, optimizer):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss_value = loss(labels, logits)
    loss_history.append(loss_value.numpy().mean())
    gradients = tape.gradient(loss_value, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))


def train_model_custom(epochs=3):
    model = create_model()
    ds = get_data()
    optimizer = tf.keras.optimizers.Adam()
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    loss_history = []
    for epoch in range(epochs):
        for batch, (images, labels) in enumerate(ds):
            train_step(images, labels, model, loss_object, loss_history, optimizer)
        print("Epoch {} finished".format(epoch))
    plt.plot(loss_history)
    plt.xlabel("Batch #")
    plt.ylabel("Loss [entropy]")
    plt.show()


if __name__ == "__main__":
    train_model_custom()
