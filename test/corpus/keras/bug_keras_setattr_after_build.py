# Idiom seen in: ok69531/dacon gcn.py
# What it reproduces: the repo's descriptor/fingerprint regressor (functional Model of tanh Dense
#   layers, MAE, SGD); to fight overfitting the user adds L2 afterwards by setting
#   layer.kernel_regularizer on model.layers of the already-built model: no loss is created.
import pandas as pd
import tensorflow as tf
import tensorflow.keras as K
from tensorflow.keras import layers

from features import load_feature_table

x_train, y_train, x_test, y_test = load_feature_table("train_feature.csv")

input1 = layers.Input([x_train.shape[1]])
dense1 = layers.Dense(100, activation="tanh")
dense2 = layers.Dense(50, activation="tanh")
dense3 = layers.Dense(20, activation="tanh")
dense4 = layers.Dense(1, activation="relu")
yhat = dense4(dense3(dense2(dense1(input1))))
nn = K.models.Model(input1, yhat)
nn.summary()

for layer in nn.layers:
    if isinstance(layer, layers.Dense):
        layer.kernel_regularizer = K.regularizers.l2(1e-4)  # expect: WD106

sgd = K.optimizers.SGD(0.005)
mae = K.losses.MeanAbsoluteError()
nn.compile(optimizer=sgd, loss=mae, metrics=["mse"])
nn.fit(x_train, y_train, batch_size=len(y_train), epochs=1000)

pred = nn.predict(x_test)
print(pd.Series(mae(y_test, pred).numpy()))
