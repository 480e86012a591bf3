# Idiom seen in: Az1zT/GestureDetect tflite-model/model.py
# What it reproduces: an Edge Impulse style exported training script for accelerometer gestures: Dense
# layers with activity_regularizer=l1(1e-5), compiled with Adam and trained with model.fit, which adds
# the activity regularization losses itself. Clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import Adam

from ei_data import load_features, BatchLoggerCallback

X_train, Y_train, X_val, Y_val, classes = load_features('features.npy', 'labels.npy')
train_sample_count = len(X_train)
train_dataset = tf.data.Dataset.from_tensor_slices((X_train, Y_train))
validation_dataset = tf.data.Dataset.from_tensor_slices((X_val, Y_val))

model = Sequential()
model.add(Dense(20, activation='relu', input_shape=(X_train.shape[1],),
                activity_regularizer=tf.keras.regularizers.l1(0.00001)))
model.add(Dense(10, activation='relu',
                activity_regularizer=tf.keras.regularizers.l1(0.00001)))
model.add(Dense(classes, activation='softmax', name='y_pred'))

opt = Adam(learning_rate=0.0005, beta_1=0.9, beta_2=0.999)
BATCH_SIZE = 32
train_dataset = train_dataset.batch(BATCH_SIZE, drop_remainder=False)
validation_dataset = validation_dataset.batch(BATCH_SIZE, drop_remainder=False)
callbacks = [BatchLoggerCallback(BATCH_SIZE, train_sample_count, epochs=100)]
model.compile(loss='categorical_crossentropy', optimizer=opt, metrics=['accuracy'])
model.fit(train_dataset, epochs=100, validation_data=validation_dataset, verbose=2, callbacks=callbacks)

predictions = np.argmax(model.predict(X_val), axis=1)
print('validation accuracy', np.mean(predictions == np.argmax(Y_val, axis=1)))
