# Idiom seen in: Mayner0220/Studying Tensorflow2_study/tensorflow2_minist_practice.py
# What it reproduces: the TF2 migration-guide MNIST model (Conv2D with kernel_regularizer=l2(0.02)) moved from
#   compile/fit to a custom train_step; regularization_loss = tf.math.add_n(model.losses) and total_loss are
#   computed and logged, but tape.gradient is taken of pred_loss, so the decay sum is never trained on (user mistake).
import tensorflow as tf
import tensorflow_datasets as tfds

dataset, info = tfds.load(name="mnist", with_info=True, as_supervised=True)
mnist_train, mnist_test = dataset['train'], dataset['test']

BUFFER_SIZE = 10000
BATCH_SIZE = 64
NUM_EPOCHS = 5


def scale(image, label):
    image = tf.cast(image, tf.float32)
    image /= 255
    return image, label


train_data = mnist_train.map(scale).shuffle(BUFFER_SIZE).batch(BATCH_SIZE)
test_data = mnist_test.map(scale).batch(BATCH_SIZE)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, 3, activation="relu",
                           kernel_regularizer=tf.keras.regularizers.l2(0.02),
                           input_shape=(28, 28, 1)),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dropout(0.1),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(10)
])

optimizer = tf.keras.optimizers.Adam(0.001)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_total = tf.keras.metrics.Mean(name="total_loss")


@tf.function
def train_step(inputs, labels):
    with tf.GradientTape() as tape:
        predictions = model(inputs, training=True)
        regularization_loss = tf.math.add_n(model.losses)  # expect: WD105
        pred_loss = loss_fn(labels, predictions)
        total_loss = pred_loss + regularization_loss

    gradients = tape.gradient(pred_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_total(total_loss)


for epoch in range(NUM_EPOCHS):
    train_total.reset_states()
    for inputs, labels in train_data:
        train_step(inputs, labels)
    print("Finished epoch", epoch, "total loss", float(train_total.result()))
