# Idiom seen in: Mkolahdoozi/ArcFace README.md
# Idiom seen in: Mkolahdoozi/ArcFace ArcFaceLayer.py
# What it reproduces: face-ID model (ResNet50 trunk + Dense embedding with kernel_regularizer + ArcFace head) trained in a
#   hand-written loop; the README says to add tf.math.add_n(model.losses) to the loss, and the user does sum them, but
#   only into `total_loss` for the progress bar while tape.gradient differentiates the ArcFace loss alone (user mistake).
import argparse
from math import pi

import tensorflow as tf
from tensorflow import keras

from face_data import load_face_dataset

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='data/vggface2_112')
parser.add_argument('--num_classes', type=int, default=8631)
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--epochs', type=int, default=10)
args = parser.parse_args()


class ArcFaceLayer(keras.layers.Layer):
    def __init__(self, num_classes, margin=0.5, s=64.0, **kwargs):
        super(ArcFaceLayer, self).__init__(**kwargs)
        self.num_classes = num_classes
        self.margin = margin
        self.s = s

    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[-1], self.num_classes), trainable=True,
                                 initializer='random_normal', name='weights')

    def call(self, inputs, labels):
        W = tf.math.l2_normalize(self.W, axis=0)
        x = tf.math.l2_normalize(inputs, axis=-1)
        cos_theta = tf.linalg.matmul(x, W)
        sin_theta = tf.math.sqrt(tf.clip_by_value(1.0 - tf.math.square(cos_theta), 0.0, 1.0))
        phi = cos_theta * tf.math.cos(self.margin) - sin_theta * tf.math.sin(self.margin)
        phi = tf.where(cos_theta > tf.math.cos(pi - self.margin), phi,
                       cos_theta - tf.math.sin(pi - self.margin) * self.margin)
        one_hot = tf.one_hot(labels, self.num_classes)
        return self.s * (one_hot * phi + (1.0 - one_hot) * cos_theta)


inputs = keras.Input(shape=(112, 112, 3))
labels_in = keras.Input(shape=(), dtype=tf.int32)
trunk = keras.applications.ResNet50(include_top=False, weights=None, input_tensor=inputs, pooling='avg')
embedding = keras.layers.Dense(512, kernel_regularizer=keras.regularizers.l2(args.weight_decay),
                               name='embedding')(trunk.output)
logits = ArcFaceLayer(args.num_classes)(embedding, labels_in)
model = keras.Model([inputs, labels_in], logits)

optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
ce = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model([images, labels], training=True)
        loss = ce(labels, logits)
        reg_loss = tf.math.add_n(model.losses)  # expect: WD105
        total_loss = loss + reg_loss
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss, total_loss


train_ds = load_face_dataset(args.data_dir, batch_size=128)
for epoch in range(args.epochs):
    bar = keras.utils.Progbar(None, stateful_metrics=['loss', 'total'])
    for images, labels in train_ds:
        loss, total_loss = train_step(images, labels)
        bar.add(1, values=[('loss', float(loss)), ('total', float(total_loss))])
    model.save_weights('arcface_resnet50_epoch%d.h5' % epoch)
