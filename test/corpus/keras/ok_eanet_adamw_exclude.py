# Idiom seen in: keras-team/keras-core examples/keras_io/tensorflow/vision/eanet.py
# What it reproduces: EANet (external attention) trained with keras.optimizers.AdamW(weight_decay=1e-4) and
# a single exclude_from_weight_decay call naming the LayerNorm/BN gamma/beta and biases; no layer regularizers (clean).
import keras_core as keras
from keras_core import layers, ops

num_classes = 100
input_shape = (32, 32, 3)
(x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data()
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)

weight_decay = 0.0001
learning_rate = 0.001
label_smoothing = 0.1
batch_size = 128
num_epochs = 50
patch_size = 2
num_patches = (input_shape[0] // patch_size) ** 2
embedding_dim = 64
mlp_dim = 64
dim_coefficient = 4
num_heads = 4
attention_dropout = 0.2
projection_dropout = 0.2
num_transformer_blocks = 8


class PatchEmbedding(layers.Layer):
    def __init__(self, num_patch, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patch = num_patch
        self.proj = layers.Dense(embed_dim)
        self.pos_embed = layers.Embedding(input_dim=num_patch, output_dim=embed_dim)

    def call(self, patch):
        pos = ops.arange(start=0, stop=self.num_patch, step=1)
        return self.proj(patch) + self.pos_embed(pos)


def external_attention(x, dim, num_heads, dim_coefficient=4, attention_dropout=0, projection_dropout=0):
    _, num_patch, channel = x.shape
    assert dim % num_heads == 0
    num_heads = num_heads * dim_coefficient
    x = layers.Dense(dim * dim_coefficient)(x)
    x = ops.reshape(x, (-1, num_patch, num_heads, dim * dim_coefficient // num_heads))
    x = ops.transpose(x, axes=[0, 2, 1, 3])
    attn = layers.Dense(dim // dim_coefficient)(x)
    attn = layers.Softmax(axis=2)(attn)
    attn = attn / (1e-9 + ops.sum(attn, axis=-1, keepdims=True))
    attn = layers.Dropout(attention_dropout)(attn)
    x = layers.Dense(dim * dim_coefficient // num_heads)(attn)
    x = ops.transpose(x, axes=[0, 2, 1, 3])
    x = ops.reshape(x, [-1, num_patch, dim * dim_coefficient])
    x = layers.Dense(dim)(x)
    return layers.Dropout(projection_dropout)(x)


def transformer_encoder(x, embedding_dim, mlp_dim, num_heads, dim_coefficient, attention_dropout, projection_dropout):
    residual_1 = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = external_attention(x, embedding_dim, num_heads, dim_coefficient, attention_dropout, projection_dropout)
    x = layers.add([x, residual_1])
    residual_2 = x
    x = layers.LayerNormalization(epsilon=1e-5)(x)
    x = layers.Dense(mlp_dim, activation='gelu')(x)
    x = layers.Dropout(projection_dropout)(x)
    x = layers.Dense(embedding_dim)(x)
    return layers.add([x, residual_2])


def get_model():
    inputs = layers.Input(shape=input_shape)
    x = layers.Conv2D(embedding_dim, patch_size, strides=patch_size)(inputs)
    x = layers.Reshape((num_patches, embedding_dim))(x)
    x = PatchEmbedding(num_patches, embedding_dim)(x)
    for _ in range(num_transformer_blocks):
        x = transformer_encoder(x, embedding_dim, mlp_dim, num_heads, dim_coefficient,
                                attention_dropout, projection_dropout)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(num_classes, activation='softmax')(x)
    return keras.Model(inputs=inputs, outputs=outputs)


model = get_model()
optimizer = keras.optimizers.AdamW(learning_rate=learning_rate, weight_decay=weight_decay)
optimizer.exclude_from_weight_decay(var_names=['gamma', 'beta', 'bias', 'embeddings'])
model.compile(
    loss=keras.losses.CategoricalCrossentropy(label_smoothing=label_smoothing),
    optimizer=optimizer,
    metrics=[keras.metrics.CategoricalAccuracy(name='accuracy'),
             keras.metrics.TopKCategoricalAccuracy(5, name='top-5-accuracy')],
)
history = model.fit(x_train, y_train, batch_size=batch_size, epochs=num_epochs, validation_split=0.1)
loss, accuracy, top_5_accuracy = model.evaluate(x_test, y_test)
print(f'Test loss: {round(loss, 2)}')
