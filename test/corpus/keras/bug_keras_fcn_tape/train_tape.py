# Idiom seen in: JihongJu/keras-fcn voc2011/train.py
# What it reproduces: the VOC training moved from fit_generator to a tf.function GradientTape step; the loss is the
#   pixel-wise cross entropy only, model.losses (the blocks' L2 terms) is never added (WD103 reported in blocks.py).
import tensorflow as tf

from models import FCN_VGG16
from voc_dataset import make_voc_dataset

EPOCHS = 100
WEIGHT_DECAY = 3e-3

model = FCN_VGG16(input_shape=(224, 224, 3), classes=21, weight_decay=WEIGHT_DECAY)
optimizer = tf.keras.optimizers.Adam(1e-4)
loss_fn = tf.keras.losses.CategoricalCrossentropy()
train_loss = tf.keras.metrics.Mean(name="train_loss")
train_acc = tf.keras.metrics.CategoricalAccuracy(name="train_acc")


@tf.function
def train_step(images, masks):
    with tf.GradientTape() as tape:
        probs = model(images, training=True)
        loss = loss_fn(masks, probs)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_loss(loss)
    train_acc(masks, probs)


def main():
    train_ds = make_voc_dataset("VOC2011", split="train", batch_size=1)
    for epoch in range(EPOCHS):
        train_loss.reset_states()
        train_acc.reset_states()
        for images, masks in train_ds:
            train_step(images, masks)
        print("epoch %d loss %.4f acc %.4f" % (epoch, train_loss.result(), train_acc.result()))
        model.save_weights("/tmp/fcn_vgg16_%03d.h5" % epoch)


if __name__ == "__main__":
    main()
