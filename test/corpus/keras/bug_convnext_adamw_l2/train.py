# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/ConvNeXt/train.py
# What it reproduces: the repository's own double decay: tensorflow_addons AdamW(weight_decay=5e-2)
#   already decays every trainable variable (biases, LayerNorm and layer-scale gammas included), and the
#   train step also adds weight_decay * sum(l2_loss) over the non-bias/gamma/beta variables to the loss.
import os
import re

import tensorflow as tf
import tensorflow_addons as tfa

from model import convnext_tiny as create_model
from utils import generate_ds, cosine_scheduler


def main():
    data_root = "/data/flower_photos"
    batch_size = 8
    epochs = 10
    num_classes = 5
    initial_lr = 0.005
    weight_decay = 5e-2

    train_ds, val_ds = generate_ds(data_root, batch_size=batch_size, val_rate=0.2)
    model = create_model(num_classes=num_classes)
    model.build((1, 224, 224, 3))
    pre_weights_path = './convnext_tiny_1k_224.h5'
    if os.path.exists(pre_weights_path):
        model.load_weights(pre_weights_path, by_name=True, skip_mismatch=True)

    scheduler = cosine_scheduler(initial_lr, epochs, len(train_ds))
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tfa.optimizers.AdamW(weight_decay=weight_decay,  # expect: WD203
                                     learning_rate=initial_lr,
                                     epsilon=1e-8)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            output = model(images, training=True)
            ce_loss = loss_object(labels, output)
            matcher = re.compile(".*(bias|gamma|beta).*")
            l2loss = weight_decay * tf.add_n([  # expect: WD201
                tf.nn.l2_loss(v)
                for v in model.trainable_variables
                if not matcher.match(v.name)
            ])
            loss = ce_loss + l2loss
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss(ce_loss)
        train_accuracy(labels, output)

    for epoch in range(epochs):
        train_loss.reset_states()
        train_accuracy.reset_states()
        for images, labels in train_ds:
            optimizer.learning_rate = next(scheduler)
            train_step(images, labels)
        print("epoch %d loss %.3f acc %.3f" % (epoch + 1, train_loss.result(), train_accuracy.result()))
        model.save_weights("./save_weights/model.ckpt", save_format="tf")


if __name__ == '__main__':
    main()
