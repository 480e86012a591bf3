# Idiom seen in: breadbread1984/potential_prediction models_tf.py
# Idiom seen in: breadbread1984/potential_prediction train_eager.py
# What it reproduces: the repo's functional attention blocks (Dense q/k/v/proj with biases, LayerNormalization,
#   Conv3D MLP) for predicting an exchange-correlation potential on a density grid; see train_eager.py for how the
#   optimizer decays them.
import tensorflow as tf


def Attention(**kwargs):
    channel = kwargs.get('channel', 768)
    num_heads = kwargs.get('num_heads', 8)
    qkv_bias = kwargs.get('qkv_bias', True)
    drop_rate = kwargs.get('drop_rate', 0.1)
    inputs = tf.keras.Input((None, channel))
    results = tf.keras.layers.Dense(channel * 3, use_bias=qkv_bias)(inputs)
    results = tf.keras.layers.Reshape((-1, 3, num_heads, channel // num_heads))(results)
    results = tf.keras.layers.Lambda(lambda x: tf.transpose(x, (0, 2, 3, 1, 4)))(results)
    q, k, v = tf.keras.layers.Lambda(lambda x: (x[:, 0, ...], x[:, 1, ...], x[:, 2, ...]))(results)
    qk = tf.keras.layers.Lambda(lambda x, s: tf.matmul(x[0], tf.transpose(x[1], (0, 1, 3, 2))) * s,
                                arguments={'s': (channel // num_heads) ** -0.5})([q, k])
    attn = tf.keras.layers.Dropout(rate=drop_rate)(tf.keras.layers.Softmax(axis=-1)(qk))
    qkv = tf.keras.layers.Lambda(lambda x: tf.transpose(tf.matmul(x[0], x[1]), (0, 2, 1, 3)))([attn, v])
    qkv = tf.keras.layers.Reshape((-1, channel))(qkv)
    results = tf.keras.layers.Dense(channel, use_bias=qkv_bias)(qkv)
    results = tf.keras.layers.Dropout(rate=drop_rate)(results)
    return tf.keras.Model(inputs=inputs, outputs=results, name=kwargs.get('name', None))


def ABlock(**kwargs):
    channel = kwargs.get('channel', 768)
    mlp_ratio = kwargs.get('mlp_ratio', 4)
    drop_rate = kwargs.get('drop_rate', 0.1)
    inputs = tf.keras.Input((None, None, None, channel))
    skip = inputs
    results = tf.keras.layers.LayerNormalization()(inputs)
    shape = tf.keras.layers.Lambda(lambda x: tf.shape(x))(results)
    results = tf.keras.layers.Lambda(lambda x: tf.reshape(x, (tf.shape(x)[0], -1, channel)))(results)
    results = Attention(**kwargs)(results)
    results = tf.keras.layers.Lambda(lambda x: tf.reshape(x[0], x[1]))([results, shape])
    results = tf.keras.layers.Add()([skip, tf.keras.layers.Dropout(drop_rate)(results)])
    skip = results
    results = tf.keras.layers.LayerNormalization()(results)
    results = tf.keras.layers.Conv3D(channel * mlp_ratio, kernel_size=(1, 1, 1), padding='same',
                                     activation=tf.keras.activations.gelu)(results)
    results = tf.keras.layers.Conv3D(channel, kernel_size=(1, 1, 1), padding='same')(results)
    results = tf.keras.layers.Add()([skip, tf.keras.layers.Dropout(rate=drop_rate)(results)])
    return tf.keras.Model(inputs=inputs, outputs=results, name=kwargs.get('name', None))


def PredictorSmall(in_channel=4, hidden=64, depth=4, **kwargs):
    inputs = tf.keras.Input((None, None, None, in_channel))
    results = tf.keras.layers.Conv3D(hidden, kernel_size=(3, 3, 3), padding='same')(inputs)
    for i in range(depth):
        results = ABlock(channel=hidden, num_heads=4, name='block%d' % i, **kwargs)(results)
    results = tf.keras.layers.LayerNormalization()(results)
    results = tf.keras.layers.GlobalAveragePooling3D()(results)
    results = tf.keras.layers.Dense(1)(results)
    return tf.keras.Model(inputs=inputs, outputs=results, name='predictor_small')
