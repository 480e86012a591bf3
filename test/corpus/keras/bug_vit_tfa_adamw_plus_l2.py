# Idiom seen in: shiveshc/ViT_easy_tensorflow train_tf2.py
# What it reproduces: the repository's ViT training script (CIFAR-100 resized to 72, patch 6,
#   compile with tfa.optimizers.AdamW(learning_rate, weight_decay=1e-4) and fit) where the user's
#   ViT also puts L2 kernel regularizers on the MLP and head Dense layers: those kernels are
#   decayed twice, and AdamW (no decay_var_list) decays biases and LayerNorm parameters too.
import numpy as np
import tensorflow as tf
import tensorflow_addons as tfa
from tensorflow import keras
from tensorflow.keras import layers, regularizers

L2 = 1e-4


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation=tf.nn.gelu,
                         kernel_regularizer=regularizers.l2(L2))(x)  # expect: WD201
        x = layers.Dropout(dropout_rate)(x)
    return x


class Patches(layers.Layer):
    def __init__(self, patch_size):
        super().__init__()
        self.patch_size = patch_size

    def call(self, images):
        patches = tf.image.extract_patches(images=images, sizes=[1, self.patch_size, self.patch_size, 1],
                                           strides=[1, self.patch_size, self.patch_size, 1],
                                           rates=[1, 1, 1, 1], padding="VALID")
        return tf.reshape(patches, [tf.shape(images)[0], -1, patches.shape[-1]])


def ViT(x, num_blocks, d_model, num_heads, d_inner, num_classes, patch_size):
    patches = Patches(patch_size)(x)
    num_patches = (x.shape[1] // patch_size) ** 2
    h = layers.Dense(d_model)(patches)
    h = h + layers.Embedding(num_patches, d_model)(tf.range(num_patches))
    for _ in range(num_blocks):
        y = layers.LayerNormalization(epsilon=1e-6)(h)
        y = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)(y, y)
        h = h + y
        y = layers.LayerNormalization(epsilon=1e-6)(h)
        h = h + mlp(y, [d_inner, d_model], 0.1)
    h = layers.Flatten()(layers.LayerNormalization(epsilon=1e-6)(h))
    logits = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(L2))(h)  # expect: WD201
    return keras.Model(x, logits)


def loss_fn(y_true, y_pred):
    return tf.nn.softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred)


if __name__ == '__main__':
    (x_train, y_train), _ = keras.datasets.cifar100.load_data()
    x_train = tf.image.resize(x_train.astype(np.float32) / 255.0, (72, 72)).numpy()
    y_train = keras.utils.to_categorical(y_train, 100)
    lr = 0.001
    x = keras.Input(shape=(72, 72, 3))
    vit = ViT(x, num_blocks=8, d_model=64, num_heads=4, d_inner=128, num_classes=100, patch_size=6)
    vit.compile(optimizer=tfa.optimizers.AdamW(learning_rate=lr, weight_decay=0.0001), loss=loss_fn)  # expect: WD203
    history = vit.fit(x_train, y_train, batch_size=256, epochs=10)
