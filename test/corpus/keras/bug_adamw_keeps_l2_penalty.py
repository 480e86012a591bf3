# Idiom seen in: OverLordGoldDragon/keras-adamw README.md
# Idiom seen in: OverLordGoldDragon/keras-adamw example.py
# What it reproduces: the README model (LSTM + Dense with l2 / l1 / l1_l2 regularizers) moved to Keras' own
# AdamW(weight_decay=1e-4) without dropping the L2 penalties: L2-bearing layers decay twice, and AdamW also decays biases.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, LSTM
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import AdamW
from tensorflow.keras.regularizers import l1, l1_l2, l2

ipt = Input(shape=(120, 4))
x = LSTM(60, activation='relu', name='lstm_1', kernel_regularizer=l2(1e-4))(ipt)  # expect: WD201
x = Dense(32, activation='relu', name='dense_1', bias_regularizer=l1(1e-4))(x)
out = Dense(1, activation='sigmoid', name='output', kernel_regularizer=l1_l2(1e-4, 2e-4))(x)  # expect: WD201
model = Model(ipt, out)

optimizer = AdamW(learning_rate=1e-4, weight_decay=1e-4)  # expect: WD203
model.compile(optimizer, loss='binary_crossentropy')

for epoch in range(3):
    for iteration in range(24):
        x = np.random.rand(10, 120, 4)
        y = np.random.randint(0, 2, (10, 1))
        loss = model.train_on_batch(x, y)
        print('Iter {} loss: {}'.format(iteration + 1, '%.3f' % loss))
    print('EPOCH {} COMPLETED\n'.format(epoch + 1))
