# Idiom seen in: shiveshc/ViT_easy_tensorflow train_tf2.py
# What it reproduces: the repository's ViT on CIFAR-100 moved to a GradientTape loop with the
#   built-in Keras AdamW (decoupled, TF >= 2.11), exclude_from_weight_decay called once for
#   biases, LayerNorm and the position embedding, and no layer regularizers. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation=tf.nn.gelu)(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


def ViT(x, num_blocks, d_model, num_heads, d_inner, num_classes, patch_size):
    patches = tf.image.extract_patches(images=x, sizes=[1, patch_size, patch_size, 1],
                                       strides=[1, patch_size, patch_size, 1], rates=[1, 1, 1, 1],
                                       padding="VALID")
    num_patches = (x.shape[1] // patch_size) ** 2
    h = layers.Dense(d_model)(layers.Reshape((num_patches, -1))(patches))
    h = h + layers.Embedding(num_patches, d_model, name="pos_embedding")(tf.range(num_patches))
    for _ in range(num_blocks):
        y = layers.LayerNormalization(epsilon=1e-6)(h)
        h = h + layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)(y, y)
        h = h + mlp(layers.LayerNormalization(epsilon=1e-6)(h), [d_inner, d_model], 0.1)
    h = layers.GlobalAveragePooling1D()(layers.LayerNormalization(epsilon=1e-6)(h))
    return keras.Model(x, layers.Dense(num_classes)(h))


(x_train, y_train), _ = keras.datasets.cifar100.load_data()
x_train = tf.image.resize(x_train.astype(np.float32) / 255.0, (72, 72))
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train[:, 0])).shuffle(10000).batch(256)

model = ViT(keras.Input(shape=(72, 72, 3)), 8, 64, 4, 128, 100, 6)
optimizer = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.05)
optimizer.exclude_from_weight_decay(var_names=["bias", "layer_normalization", "pos_embedding"])
loss_obj = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = loss_obj(labels, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for epoch in range(10):
    for images, labels in train_ds:
        loss = train_step(images, labels)
    print(epoch, float(loss))
