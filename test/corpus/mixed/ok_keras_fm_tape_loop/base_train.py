# Idiom seen in: jiafeiwang/rec-system-demos base_train.py
# What it reproduces: the graph-mode custom loop for a model built in models/deepfm.py: base binary cross entropy plus tf.reduce_sum(model.losses) inside the tape, so every add_weight/kernel regularizer reaches the gradient. Clean.
import os
import time

import tensorflow as tf
from tensorflow.keras import losses
from tensorflow.keras.metrics import AUC, Mean
from tensorflow.keras.optimizers import RMSprop

from models.deepfm import DeepFM
from utils.data_utils import create_demo_dataset


@tf.function
def train_one_step(x_batch, y_batch):
    with tf.GradientTape() as tape:
        y_pred = model(x_batch, training=True)
        loss = tf.reduce_mean(losses.binary_crossentropy(y_batch, y_pred))
        loss += tf.reduce_sum(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_loss.update_state(loss)
    train_auc.update_state(y_batch, y_pred)


@tf.function
def valid_one_step(x_batch, y_batch):
    pred = model(x_batch, training=False)
    val_loss.update_state(tf.reduce_mean(losses.binary_crossentropy(y_batch, pred)))
    val_auc.update_state(y_batch, pred)


if __name__ == '__main__':
    (dense_info, sparse_info), data = create_demo_dataset('data/demo_data.txt')
    model = DeepFM(6, 0.01, 0.01, [32, 16], dense_info, sparse_info)
    optimizer = RMSprop(0.005)
    batch_size, epochs = 32, 30
    X_train, y_train, X_val, y_val = data
    train_ds = tf.data.Dataset.from_tensor_slices((X_train, y_train)).batch(batch_size)
    val_ds = tf.data.Dataset.from_tensor_slices((X_val, y_val)).batch(batch_size)

    train_loss, train_auc = Mean(name='train_loss'), AUC(name='train_auc')
    val_loss, val_auc = Mean(name='val_loss'), AUC(name='val_auc')

    for epoch in range(epochs):
        start = time.time()
        for xb, yb in train_ds:
            train_one_step(xb, yb)
        for xb, yb in val_ds:
            valid_one_step(xb, yb)
        print('epoch %d (%ds) loss %.4f auc %.4f | val_loss %.4f val_auc %.4f' % (
            epoch + 1, int(time.time() - start), train_loss.result(), train_auc.result(),
            val_loss.result(), val_auc.result()))
        for m in (train_loss, train_auc, val_loss, val_auc):
            m.reset_states()
    model.save_weights(os.path.join('output', 'model_files', 'deepfm_last.h5'))
