# Idiom seen in: vinizm/DANN custom_training.py
# What it reproduces: run_training() with a nested @tf.function training_step whose loss is
#   loss_function(y, pred) alone, and Train() which builds Deeplabv3plus(..., weight_decay=...)
#   and even calls model.compile, but never model.fit: the regularizers' terms in model.losses
#   never reach tape.gradient. (The repository's loop has the same shape.)
import glob
import time

import numpy as np
import tensorflow as tf
from tensorflow.keras.losses import BinaryCrossentropy
from tensorflow.keras.optimizers import Adam

from architectures_functional import Deeplabv3plus
from utils.utils import load_array


def run_training(model, patches_dir, batch_size, epochs, channels, loss_function, optimizer):
    @tf.function
    def training_step(x_train, y_train):
        with tf.GradientTape() as tape:
            pred_train = model(x_train, training=True)
            loss_raw = loss_function(y_train, pred_train)
        gradients = tape.gradient(loss_raw, model.trainable_weights)
        optimizer.apply_gradients(zip(gradients, model.trainable_weights))
        return loss_raw

    data_dirs = glob.glob(patches_dir + '/*.npy')
    num_batches = len(data_dirs) // batch_size
    for epoch in range(epochs):
        np.random.shuffle(data_dirs)
        total = 0.0
        for batch in range(num_batches):
            files = data_dirs[batch * batch_size:(batch + 1) * batch_size]
            images = np.asarray([load_array(f) for f in files]).astype(np.float32)
            total += float(training_step(images[..., :channels], images[..., channels:]))
        print(f'Epoch {epoch + 1}: loss {total / max(num_batches, 1):.4f}')
    return model


def Train(train_dir, learning_rate, patch_size, channels, num_class, output_stride, epochs,
          batch_size, weight_decay=5e-4):
    start = time.time()
    model = Deeplabv3plus(input_shape=(patch_size, patch_size, channels), classes=num_class,
                          output_stride=output_stride, activation='softmax', weight_decay=weight_decay)
    optimizer = Adam(learning_rate=learning_rate)
    loss_function = BinaryCrossentropy()
    model.compile(optimizer=optimizer, loss='binary_crossentropy', metrics=['accuracy'])
    run_training(model, train_dir, batch_size, epochs, channels, loss_function, optimizer)
    print('elapsed', time.time() - start)


if __name__ == '__main__':
    Train('patches/train', 1e-4, 256, 3, 2, 16, 50, 8)
