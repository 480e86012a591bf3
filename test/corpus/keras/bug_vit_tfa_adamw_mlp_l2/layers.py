# Idiom seen in: KaranjotSV/ViT layers.py
# What it reproduces: the ViT building blocks (augmentation, Patches, PatchEncoder, mlp). Realistic
#   addition: the mlp helper's Dense layers get kernel_regularizer=l2(weight_decay) while model.py already
#   trains with tfa AdamW(weight_decay=...), so those kernels are decayed twice (WD201 here).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

from config import image_size, patch_size, weight_decay

augmentation = keras.Sequential(
    [
        layers.Normalization(),
        layers.Resizing(image_size, image_size),
        layers.RandomFlip("horizontal"),
        layers.RandomRotation(factor=0.02),
        layers.RandomZoom(height_factor=0.2, width_factor=0.2),
    ],
    name="augmentation",
)


def mlp(x, hidden, dropout):
    for units in hidden:
        x = layers.Dense(units, activation=tf.nn.gelu, kernel_regularizer=keras.regularizers.l2(weight_decay))(x)  # expect: WD201
        x = layers.Dropout(dropout)(x)
    return x


class Patches(layers.Layer):
    def __init__(self, patch_size):
        super(Patches, self).__init__()
        self.patch_size = patch_size

    def call(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(images=images, sizes=[1, self.patch_size, self.patch_size, 1],
                                           strides=[1, self.patch_size, self.patch_size, 1],
                                           rates=[1, 1, 1, 1], padding="VALID")
        return tf.reshape(patches, [batch_size, -1, patches.shape[-1]])


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim):
        super(PatchEncoder, self).__init__()
        self.num_patches = num_patches
        self.projection = layers.Dense(units=projection_dim)
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, patch):
        positions = tf.range(start=0, limit=self.num_patches, delta=1)
        return self.projection(patch) + self.position_embedding(positions)
