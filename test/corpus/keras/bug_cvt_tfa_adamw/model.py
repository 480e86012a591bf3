# Idiom seen in: tai-dang11/CvT-model model.py
# Idiom seen in: tai-dang11/CvT-model train.py
# What it reproduces: Keras port of CvT (convolutional token embedding, LayerNormalization, attention and MLP
#   blocks with biased Dense layers); train.py decays all of its variables, LayerNorm scales and biases included.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.layers import Conv2D, Dense, Dropout, LayerNormalization


class ConvEmbed(layers.Layer):
    def __init__(self, patch_size=7, embed_dim=64, strides=4):
        super().__init__()
        self.proj = Conv2D(embed_dim, kernel_size=patch_size, strides=strides, padding='same')
        self.norm = LayerNormalization(epsilon=1e-5)

    def call(self, x):
        x = self.proj(x)
        b, h, w, c = tf.unstack(tf.shape(x))
        x = tf.reshape(x, [b, h * w, c])
        return self.norm(x), h, w


class MlpBlock(layers.Layer):
    def __init__(self, hidden_features, out_features, drop=0.):
        super().__init__()
        self.fc1 = Dense(hidden_features)
        self.fc2 = Dense(out_features)
        self.drop = Dropout(drop)

    def call(self, x, training=None):
        x = tf.keras.activations.gelu(self.fc1(x))
        x = self.drop(x, training=training)
        return self.drop(self.fc2(x), training=training)


class Block(layers.Layer):
    def __init__(self, dim, num_heads, mlp_ratio=4., drop=0.):
        super().__init__()
        self.norm1 = LayerNormalization(epsilon=1e-5)
        self.attn = layers.MultiHeadAttention(num_heads=num_heads, key_dim=dim // num_heads, dropout=drop)
        self.norm2 = LayerNormalization(epsilon=1e-5)
        self.mlp = MlpBlock(int(dim * mlp_ratio), dim, drop)

    def call(self, x, training=None):
        y = self.norm1(x)
        x = x + self.attn(y, y, training=training)
        return x + self.mlp(self.norm2(x), training=training)


class Cvt(tf.keras.Model):
    def __init__(self, num_classes, spec):
        super().__init__()
        self.stages = []
        for i in range(spec['NUM_STAGES']):
            embed = ConvEmbed(spec['PATCH_SIZE'][i], spec['DIM_EMBED'][i], spec['PATCH_STRIDE'][i])
            blocks = [Block(spec['DIM_EMBED'][i], spec['NUM_HEADS'][i], spec['MLP_RATIO'][i],
                            spec['DROP_RATE'][i]) for _ in range(spec['DEPTH'][i])]
            self.stages.append((embed, blocks))
        self.norm = LayerNormalization(epsilon=1e-5)
        self.head = Dense(num_classes, name='head')

    def call(self, x, training=None):
        for embed, blocks in self.stages:
            x, h, w = embed(x)
            for blk in blocks:
                x = blk(x, training=training)
            x = tf.reshape(x, [tf.shape(x)[0], h, w, x.shape[-1]])
        x = tf.reduce_mean(tf.reshape(x, [tf.shape(x)[0], -1, x.shape[-1]]), axis=1)
        return self.head(self.norm(x))
