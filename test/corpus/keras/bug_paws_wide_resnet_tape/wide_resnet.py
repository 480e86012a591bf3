# Idiom seen in: sayakpaul/PAWS-TF models/wide_resnet.py
# What it reproduces: functional WRN-28-2 encoder with kernel_regularizer=l2(WEIGHT_DECAY) on every conv and
#   projection dense; the PAWS step differentiates only the PAWS + me-max loss, never encoder.losses (real bug).
from tensorflow.keras import regularizers
from tensorflow.keras import layers
import tensorflow as tf

WEIGHT_DECAY = 1e-6
INIT = "he_normal"
DEPTH = 28
WIDTH_MULT = 2


def wide_basic(n_input_plane, n_output_plane, stride):
    def f(net):
        conv_params = [[3, 3, stride, "same"], [3, 3, (1, 1), "same"]]
        convs = net
        for i, v in enumerate(conv_params):
            convs = layers.BatchNormalization(epsilon=1e-05, momentum=0.1)(convs if i else net)
            convs = layers.Activation("relu")(convs)
            convs = layers.Conv2D(
                n_output_plane, (v[0], v[1]), strides=v[2], padding=v[3],
                kernel_initializer=INIT,
                kernel_regularizer=regularizers.l2(WEIGHT_DECAY),  # expect: WD103
                use_bias=False,
            )(convs)
        if n_input_plane != n_output_plane:
            shortcut = layers.Conv2D(
                n_output_plane, (1, 1), strides=stride, padding="same",
                kernel_initializer=INIT,
                kernel_regularizer=regularizers.l2(WEIGHT_DECAY),  # expect: WD103
                use_bias=False,
            )(net)
        else:
            shortcut = net
        return layers.Add()([convs, shortcut])
    return f


def layer(block, n_input_plane, n_output_plane, count, stride):
    def f(net):
        net = block(n_input_plane, n_output_plane, stride)(net)
        for i in range(2, int(count + 1)):
            net = block(n_output_plane, n_output_plane, stride=(1, 1))(net)
        return net
    return f


def projection_head(x, hidden_dim=128):
    for i in range(2):
        x = layers.Dense(
            hidden_dim, use_bias=False, name=f"projection_layer_{i}",
            kernel_regularizer=regularizers.l2(WEIGHT_DECAY),  # expect: WD103
        )(x)
        x = layers.BatchNormalization(epsilon=1e-05, momentum=0.1)(x)
        x = layers.Activation("relu")(x)
    return layers.Dense(hidden_dim, use_bias=False, name="projection_output")(x)


def get_network(hidden_dim=128):
    n = (DEPTH - 4) / 6
    n_stages = [16, 16 * WIDTH_MULT, 32 * WIDTH_MULT, 64 * WIDTH_MULT]
    inputs = layers.Input(shape=(None, None, 3))
    x = layers.experimental.preprocessing.Rescaling(scale=1.0 / 255)(inputs)
    conv1 = layers.Conv2D(
        n_stages[0], (3, 3), strides=1, padding="same",
        kernel_initializer=INIT,
        kernel_regularizer=regularizers.l2(WEIGHT_DECAY),  # expect: WD103
        use_bias=False,
    )(x)
    conv2 = layer(wide_basic, n_stages[0], n_stages[1], count=n, stride=(1, 1))(conv1)
    conv3 = layer(wide_basic, n_stages[1], n_stages[2], count=n, stride=(2, 2))(conv2)
    conv4 = layer(wide_basic, n_stages[2], n_stages[3], count=n, stride=(2, 2))(conv3)
    relu = layers.Activation("relu")(layers.BatchNormalization(epsilon=1e-05, momentum=0.1)(conv4))
    trunk_outputs = layers.GlobalAveragePooling2D()(relu)
    projection_outputs = projection_head(trunk_outputs, hidden_dim=hidden_dim)
    return tf.keras.Model(inputs, [trunk_outputs, projection_outputs])
