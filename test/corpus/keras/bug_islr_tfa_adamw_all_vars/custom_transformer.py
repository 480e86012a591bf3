# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/train.py
# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/models/custom_transformer.py
# What it reproduces: the transformer (LayerNorm, Dense biases, embeddings) is compiled with TensorFlow Addons
# AdamW(weight_decay=...) and trained by fit; no decay_var_list, so every bias and norm parameter decays too.
import tensorflow as tf


class MultiHeadAttention(tf.keras.layers.Layer):
    def __init__(self, d_model, num_of_heads, dropout):
        super().__init__()
        self.d_model = d_model
        self.num_of_heads = num_of_heads
        self.depth = d_model // num_of_heads
        self.wq = [tf.keras.layers.Dense(self.depth // 2, use_bias=False) for _ in range(num_of_heads)]
        self.wk = [tf.keras.layers.Dense(self.depth // 2, use_bias=False) for _ in range(num_of_heads)]
        self.wv = [tf.keras.layers.Dense(self.depth // 2, use_bias=False) for _ in range(num_of_heads)]
        self.wo = tf.keras.layers.Dense(d_model, use_bias=False)
        self.softmax = tf.keras.layers.Softmax()
        self.do = tf.keras.layers.Dropout(dropout)

    def call(self, x, attention_mask=None):
        multi_attn = []
        for i in range(self.num_of_heads):
            Q, K, V = self.wq[i](x), self.wk[i](x), self.wv[i](x)
            qkt = tf.matmul(Q, K, transpose_b=True) / tf.math.sqrt(tf.cast(Q.shape[-1], tf.float32))
            multi_attn.append(tf.matmul(self.softmax(qkt, mask=attention_mask), V))
        return self.do(self.wo(tf.concat(multi_attn, axis=-1)))


class Transformer(tf.keras.Model):
    def __init__(self, num_blocks, units, mlp_ratio, num_heads, dropout):
        super().__init__(name='transformer')
        self.num_blocks = num_blocks
        self.ln_1s = [tf.keras.layers.LayerNormalization(epsilon=1e-6) for _ in range(num_blocks)]
        self.mhas = [MultiHeadAttention(units, num_heads, dropout) for _ in range(num_blocks)]
        self.ln_2s = [tf.keras.layers.LayerNormalization(epsilon=1e-6) for _ in range(num_blocks)]
        self.mlps = [tf.keras.Sequential([
            tf.keras.layers.Dense(units * mlp_ratio, activation='gelu'),
            tf.keras.layers.Dropout(dropout),
            tf.keras.layers.Dense(units),
        ]) for _ in range(num_blocks)]

    def call(self, x, attention_mask):
        for ln_1, mha, ln_2, mlp in zip(self.ln_1s, self.mhas, self.ln_2s, self.mlps):
            x = x + mha(ln_1(x), attention_mask=attention_mask)
            x = x + mlp(ln_2(x))
        return x


def get_model(config):
    frames = tf.keras.layers.Input([config['INPUT_SIZE'], config['N_COLS']], dtype=tf.float32, name='frames')
    x = tf.keras.layers.Dense(config['UNITS'], name='embedding')(frames)
    x = Transformer(config['NUM_BLOCKS'], config['UNITS'], config['MLP_RATIO'], config['NUM_HEADS'], 0.1)(x, None)
    x = tf.reduce_mean(x, axis=1)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(config['NUM_CLASSES'], activation='softmax', name='classifier')(x)
    return tf.keras.models.Model(inputs=frames, outputs=outputs)
