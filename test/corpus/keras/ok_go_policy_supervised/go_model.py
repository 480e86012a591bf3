# Idiom seen in: p3achyjr/p3achygo python/model.py (L2 = tf.keras.regularizers.L2, C_L2 = 1e-4, make_conv /
# ConvBlock layers, P3achyGoModel)
# What it reproduces: a residual policy network built from custom tf.keras.layers.Layer subclasses whose inner
# Conv2D/Dense get kernel_regularizer=L2(C_L2); the penalties show up in model.losses, which the custom loop in
# train_supervised.py adds to the loss (clean).
import tensorflow as tf

L2 = tf.keras.regularizers.L2
C_L2 = 1e-4


def make_conv(output_channels, kernel_size, name=None):
    return tf.keras.layers.Conv2D(output_channels, kernel_size, activation=None,
                                  kernel_initializer=tf.keras.initializers.he_normal,
                                  kernel_regularizer=L2(C_L2), padding="same", name=name)


class ConvBlock(tf.keras.layers.Layer):
    """Conv -> BatchNorm -> ReLU."""

    def __init__(self, output_channels, conv_size, activation=tf.keras.activations.relu, name=None):
        super().__init__(name=name)
        self.conv = make_conv(output_channels, conv_size, name="conv")
        self.batch_norm = tf.keras.layers.BatchNormalization(scale=False, momentum=0.999, epsilon=1e-3)
        self.activation = activation

    def call(self, x, training=False):
        return self.activation(self.batch_norm(self.conv(x), training=training))


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, channels, name=None):
        super().__init__(name=name)
        self.first = ConvBlock(channels, 3, name="conv_a")
        self.second = ConvBlock(channels, 3, activation=tf.identity, name="conv_b")

    def call(self, x, training=False):
        return tf.nn.relu(x + self.second(self.first(x, training=training), training=training))


class P3achyGoModel(tf.keras.Model):
    def __init__(self, board_len=19, num_input_planes=7, num_blocks=6, num_channels=128, name="p3achygo"):
        super().__init__(name=name)
        self.board_len = board_len
        self.init_block = ConvBlock(num_channels, 5, name="init_conv")
        self.blocks = [ResidualBlock(num_channels, name=f"res_{i}") for i in range(num_blocks)]
        self.policy_conv = ConvBlock(2, 1, name="policy_conv")
        self.policy_flat = tf.keras.layers.Flatten()
        self.policy_out = tf.keras.layers.Dense(board_len * board_len + 1, kernel_regularizer=L2(C_L2),
                                                name="policy_logits")

    def call(self, x, training=False):
        x = self.init_block(x, training=training)
        for block in self.blocks:
            x = block(x, training=training)
        p = self.policy_conv(x, training=training)
        return self.policy_out(self.policy_flat(p))
