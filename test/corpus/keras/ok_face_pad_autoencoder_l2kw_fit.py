# Idiom seen in: bioidiap/bob.learn.tensorflow bob/learn/tensorflow/models/autoencoder_face.py
# Idiom seen in: bioidiap/bob.learn.tensorflow bob/learn/tensorflow/models/mcae.py
# What it reproduces: a face autoencoder (presentation-attack-detection pretraining) whose conv layers get
#   their L2 through a splatted dict from _get_l2_kw(weight_decay); the model is trained with compile()/fit(),
#   which adds model.losses to the reconstruction loss. Clean.
import argparse

import tensorflow as tf

from bob_pad_data import face_crops_dataset  # tf.data of aligned face crops, not in this file


def _get_l2_kw(weight_decay):
    l2_kw = {}
    if weight_decay is not None:
        l2_kw = {"kernel_regularizer": tf.keras.regularizers.l2(weight_decay)}
    return l2_kw


def ConvEncoder(z_dim, weight_decay=1e-5, name="Encoder"):
    l2_kw = _get_l2_kw(weight_decay)
    layers = [tf.keras.layers.InputLayer(input_shape=(112, 112, 3))]
    for i, filters in enumerate([32, 64, 128, 256]):
        layers += [
            tf.keras.layers.Conv2D(filters, 4, strides=2, padding="same", use_bias=False,
                                   name=f"{name}/conv_{i}", **l2_kw),
            tf.keras.layers.BatchNormalization(scale=False, name=f"{name}/bn_{i}"),
            tf.keras.layers.Activation("relu", name=f"{name}/relu_{i}"),
        ]
    layers += [tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(z_dim, name=f"{name}/z", **l2_kw)]
    return tf.keras.Sequential(layers, name=name)


def ConvDecoder(z_dim, decoder_layers=((512, 7, 7, 0), (256, 4, 2, 1), (128, 4, 2, 1), (64, 4, 2, 1),
                                       (32, 4, 2, 1), (3, 1, 1, 0)),
                weight_decay=1e-5, last_act="tanh", name="Decoder"):
    l2_kw = _get_l2_kw(weight_decay)
    layers = [tf.keras.layers.Reshape((1, 1, z_dim), input_shape=(z_dim,), name=f"{name}/reshape")]
    for i, (filters, kernel_size, strides, cropping) in enumerate(decoder_layers):
        last = i == len(decoder_layers) - 1
        layers.append(tf.keras.layers.Conv2DTranspose(filters, kernel_size, strides=strides, use_bias=last,
                                                      name=f"{name}/dconv_{i}", **l2_kw))
        layers.append(tf.keras.layers.Cropping2D(cropping=cropping, name=f"{name}/crop_{i}"))
        if last:
            layers.append(tf.keras.layers.Activation(last_act, name=f"{name}/{last_act}_{i}"))
        else:
            layers.append(tf.keras.layers.BatchNormalization(scale=False, name=f"{name}/bn_{i}"))
            layers.append(tf.keras.layers.Activation("relu", name=f"{name}/relu_{i}"))
    return tf.keras.Sequential(layers, name=name)


class Autoencoder(tf.keras.Model):
    def __init__(self, encoder, decoder, name="Autoencoder", **kwargs):
        super().__init__(name=name, **kwargs)
        self.encoder = encoder
        self.decoder = decoder

    def call(self, x, training=None):
        z = self.encoder(x, training=training)
        return self.decoder(z, training=training)


def autoencoder_face(z_dim=256, weight_decay=1e-10, decoder_last_act="tanh"):
    encoder = ConvEncoder(z_dim, weight_decay=weight_decay)
    decoder = ConvDecoder(z_dim, weight_decay=weight_decay, last_act=decoder_last_act)
    return Autoencoder(encoder, decoder)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weight-decay", type=float, default=1e-5)
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--model-dir", default="./autoencoder_face")
    args = parser.parse_args()

    train_ds = face_crops_dataset("train", batch_size=64).map(lambda x: (x, x))
    model = autoencoder_face(z_dim=256, weight_decay=args.weight_decay)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss=tf.keras.losses.MeanSquaredError())
    model.fit(train_ds, epochs=args.epochs,
              callbacks=[tf.keras.callbacks.ModelCheckpoint(args.model_dir + "/ckpt-{epoch:03d}")])
