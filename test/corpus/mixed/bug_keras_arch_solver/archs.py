# Idiom seen in: wsn/Leaves Archs/simplevgg_arch.py and Archs/__init__.py (SimpleVGG keras.Model with one shared l2(weight_decay) regularizer, define_net picking a net from the JSON options)
# What it reproduces: a subclassed Keras model whose conv/dense layers all carry kernel_regularizer; it is trained by solver.py's GradientTape loop, which is where the bug sits (WD103).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
import tensorflow as tf


class SimpleVGG(tf.keras.Model):
    """Small VGG-style net for 3-way leaf classification."""

    def __init__(self, num_features, weight_decay, initializer):
        super(SimpleVGG, self).__init__()
        self.num_features = num_features
        self.weight_decay = weight_decay
        self.initializer = initializer
        self.regularizer = tf.keras.regularizers.l2(self.weight_decay)

        self.convs = []
        self.pools = []
        for mult in (1, 1, 2, 2):
            self.convs.append(tf.keras.layers.Convolution2D(
                self.num_features * mult, 3, 1, 'same', activation='relu',
                kernel_initializer=self.initializer,
                kernel_regularizer=self.regularizer))  # expect: WD103
            self.pools.append(tf.keras.layers.MaxPooling2D(2, 2, 'same'))

        self.flatten = tf.keras.layers.Flatten()
        self.fc1 = tf.keras.layers.Dense(self.num_features * 4, activation='relu',
                                         kernel_initializer=self.initializer,
                                         kernel_regularizer=self.regularizer)  # expect: WD103
        self.fc2 = tf.keras.layers.Dense(2, activation='sigmoid',
                                         kernel_initializer=self.initializer,
                                         kernel_regularizer=self.regularizer)  # expect: WD103

    def call(self, x, training=True):
        for conv, pool in zip(self.convs, self.pools):
            x = pool(conv(x))
        x = self.flatten(x)
        x = self.fc1(x)
        return self.fc2(x)


def define_net(net_opt):
    which_model = net_opt['which_model'].upper()
    print('===> Building network [%s]...' % which_model)
    if which_model == 'SIMPLEVGG':
        return SimpleVGG(net_opt.get('num_features', 64),
                         net_opt.get('weight_decay', 5e-4),
                         net_opt.get('initializer', 'he_normal'))
    raise NotImplementedError('Network [%s] is not recognized.' % which_model)


def create_model(opt):
    if opt['task'] in ('1', '2'):
        return define_net(opt['networks'])
    raise NotImplementedError('The task [%s] is not recognized.' % opt['task'])
