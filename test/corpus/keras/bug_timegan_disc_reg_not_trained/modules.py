# Idiom seen in: mcps5601/TimeGAN-tensorflow2 hider/timegan/modules/embedder.py
# Idiom seen in: mcps5601/TimeGAN-tensorflow2 hider/timegan/modules/discriminator.py
# What it reproduces: the five TimeGAN sub-networks as small Keras models; only the discriminator's layers
#   carry an L2 kernel_regularizer (args.d_weight_decay).
import tensorflow as tf


def rnn_stack(module_name, hidden_dim, num_layers):
    cell = tf.keras.layers.GRU if module_name == 'gru' else tf.keras.layers.LSTM
    return [cell(hidden_dim, return_sequences=True) for _ in range(num_layers)]


class Embedder(tf.keras.Model):
    def __init__(self, args):
        super().__init__()
        self.rnn = tf.keras.Sequential([
            tf.keras.layers.Masking(mask_value=-1., input_shape=(args.max_seq_len, args.feature_dim)),
            *rnn_stack(args.module_name, args.hidden_dim, args.num_layers)])
        self.linear = tf.keras.layers.Dense(args.hidden_dim, activation=tf.nn.sigmoid)

    def call(self, X, training=False):
        return self.linear(self.rnn(X))


class Recovery(tf.keras.Model):
    def __init__(self, args):
        super().__init__()
        self.rnn = tf.keras.Sequential(rnn_stack(args.module_name, args.hidden_dim, args.num_layers))
        self.linear = tf.keras.layers.Dense(args.feature_dim, activation=tf.nn.sigmoid)

    def call(self, H, training=False):
        return self.linear(self.rnn(H))


class Generator(Recovery):
    def __init__(self, args):
        super().__init__(args)
        self.linear = tf.keras.layers.Dense(args.hidden_dim, activation=tf.nn.sigmoid)


class Supervisor(tf.keras.Model):
    def __init__(self, args):
        super().__init__()
        self.rnn = tf.keras.Sequential(rnn_stack(args.module_name, args.hidden_dim, args.num_layers - 1))
        self.linear = tf.keras.layers.Dense(args.hidden_dim, activation=tf.nn.sigmoid)

    def call(self, H, training=False):
        return self.linear(self.rnn(H))


class Discriminator(tf.keras.Model):
    def __init__(self, args):
        super().__init__()
        reg = tf.keras.regularizers.l2(args.d_weight_decay)
        self.rnn = tf.keras.layers.Bidirectional(
            tf.keras.layers.GRU(args.hidden_dim, return_sequences=True, kernel_regularizer=reg))
        self.linear = tf.keras.layers.Dense(1, activation=None, kernel_regularizer=reg)

    def call(self, H, training=False):
        return self.linear(self.rnn(H))
