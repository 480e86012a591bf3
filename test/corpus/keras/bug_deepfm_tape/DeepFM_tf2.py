# Idiom seen in: Max1993Liu/tensorflow2-models Recommendation/DeepFM/DeepFM_tf2.py
# What it reproduces: the repository's functional DeepFM build_model(); realistic mistake: an l2_reg option is added to the
#   embedding and Dense layers, then the model is trained in a GradientTape loop whose loss leaves out model.losses.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def build_model(feature_size, field_size, embedding_size=8, deep_layers=(32, 32),
                dropout_deep=(0.3, 0.3), l2_reg=1e-4):
    feature_index_input = layers.Input(shape=(field_size,), dtype=tf.int32)
    feature_value_input = layers.Input(shape=(field_size,), dtype=tf.float32)

    embedding_layer = layers.Embedding(input_dim=feature_size, output_dim=embedding_size,
                                       embeddings_initializer=tf.initializers.RandomUniform(-0.01, 0.01),
                                       embeddings_regularizer=regularizers.l2(l2_reg),  # expect: WD103
                                       name='embedding')
    embeddings = embedding_layer(feature_index_input)
    embeddings = embeddings * feature_value_input[..., tf.newaxis]

    fm_first_order = tf.reduce_sum(embeddings, axis=2)
    sum_square = tf.square(tf.reduce_sum(embeddings, 1))
    square_sum = tf.reduce_sum(tf.square(embeddings), 1)
    fm_second_order = 0.5 * (sum_square - square_sum)

    deep = layers.Flatten()(embeddings)
    for units, rate in zip(deep_layers, dropout_deep):
        deep = layers.Dense(units, activation='relu',
                            kernel_regularizer=regularizers.l2(l2_reg))(deep)  # expect: WD103
        deep = layers.Dropout(rate)(deep)

    out = layers.Concatenate()([fm_first_order, fm_second_order, deep])
    out = layers.Dense(1, activation='sigmoid')(out)
    return keras.models.Model(inputs=[feature_index_input, feature_value_input], outputs=out, name='DeepFM')
