# Idiom seen in: repository not resolved by the code index (index file id 24398609982: a ModelNet40 point-cloud
#   classifier with self-attention sub-models, "import provider", "import pointnet_util as utils", and a
#   callmodel(input, label, epoch) step; index file id 25015804641 is the same script without the epoch gate)
# What it reproduces: subclassed Keras models that create their layers in build(), Dense layers with
#   kernel_regularizer=l2(0.001), and a plain-Python training step that adds tf.math.add_n(model.losses) to the
#   loss inside the tape once the warm-up epochs are over (REG_START_EPOCH), the way the original switched
#   regularization on after epoch 80. Adam carries no weight_decay.
# label-note: clean. The decay reaches the differentiated loss (deliberately from epoch REG_START_EPOCH on); the
#   else-branch is a schedule, not a forgotten term.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

import provider
import pointnet_util as utils

REG_START_EPOCH = 80


class SelfAttention(keras.Model):
    def __init__(self, out_dim, k_head):
        super(SelfAttention, self).__init__()
        self.out_dim, self.k = out_dim, k_head

    def build(self, input_shape):
        self.convq = [layers.Conv2D(self.out_dim, 1, 1) for _ in range(self.k)]
        self.convk = [layers.Conv2D(self.out_dim, 1, 1) for _ in range(self.k)]
        self.convv = [layers.Conv2D(self.out_dim, 1, 1) for _ in range(self.k)]
        self.dense_out = layers.Dense(self.out_dim, activation='relu', kernel_regularizer=keras.regularizers.l2(0.001))
        self.norm = layers.LayerNormalization()

    def call(self, x, training=True):
        out = []
        for i in range(self.k):
            q = tf.reduce_mean(self.convq[i](x), axis=-2, keepdims=True)
            k = tf.transpose(self.convk[i](x), [0, 1, 3, 2])
            att = tf.nn.softmax(tf.matmul(q, k) / tf.sqrt(tf.cast(self.out_dim, tf.float32)))
            out.append(tf.matmul(att, self.convv[i](x)))
        return self.norm(self.dense_out(tf.squeeze(tf.concat(out, axis=-1), axis=-2)), training=training)


class PointCloudClassifier(keras.Model):
    def __init__(self, class_num, latent_dim, group_num):
        super(PointCloudClassifier, self).__init__()
        self.class_num, self.latent_dim, self.group_num = class_num, latent_dim, group_num

    def build(self, input_shape):
        self.embed = layers.Dense(64, activation='relu')
        self.attention = [SelfAttention(d, 3) for d in self.latent_dim]
        self.mix = [layers.Dense(d, activation='relu', kernel_regularizer=keras.regularizers.l2(0.001))
                    for d in self.latent_dim]
        self.head = keras.Sequential([layers.Dense(256, activation='relu'), layers.Dropout(0.5),
                                      layers.Dense(self.class_num, activation='softmax')])

    def call(self, xyz, training=True):
        feature = self.embed(xyz)
        for i in range(len(self.latent_dim)):
            _, grouped, _, _ = utils.sample_and_group(xyz, 0, self.group_num[i], xyz, feature, knn=True)
            local = self.attention[i](grouped - tf.reduce_mean(grouped, axis=-2, keepdims=True), training=training)
            feature = self.mix[i](tf.concat([local, tf.reduce_max(grouped, axis=-2)], axis=-1))
        return self.head(tf.reduce_max(feature, axis=1), training=training)


optimizer = keras.optimizers.Adam(0.001)
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=False)
model = PointCloudClassifier(40, [64, 128, 256], [32, 16, 8])


def callmodel(inputs, labels, epoch):
    with tf.GradientTape() as tape:
        logits = model(inputs, training=True)
        if model.losses and epoch >= REG_START_EPOCH:
            regularization_loss = tf.math.add_n(model.losses)
        else:
            regularization_loss = 0.0
        loss_value = loss(labels, logits) + regularization_loss
    grads = tape.gradient(loss_value, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))


if __name__ == '__main__':
    data, label = provider.load_modelnet40('modelnet40_ply_hdf5_2048', split='train', num_point=1024)
    datasets = tf.data.Dataset.from_tensor_slices((data, label)).shuffle(1024).batch(16).prefetch(1)
    for epoch in range(200):
        for current_data, current_label in datasets:
            rotated = provider.rotate_point_cloud(current_data.numpy())
            callmodel(provider.jitter_point_cloud(rotated).astype(np.float32), current_label, epoch)
        model.save_weights('pointcloud_class/epoch_%03d.h5' % epoch)
