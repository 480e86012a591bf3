# Idiom seen in: Mkolahdoozi/ArcFace ArcFaceLayer.py
# Idiom seen in: Mkolahdoozi/ArcFace ArcFace.py
# Idiom seen in: Mkolahdoozi/ArcFace README.md
# What it reproduces: ArcFace head as a Keras layer whose class-centre matrix is made with add_weight(regularizer=l2),
#   an embedding Dense with kernel_regularizer, and a train_step override that adds tf.math.add_n(self.losses) to the
#   ArcFace loss inside the tape, as the repo README prescribes for custom loops (clean).
import argparse

import tensorflow as tf
from tensorflow import keras

from arcface_layer import ArcFaceLayer, ArcFaceLoss
from face_data import load_face_dataset

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='data/casia_112x112')
parser.add_argument('--num_classes', type=int, default=10575)
parser.add_argument('--embedding', type=int, default=512)
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--epochs', type=int, default=20)
args = parser.parse_args()


class FaceModel(keras.Model):
    def __init__(self, num_classes, embedding, weight_decay):
        super(FaceModel, self).__init__()
        self.backbone = keras.applications.MobileNetV2(input_shape=(112, 112, 3), include_top=False,
                                                       weights='imagenet', pooling='avg')
        self.bn = keras.layers.BatchNormalization()
        self.embed = keras.layers.Dense(embedding, use_bias=False,
                                        kernel_regularizer=keras.regularizers.l2(weight_decay))
        self.arc = ArcFaceLayer(num_classes, weight_decay=weight_decay)
        self.arc_loss = ArcFaceLoss(num_classes=num_classes)

    def call(self, x, training=False):
        return self.arc(self.embed(self.bn(self.backbone(x, training=training), training=training)))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            cos_theta = self(x, training=True)
            loss = tf.reduce_mean(self.arc_loss(y, cos_theta))
            # ArcFace regularization terms live in self.losses: add them to the loss
            loss = tf.math.add(loss, tf.math.add_n(self.losses))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {'loss': loss}


model = FaceModel(args.num_classes, args.embedding, args.weight_decay)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9))
train_ds = load_face_dataset(args.data_dir, batch_size=128)
model.fit(train_ds, epochs=args.epochs)
model.save_weights('arcface_mobilenetv2.h5')
