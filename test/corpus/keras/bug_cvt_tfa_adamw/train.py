# Idiom seen in: tai-dang11/CvT-model train.py
# Idiom seen in: tai-dang11/CvT-model model.py
# What it reproduces: the repo built tfa.optimizers.AdamW(learning_rate=1e-5, weight_decay=0.1) but compiled
#   with 'adam'; here the AdamW is actually passed to compile, and with no decay_var_list it decays every variable
#   of the CvT, LayerNormalization gammas/betas and all biases included (decay on biases and norms).
import tensorflow as tf
import tensorflow_addons as tfa

from cf import CFGS
from dataset import num_classes, x_test, x_train, y_test, y_train
from model import Cvt

cvt = Cvt(num_classes=num_classes, spec=CFGS['cvt-13-72x72'])
model = tf.keras.Sequential([
    cvt,
    tf.keras.layers.Softmax(),
])

optimizer = tfa.optimizers.AdamW(
    learning_rate=0.00001,
    weight_decay=0.1,  # expect: WD203
)

model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
              optimizer=optimizer,
              metrics=["accuracy"])

model.fit(
    x_train,
    y_train,
    validation_data=(x_test, y_test),
    batch_size=32,
    epochs=10,
    verbose=1,
)
