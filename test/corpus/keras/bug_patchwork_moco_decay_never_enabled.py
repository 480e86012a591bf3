# Idiom seen in: jg10545/patchwork patchwork/feature/_moco.py
# Idiom seen in: jg10545/patchwork patchwork/_util.py
# What it reproduces: MoCo step factory with the repo's "if weight_decay > 0: l2_loss = compute_l2_loss(model)"
# guard; the only trainer construction passes WEIGHT_DECAY = 0.0, so the decay branch is dead code.
import tensorflow as tf

from patchwork.feature._contrastive import _build_augment_pair_dataset
from patchwork.loaders import list_tiles

WEIGHT_DECAY = 0.0
TEMPERATURE = 0.07
MOMENTUM = 0.999


def compute_l2_loss(model):
    return tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables if "kernel" in v.name])


def _build_moco_training_step(model, mo_model, optimizer, buffer, temperature=0.07, weight_decay=0):
    @tf.function
    def training_step(img1, img2):
        with tf.GradientTape() as tape:
            q = tf.nn.l2_normalize(model(img1, training=True), 1)
            k = tf.stop_gradient(tf.nn.l2_normalize(mo_model(img2, training=True), 1))
            pos = tf.reduce_sum(q * k, axis=1, keepdims=True)
            neg = tf.matmul(q, buffer, transpose_b=True)
            logits = tf.concat([pos, neg], axis=1) / temperature
            labels = tf.zeros(tf.shape(logits)[0], dtype=tf.int32)
            nce_loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))

            if weight_decay > 0:  # expect: WD303
                l2_loss = compute_l2_loss(model)
            else:
                l2_loss = 0.0
            loss = nce_loss + weight_decay * l2_loss

        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return {"nce_loss": nce_loss, "l2_loss": l2_loss, "loss": loss}, k
    return training_step


class MomentumContrastTrainer(object):
    def __init__(self, trainingdata, weight_decay=0, lr=0.01, batch_size=64, imshape=(256, 256), num_negatives=4096):
        fcn = tf.keras.applications.ResNet50V2(weights=None, include_top=False)
        head = tf.keras.Sequential([tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(128)])
        self.model = tf.keras.Sequential([fcn, head])
        self.mo_model = tf.keras.models.clone_model(self.model)
        self.buffer = tf.Variable(tf.math.l2_normalize(tf.random.normal((num_negatives, 128)), 1), trainable=False)
        self.optimizer = tf.keras.optimizers.SGD(lr, momentum=0.9)
        self.ds = _build_augment_pair_dataset(trainingdata, imshape=imshape, batch_size=batch_size)
        self.step = _build_moco_training_step(self.model, self.mo_model, self.optimizer, self.buffer,
                                              TEMPERATURE, weight_decay=weight_decay)

    def fit(self, epochs=1):
        for e in range(epochs):
            for x, y in self.ds:
                lossdict, k = self.step(x, y)
                self.buffer.assign(tf.concat([k, self.buffer[:-tf.shape(k)[0]]], 0))
                for w, mw in zip(self.model.weights, self.mo_model.weights):
                    mw.assign(MOMENTUM * mw + (1 - MOMENTUM) * w)
            print(e, float(lossdict["loss"]))


if __name__ == "__main__":
    trainer = MomentumContrastTrainer(list_tiles("/data/tiles"), weight_decay=WEIGHT_DECAY, lr=0.03)
    trainer.fit(epochs=50)
