# Idiom seen in: pacoricci/colorectal colorectal/training.py
# What it reproduces: compile with SGD + momentum, the categorical cross entropy plus the OLE loss on the embedding,
#   and fit with early stopping (fit would add the regularizers' losses, if there were any).
import tensorflow as tf
from keras.optimizers import SGD

import constants
from losses import ole_loss

early_stopping = tf.keras.callbacks.EarlyStopping(monitor="val_cce_loss", patience=15,
                                                  restore_best_weights=True, start_from_epoch=80)


def fit(model, ds_train, ds_validation):
    model.compile(optimizer=SGD(constants.SGD_LEARNING_RATE, momentum=constants.MOMENTUM),
                  loss=[tf.keras.losses.CategoricalCrossentropy(), ole_loss],
                  loss_weights=[1., constants.OLE_WEIGHT],
                  metrics={'cce': 'accuracy'})
    return model.fit(ds_train, epochs=constants.EPOCHS, validation_data=ds_validation,
                     verbose=1, callbacks=[early_stopping])
