# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/vision_transformer/train.py
# What it reproduces: fine-tuning with the bottom layers frozen, plain Keras SGD with momentum (no
#   optimizer decay) and an explicit weight_decay * sum(l2_loss) over the non-bias/gamma/beta trainable
#   variables added to the cross entropy inside the tape. Clean: one decay, on the loss that is differentiated.
import math
import re

import tensorflow as tf

from vit_model import vit_base_patch16_224_in21k as create_model
from utils import generate_ds


def main():
    batch_size, epochs, num_classes = 8, 10, 5
    initial_lr, weight_decay = 0.001, 1e-4
    train_ds, val_ds = generate_ds("/data/flower_photos", batch_size=batch_size, val_rate=0.2)

    model = create_model(num_classes=num_classes)
    model.build((1, 224, 224, 3))
    model.load_weights('./ViT-B_16.h5', by_name=True, skip_mismatch=True)
    for layer in model.layers:
        if "pre_logits" not in layer.name and "head" not in layer.name:
            layer.trainable = False

    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(learning_rate=initial_lr, momentum=0.9)
    train_loss = tf.keras.metrics.Mean(name='train_loss')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            output = model(images, training=True)
            ce_loss = loss_object(labels, output)
            matcher = re.compile(".*(bias|gamma|beta).*")
            l2loss = weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables
                                              if not matcher.match(v.name)])
            loss = ce_loss + l2loss
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss(ce_loss)

    def scheduler(now_epoch):
        rate = ((1 + math.cos(now_epoch * math.pi / epochs)) / 2) * 0.99 + 0.01
        return rate * initial_lr

    for epoch in range(epochs):
        train_loss.reset_states()
        for images, labels in train_ds:
            train_step(images, labels)
        optimizer.learning_rate = scheduler(epoch)
        print("epoch %d train loss %.3f" % (epoch + 1, train_loss.result()))


if __name__ == '__main__':
    main()
