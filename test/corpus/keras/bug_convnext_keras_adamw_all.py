# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/ConvNeXt/train.py
# What it reproduces: the ConvNeXt fine-tuning loop moved to the Keras 2.11+ AdamW (decoupled decay) with
#   the hand-written L2 removed (so no double decay any more). Realistic mistake: no
#   exclude_from_weight_decay call, so the decay also shrinks every bias, LayerNorm gamma/beta and the
#   blocks' layer-scale gammas.
import sys

import tensorflow as tf
from tqdm import tqdm

from model import convnext_tiny as create_model
from utils import generate_ds, cosine_scheduler

WEIGHT_DECAY = 5e-2


def main():
    batch_size, epochs, num_classes, initial_lr = 8, 10, 5, 0.005
    train_ds, val_ds = generate_ds("/data/flower_photos", batch_size=batch_size, val_rate=0.2)
    model = create_model(num_classes=num_classes)
    model.build((1, 224, 224, 3))
    model.load_weights('./convnext_tiny_1k_224.h5', by_name=True, skip_mismatch=True)

    scheduler = cosine_scheduler(initial_lr, epochs, len(train_ds))
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=initial_lr,
                                          weight_decay=WEIGHT_DECAY,  # expect: WD203
                                          epsilon=1e-8)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    val_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='val_accuracy')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            output = model(images, training=True)
            loss = loss_object(labels, output)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss(loss)

    @tf.function
    def val_step(images, labels):
        val_accuracy(labels, model(images, training=False))

    for epoch in range(epochs):
        train_loss.reset_states()
        val_accuracy.reset_states()
        for images, labels in tqdm(train_ds, file=sys.stdout):
            optimizer.learning_rate = next(scheduler)
            train_step(images, labels)
        for images, labels in val_ds:
            val_step(images, labels)
        print("epoch %d loss %.3f val_acc %.3f" % (epoch + 1, train_loss.result(), val_accuracy.result()))


if __name__ == '__main__':
    main()
