# Idiom seen in: an-seunghwan/semi adgm/mnist/model.py
# Idiom seen in: an-seunghwan/semi adgm/mnist/main.py
# What it reproduces: semi-supervised ADGM in TF2/Keras subclassed models trained in a custom GradientTape
# loop; the user replaced the repo manual decoupled decay (weight_decay_decoupled on a buffer model) by
# kernel_regularizer=l2(wd) on the classifier Dense layers, but the tape loss (ELBO terms + alpha * cce)
# never adds model.losses, so the regularizers do nothing.
import tensorflow as tf
import tensorflow.keras as K
from tensorflow.keras import layers


class auxEncoder(K.models.Model):
    def __init__(self, a_dim, **kwargs):
        super(auxEncoder, self).__init__(**kwargs)
        self.net = K.Sequential([layers.Dense(256), layers.BatchNormalization(), layers.ReLU()])
        self.mean_layer = layers.Dense(a_dim, activation='linear')
        self.logvar_layer = layers.Dense(a_dim, activation='softplus')

    def call(self, x, training=True):
        h = self.net(x, training=training)
        return self.mean_layer(h), self.logvar_layer(h)


class Classifier(K.models.Model):
    def __init__(self, num_classes, weight_decay, **kwargs):
        super(Classifier, self).__init__(**kwargs)
        reg = K.regularizers.l2(weight_decay)
        self.dense_x = layers.Dense(256, activation='linear', kernel_regularizer=reg)  # expect: WD103
        self.dense_a = layers.Dense(256, activation='linear', kernel_regularizer=reg)  # expect: WD103
        self.net = K.Sequential([
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Dropout(rate=0.5),
            layers.Dense(128, activation='linear', kernel_regularizer=reg),  # expect: WD103
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Dropout(rate=0.5),
            layers.Dense(num_classes, activation='softmax', kernel_regularizer=reg),  # expect: WD103
        ])

    def call(self, inputs, training=True):
        x, a = inputs
        h = self.dense_x(x) + self.dense_a(a)
        return self.net(h, training=training)


class ADGM(K.models.Model):
    def __init__(self, args, num_classes=10, a_dim=32, **kwargs):
        super(ADGM, self).__init__(**kwargs)
        self.a_dim = a_dim
        self.aux_encoder = auxEncoder(a_dim)
        self.classifier = Classifier(num_classes, weight_decay=args['wd'])

    def classify(self, x, training=True):
        x = layers.Flatten()(x)
        qa_mean, qa_logvar = self.aux_encoder(x, training=training)
        a = qa_mean + tf.math.exp(qa_logvar / 2.) * tf.random.normal(shape=(tf.shape(x)[0], self.a_dim))
        return self.classifier([x, a], training=training), qa_mean, qa_logvar
