# Idiom seen in: ceuity/AIFFEL going_deeper_20/simplebaseline.py (backbone + deconv head composed)
#                zzh8829/yolov3-tf2 train.py (tf.reduce_sum(<model>.losses) added inside the tape)
# What it reproduces: a pose network composed as Sequential([backbone, head]); the step adds
# tf.reduce_sum(head.losses) but differentiates model.trainable_variables: the backbone's l2 terms
# are in model.losses, never in the loss, so only the head is decayed (WD103 on the backbone lines).
# label-note: the head's regularizers do reach the loss (head.losses is summed in), so they are
# not labelled; the finding is on the backbone's keywords only.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

WD = 1e-4
NUM_JOINTS = 16


def conv_bn_relu(x, filters, strides):
    x = layers.Conv2D(filters, 3, strides=strides, padding='same', use_bias=False,
                      kernel_regularizer=regularizers.l2(WD))(x)  # expect: WD103
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def make_backbone(input_shape=(256, 256, 3)):
    inputs = tf.keras.Input(shape=input_shape)
    x = inputs
    for filters in (64, 128, 256, 512):
        x = conv_bn_relu(x, filters, strides=2)
    return tf.keras.Model(inputs, x, name='backbone')


def make_head(num_deconv_layers=3):
    head = tf.keras.Sequential(name='head')
    for _ in range(num_deconv_layers):
        head.add(layers.Conv2DTranspose(256, 4, strides=2, padding='same', use_bias=False,
                                        kernel_regularizer=regularizers.l2(WD)))
        head.add(layers.BatchNormalization())
        head.add(layers.ReLU())
    head.add(layers.Conv2D(NUM_JOINTS, 1, padding='same', kernel_regularizer=regularizers.l2(WD)))
    return head


backbone = make_backbone()
head = make_head()
model = tf.keras.Sequential([backbone, head], name='simple_baseline')
optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
mse = tf.keras.losses.MeanSquaredError()


@tf.function
def train_step(images, heatmaps):
    with tf.GradientTape() as tape:
        outputs = model(images, training=True)
        loss = mse(heatmaps, outputs) + tf.reduce_sum(head.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


def main(train_dataset, epochs=140):
    for epoch in range(epochs):
        for images, heatmaps in train_dataset:
            loss = train_step(images, heatmaps)
        print('epoch', epoch, 'loss', float(loss))


if __name__ == '__main__':
    from dataset.mpii import load_mpii_tfrecords
    main(load_mpii_tfrecords('./data/mpii/train-*.tfrecord', batch_size=16))
