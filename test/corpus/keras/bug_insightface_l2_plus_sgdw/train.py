# Idiom seen in: leondgarse/Keras_insightface train.py
# Idiom seen in: leondgarse/Keras_insightface README.md
# What it reproduces: L2 regularizers on the backbone (add_l2_regularizer_2_model) and on the arcface head,
#   trained with fit() under tfa SGDW(weight_decay=5e-4) that decays every variable (BN included, no
#   decay_var_list): double decay on the kernels and decay on BN/bias (realistic mistake).
import tensorflow as tf
import tensorflow_addons as tfa
from tensorflow import keras

import data
import losses
import models

data_path = "/datasets/faces_emore_112x112_folders"
weight_decay = 5e-4
batch_size = 512

train_ds, steps_per_epoch, classes = data.prepare_dataset(data_path, batch_size=batch_size, random_status=0)

basic_model = models.buildin_models("MobileNet", dropout=0, emb_shape=256)
basic_model = models.add_l2_regularizer_2_model(basic_model, weight_decay=weight_decay, apply_to_batch_normal=False)

inputs = basic_model.inputs[0]
embedding = basic_model.outputs[0]
output = models.NormDense(classes, kernel_regularizer=keras.regularizers.L2(weight_decay / 2), name="arcface")(embedding)  # expect: WD201
model = keras.models.Model(inputs, output)

optimizer = tfa.optimizers.SGDW(learning_rate=0.1, weight_decay=5e-4, momentum=0.9)  # expect: WD203
model.compile(optimizer=optimizer, loss=losses.ArcfaceLoss(scale=64), metrics=["accuracy"])

lr_scheduler = keras.callbacks.LearningRateScheduler(lambda epoch: 0.1 * (0.5 ** (epoch // 16)))
model.fit(train_ds, epochs=50, steps_per_epoch=steps_per_epoch, callbacks=[lr_scheduler], verbose=1)
basic_model.save("keras_mobilenet_emore_basic.h5")
