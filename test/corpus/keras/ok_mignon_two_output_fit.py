# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/06. More in Depth Example on Functional API.py
# What it reproduces: a two-output functional Keras CNN with kernel_regularizer=l2(WEIGHT_DECAY) on the
#   convolutions, compiled with two losses and trained with model.fit, which adds the regularization losses
#   to the total: clean.
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

BATCH_SIZE = 64
WEIGHT_DECAY = 0.001
LEARNING_RATE = 0.001

train_df = pd.read_csv("train.csv")
train_images = os.getcwd() + "/train_images/" + train_df.iloc[:, 0].values
train_labels = train_df.iloc[:, 1:].values


def read_image(image_path, label):
    image = tf.io.read_file(image_path)
    image = tf.image.decode_image(image, channels=1, dtype=tf.float32)
    return image, {"first_num": label[0], "second_num": label[1]}


train_dataset = (
    tf.data.Dataset.from_tensor_slices((train_images, train_labels))
    .shuffle(buffer_size=len(train_labels))
    .map(read_image)
    .batch(batch_size=BATCH_SIZE)
    .prefetch(buffer_size=tf.data.AUTOTUNE)
)

inputs = keras.Input(shape=(64, 64, 1))
x = layers.Conv2D(32, 3, padding="same", kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(inputs)
x = layers.BatchNormalization()(x)
x = keras.activations.relu(x)
x = layers.Conv2D(64, 3, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
x = layers.BatchNormalization()(x)
x = keras.activations.relu(x)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu", kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
x = layers.Flatten()(x)
x = layers.Dense(128, activation="relu")(x)
x = layers.Dropout(0.5)(x)
output1 = layers.Dense(10, activation="softmax", name="first_num")(x)
output2 = layers.Dense(10, activation="softmax", name="second_num")(x)
model = keras.Model(inputs=inputs, outputs=[output1, output2])

model.compile(
    optimizer=keras.optimizers.Adam(LEARNING_RATE),
    loss=[keras.losses.SparseCategoricalCrossentropy(), keras.losses.SparseCategoricalCrossentropy()],
    metrics=["accuracy"],
)
model.fit(train_dataset, epochs=5, verbose=2)
