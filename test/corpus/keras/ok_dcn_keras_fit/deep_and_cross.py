# Idiom seen in: Max1993Liu/tensorflow2-models Recommendation/Deep-and-Cross/main.py
# What it reproduces: a build_deep_and_cross() factory (embeddings for discrete features, a custom CrossLayer with
#   add_weight(regularizer=...), Dense layers with kernel_regularizer) compiled and trained with fit. Clean: fit adds model.losses.
import tensorflow as tf
from tensorflow.keras import layers, regularizers


class CrossLayer(layers.Layer):
    def __init__(self, num_layers=3, l2_reg=1e-5, **kwargs):
        super(CrossLayer, self).__init__(**kwargs)
        self.num_layers = num_layers
        self.l2_reg = l2_reg

    def build(self, input_shape):
        dim = int(input_shape[-1])
        self.kernels = [self.add_weight(name='cross_w_%d' % i, shape=(dim, 1),
                                        initializer='glorot_normal',
                                        regularizer=regularizers.l2(self.l2_reg))
                        for i in range(self.num_layers)]
        self.biases = [self.add_weight(name='cross_b_%d' % i, shape=(dim,), initializer='zeros')
                       for i in range(self.num_layers)]
        super(CrossLayer, self).build(input_shape)

    def call(self, x0):
        x = x0
        for w, b in zip(self.kernels, self.biases):
            x = x0 * tf.matmul(x, w) + b + x
        return x


def build_deep_and_cross(discrete_feature_size, continuous_feature_size, embedding_dim=8,
                         deep_units=(64, 64), n_classes=7, l2_reg=1e-5):
    inputs, embedded = {}, []
    for name, size in discrete_feature_size.items():
        inp = layers.Input(shape=(1,), name=name)
        inputs[name] = inp
        emb = layers.Embedding(size, embedding_dim, embeddings_regularizer=regularizers.l2(l2_reg))(inp)
        embedded.append(layers.Flatten()(emb))
    cont = layers.Input(shape=(continuous_feature_size,), name='continuous_features')
    inputs['continuous_features'] = cont
    x0 = layers.Concatenate()(embedded + [layers.BatchNormalization()(cont)])

    cross = CrossLayer(num_layers=3, l2_reg=l2_reg)(x0)
    deep = x0
    for units in deep_units:
        deep = layers.Dense(units, activation='relu', kernel_regularizer=regularizers.l2(l2_reg))(deep)
    out = layers.Dense(n_classes, activation='softmax')(layers.Concatenate()([cross, deep]))
    return tf.keras.Model(inputs=inputs, outputs=out, name='DCN')
