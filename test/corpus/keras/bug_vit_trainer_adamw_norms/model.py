# Idiom seen in: kamalkraj/Vision-Transformer model.py
# What it reproduces: a small ViT (patch embedding, class token, position embedding, pre-norm blocks with
#   LayerNormalization, Dense MLP head) with no layer regularizers.
import tensorflow as tf
from tensorflow.keras import layers


class TransformerBlock(layers.Layer):
    def __init__(self, d_model, num_heads, mlp_dim, dropout=0.1):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)
        self.mlp = tf.keras.Sequential([
            layers.Dense(mlp_dim, activation=tf.nn.gelu),
            layers.Dropout(dropout),
            layers.Dense(d_model),
            layers.Dropout(dropout),
        ])
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)
        self.dropout1 = layers.Dropout(dropout)

    def call(self, inputs, training=False):
        x = self.layernorm1(inputs)
        x = self.att(x, x, training=training)
        out1 = self.dropout1(x, training=training) + inputs
        return self.mlp(self.layernorm2(out1), training=training) + out1


class VisionTransformer(tf.keras.Model):
    def __init__(self, image_size, patch_size, num_layers, num_classes, d_model, num_heads, mlp_dim,
                 channels=3, dropout=0.1):
        super().__init__()
        num_patches = (image_size // patch_size) ** 2
        self.patch_size = patch_size
        self.d_model = d_model
        self.pos_emb = self.add_weight(name='pos_emb', shape=(1, num_patches + 1, d_model))
        self.class_emb = self.add_weight(name='class_emb', shape=(1, 1, d_model))
        self.patch_proj = layers.Dense(d_model)
        self.enc_layers = [TransformerBlock(d_model, num_heads, mlp_dim, dropout) for _ in range(num_layers)]
        self.mlp_head = tf.keras.Sequential([
            layers.LayerNormalization(epsilon=1e-6),
            layers.Dense(mlp_dim, activation=tf.nn.gelu),
            layers.Dropout(dropout),
            layers.Dense(num_classes),
        ])

    def extract_patches(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(images=images,
                                           sizes=[1, self.patch_size, self.patch_size, 1],
                                           strides=[1, self.patch_size, self.patch_size, 1],
                                           rates=[1, 1, 1, 1], padding='VALID')
        return tf.reshape(patches, [batch_size, -1, patches.shape[-1]])

    def call(self, x, training=False):
        batch_size = tf.shape(x)[0]
        x = self.patch_proj(self.extract_patches(x))
        class_emb = tf.broadcast_to(self.class_emb, [batch_size, 1, self.d_model])
        x = tf.concat([class_emb, x], axis=1) + self.pos_emb
        for layer in self.enc_layers:
            x = layer(x, training=training)
        return self.mlp_head(x[:, 0], training=training)
