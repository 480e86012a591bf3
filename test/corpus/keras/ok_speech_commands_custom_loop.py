# Idiom seen in: Benja1972/Speech_recognition_Tensorflow2.0 python/speech_recognition.py
# What it reproduces: spoken-word recognition on MFCCs of the Speech Commands set with a Flatten/Dense
# Sequential model; moved from model.fit to a tf.function GradientTape loop, and done right: the Dense
# kernel_regularizer terms are added with tf.add_n(model.losses) inside the tape. Clean.
import glob
from os.path import join
from random import sample

import librosa
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

SAMPLING_RATE = 16000
DUR_WAV = 22050
NUM_MFCC = 12
words = ['one', 'two', 'three', 'four', 'five']

df = pd.DataFrame()
for wr in words:
    wf = sample(glob.glob(join("../data", wr, "*.wav")), 800)
    df = pd.concat([df, pd.DataFrame({'file': wf, 'labels': [wr] * len(wf)})])
df = df.sample(frac=1)


def mfccs(raw, n_mfccs=16):
    wave, _ = librosa.load(raw['file'], sr=SAMPLING_RATE, res_type='kaiser_fast')
    if len(wave) != DUR_WAV:
        wave = librosa.effects.time_stretch(wave, rate=len(wave) / DUR_WAV)
    return librosa.feature.mfcc(y=wave, sr=SAMPLING_RATE, n_mfcc=n_mfccs)


df['feats'] = df.apply(lambda raw: mfccs(raw, n_mfccs=NUM_MFCC), axis=1)
X = np.array(df['feats'].tolist()).astype(np.float32)
X = (X - X.mean()) / X.std()
y = LabelEncoder().fit_transform(np.array(df['labels'].tolist()))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
num_labels = len(words)

model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=(NUM_MFCC, 44)),
    tf.keras.layers.Dense(256, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-4)),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(256, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-4)),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(num_labels),
])
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam(1e-3)
train_acc = tf.keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(x, labels):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = loss_fn(labels, logits) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(labels, logits)
    return loss


train_ds = tf.data.Dataset.from_tensor_slices((X_train, y_train)).shuffle(2048).batch(32)
for epoch in range(30):
    train_acc.reset_states()
    for xb, yb in train_ds:
        loss = train_step(xb, yb)
    val_logits = model(X_test, training=False)
    val_acc = np.mean(np.argmax(val_logits, axis=1) == y_test)
    print(f"epoch {epoch + 1}: loss {float(loss):.4f} acc {float(train_acc.result()):.3f} val_acc {val_acc:.3f}")
