# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/vision_transformer/train.py
# What it reproduces: a compact subclassed ViT (patch embedding conv, cls token, pre-norm encoder
#   blocks, pre_logits and head Dense layers) without layer regularizers; decay is applied in train.py.
import tensorflow as tf
from tensorflow.keras import layers


class EncoderBlock(layers.Layer):
    def __init__(self, dim, num_heads, mlp_ratio=4.0, name=None):
        super().__init__(name=name)
        self.norm1 = layers.LayerNormalization(epsilon=1e-6, name="LayerNorm_0")
        self.attn = layers.MultiHeadAttention(num_heads=num_heads, key_dim=dim // num_heads, name="MultiHeadAttention")
        self.norm2 = layers.LayerNormalization(epsilon=1e-6, name="LayerNorm_2")
        self.fc1 = layers.Dense(int(dim * mlp_ratio), activation="gelu", name="Dense_0")
        self.fc2 = layers.Dense(dim, name="Dense_1")

    def call(self, x, training=None):
        h = self.norm1(x)
        x = x + self.attn(h, h, training=training)
        return x + self.fc2(self.fc1(self.norm2(x)))


class VisionTransformer(tf.keras.Model):
    def __init__(self, num_classes, patch=16, dim=768, depth=12, heads=12):
        super().__init__()
        self.patch_embed = layers.Conv2D(dim, patch, strides=patch, name="patch_embed")
        self.cls_token = self.add_weight(name="cls", shape=[1, 1, dim], initializer="zeros", trainable=True)
        self.pos_embed = self.add_weight(name="pos_embed", shape=[1, (224 // patch) ** 2 + 1, dim],
                                         initializer=tf.keras.initializers.TruncatedNormal(stddev=0.02), trainable=True)
        self.blocks = [EncoderBlock(dim, heads, name="encoderblock_%d" % i) for i in range(depth)]
        self.norm = layers.LayerNormalization(epsilon=1e-6, name="encoder_norm")
        self.pre_logits = layers.Dense(dim, activation="tanh", name="pre_logits")
        self.head = layers.Dense(num_classes, name="head")

    def call(self, x, training=None):
        x = self.patch_embed(x)
        b = tf.shape(x)[0]
        x = tf.reshape(x, [b, -1, x.shape[-1]])
        x = tf.concat([tf.broadcast_to(self.cls_token, [b, 1, x.shape[-1]]), x], axis=1) + self.pos_embed
        for blk in self.blocks:
            x = blk(x, training=training)
        return self.head(self.pre_logits(self.norm(x)[:, 0]))


def vit_base_patch16_224_in21k(num_classes):
    return VisionTransformer(num_classes=num_classes)
