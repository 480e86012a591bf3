# Idiom seen in: emla2805/vision-transformer model.py
# Idiom seen in: emla2805/vision-transformer train.py
# What it reproduces: the repo's subclassed VisionTransformer trained with compile/fit; the user adds l2 kernel_regularizers
#   to the Dense layers and also swaps Adam for tfa.optimizers.AdamW(weight_decay=...), which decays every variable
#   (no decay_var_list): the kernels are decayed twice, and biases/LayerNorm too (user mistake; the repo uses plain Adam).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Dropout, LayerNormalization
from tensorflow.keras.regularizers import l2


class TransformerBlock(tf.keras.layers.Layer):
    def __init__(self, embed_dim, num_heads, mlp_dim, dropout=0.1, l2_reg=1e-4):
        super(TransformerBlock, self).__init__()
        self.att = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim // num_heads)
        self.mlp = tf.keras.Sequential([
            Dense(mlp_dim, activation=tf.keras.activations.gelu, kernel_regularizer=l2(l2_reg)),  # expect: WD201
            Dropout(dropout),
            Dense(embed_dim, kernel_regularizer=l2(l2_reg)),  # expect: WD201
            Dropout(dropout),
        ])
        self.layernorm1 = LayerNormalization(epsilon=1e-6)
        self.layernorm2 = LayerNormalization(epsilon=1e-6)
        self.dropout1 = Dropout(dropout)

    def call(self, inputs, training):
        inputs_norm = self.layernorm1(inputs)
        attn_output = self.att(inputs_norm, inputs_norm)
        out1 = self.dropout1(attn_output, training=training) + inputs
        return self.mlp(self.layernorm2(out1), training=training) + out1


class VisionTransformer(tf.keras.Model):
    def __init__(self, image_size, patch_size, num_layers, num_classes, d_model,
                 num_heads, mlp_dim, channels=3, dropout=0.1, l2_reg=1e-4):
        super(VisionTransformer, self).__init__()
        num_patches = (image_size // patch_size) ** 2
        self.patch_dim = channels * patch_size ** 2
        self.patch_size = patch_size
        self.d_model = d_model
        self.num_layers = num_layers
        self.pos_emb = self.add_weight("pos_emb", shape=(1, num_patches + 1, d_model))
        self.class_emb = self.add_weight("class_emb", shape=(1, 1, d_model))
        self.patch_proj = Dense(d_model)
        self.enc_layers = [TransformerBlock(d_model, num_heads, mlp_dim, dropout, l2_reg)
                           for _ in range(num_layers)]
        self.mlp_head = tf.keras.Sequential([
            LayerNormalization(epsilon=1e-6),
            Dense(mlp_dim, activation=tf.keras.activations.gelu),
            Dropout(dropout),
            Dense(num_classes, kernel_regularizer=l2(l2_reg)),  # expect: WD201
        ])

    def extract_patches(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(
            images=images,
            sizes=[1, self.patch_size, self.patch_size, 1],
            strides=[1, self.patch_size, self.patch_size, 1],
            rates=[1, 1, 1, 1],
            padding="VALID")
        return tf.reshape(patches, [batch_size, -1, self.patch_dim])

    def call(self, x, training):
        batch_size = tf.shape(x)[0]
        x = self.patch_proj(self.extract_patches(x))
        class_emb = tf.broadcast_to(self.class_emb, [batch_size, 1, self.d_model])
        x = tf.concat([class_emb, x], axis=1) + self.pos_emb
        for layer in self.enc_layers:
            x = layer(x, training)
        return self.mlp_head(x[:, 0])
