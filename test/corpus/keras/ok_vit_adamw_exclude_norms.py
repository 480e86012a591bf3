# Idiom seen in: GLambard/AdamW_Keras README.md
# What it reproduces: a small ViT-style classifier compiled with an AdamW optimizer (decoupled decay) and no layer
#   regularizers; this version uses Keras' own AdamW and excludes biases, LayerNorm and the position embedding from
#   the decay with a single exclude_from_weight_decay call, so only kernels are decayed, once. Clean.
import argparse

import tensorflow as tf
from tensorflow.keras import layers


class PatchEmbed(layers.Layer):
    def __init__(self, num_patches, dim, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.proj = layers.Conv2D(dim, patch_size, strides=patch_size)
        self.reshape = layers.Reshape((num_patches, dim))
        self.pos_embed = self.add_weight(name='pos_embed', shape=(1, num_patches, dim),
                                         initializer='random_normal')

    def call(self, x):
        return self.reshape(self.proj(x)) + self.pos_embed


def transformer_block(x, dim, heads, mlp_dim, name):
    h = layers.LayerNormalization(epsilon=1e-6, name=name + '_ln1')(x)
    h = layers.MultiHeadAttention(num_heads=heads, key_dim=dim // heads, name=name + '_attn')(h, h)
    x = layers.Add()([x, h])
    h = layers.LayerNormalization(epsilon=1e-6, name=name + '_ln2')(x)
    h = layers.Dense(mlp_dim, activation='gelu', name=name + '_fc1')(h)
    h = layers.Dense(dim, name=name + '_fc2')(h)
    return layers.Add()([x, h])


def build_vit(image_size=32, patch_size=4, dim=128, depth=6, heads=4, num_classes=10):
    inputs = layers.Input((image_size, image_size, 3))
    x = PatchEmbed((image_size // patch_size) ** 2, dim, patch_size, name='patch_embed')(inputs)
    for i in range(depth):
        x = transformer_block(x, dim, heads, dim * 2, name='block%d' % i)
    x = layers.LayerNormalization(epsilon=1e-6, name='final_ln')(x)
    x = layers.GlobalAveragePooling1D()(x)
    return tf.keras.Model(inputs, layers.Dense(num_classes, name='head')(x))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=0.05)
    parser.add_argument('--epochs', type=int, default=100)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
    model = build_vit()
    optimizer = tf.keras.optimizers.AdamW(learning_rate=args.lr, weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta', 'pos_embed'])
    model.compile(optimizer=optimizer,
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=['accuracy'])
    model.fit(x_train / 255.0, y_train, batch_size=128, epochs=args.epochs,
              validation_data=(x_test / 255.0, y_test))


if __name__ == '__main__':
    main()
