# Idiom seen in: jg10545/patchwork patchwork/feature/_simclr.py
# What it reproduces: SimCLR step built by a factory: inside the GradientTape, loss = nt_xent + weight_decay * l2
# (guarded by weight_decay > 0) and that loss is what tape.gradient differentiates; the trainer is built with
# weight_decay=1e-6 and a Keras Adam without its own decay: clean.
import tensorflow as tf

from _util import compute_l2_loss
from _contrastive import _contrastive_loss, _build_augment_pair_dataset


def _build_embedding_model(fcn, imshape, num_channels, num_hidden, output_dim):
    inpt = tf.keras.layers.Input((imshape[0], imshape[1], num_channels))
    net = fcn(inpt)
    net = tf.keras.layers.Flatten()(net)
    net = tf.keras.layers.Dense(num_hidden)(net)
    net = tf.keras.layers.BatchNormalization()(net)
    net = tf.keras.layers.Activation("relu")(net)
    net = tf.keras.layers.Dense(output_dim, use_bias=False)(net)
    return tf.keras.Model(inpt, net)


def _build_simclr_training_step(embed_model, optimizer, temperature=0.1, weight_decay=0):
    @tf.function
    def training_step(x, y):
        with tf.GradientTape() as tape:
            z1 = tf.nn.l2_normalize(embed_model(x, training=True), 1)
            z2 = tf.nn.l2_normalize(embed_model(y, training=True), 1)
            xent_loss, batch_acc = _contrastive_loss(z1, z2, temperature)

            if weight_decay > 0:
                l2_loss = compute_l2_loss(embed_model)
            else:
                l2_loss = 0

            loss = xent_loss + weight_decay * l2_loss

        gradients = tape.gradient(loss, embed_model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, embed_model.trainable_variables))
        return {"nt_xent_loss": xent_loss, "l2_loss": l2_loss, "loss": loss, "nce_batch_acc": batch_acc}
    return training_step


class SimCLRTrainer(object):
    modelname = "SimCLR"

    def __init__(self, trainingdata, fcn=None, temperature=0.1, num_hidden=128, output_dim=64,
                 weight_decay=0, lr=0.01, imshape=(256, 256), num_channels=3, batch_size=64):
        if fcn is None:
            fcn = tf.keras.applications.ResNet50V2(weights=None, include_top=False)
        self.fcn = fcn
        embed_model = _build_embedding_model(fcn, imshape, num_channels, num_hidden, output_dim)
        self._models = {"fcn": fcn, "full": embed_model}
        self._ds = _build_augment_pair_dataset(trainingdata, imshape=imshape, batch_size=batch_size)
        self._optimizer = tf.keras.optimizers.Adam(lr)
        self._training_step = _build_simclr_training_step(embed_model, self._optimizer, temperature,
                                                          weight_decay=weight_decay)

    def fit(self, epochs=1):
        for e in range(epochs):
            for x, y in self._ds:
                lossdict = self._training_step(x, y)
            print(e, {k: float(v) for k, v in lossdict.items()})


if __name__ == "__main__":
    import glob
    files = glob.glob("/data/tiles/*.png")
    trainer = SimCLRTrainer(files, temperature=0.1, weight_decay=1e-6, lr=3e-4, imshape=(128, 128))
    trainer.fit(epochs=10)
