# Idiom seen in: zctao/omnifoldTop python/model.py
# Idiom seen in: zctao/omnifoldTop python/customModel.py
# What it reproduces: OmniFold reweighting classifier built by name (dense_3hl) as a LossTrackerModel
#   and compiled; the hidden Dense layers carry kernel_regularizer=l2(l2_reg) (added by the user for this
#   reproduction; the repo's layers have none). fit runs the overriding train_step, which calls
#   super().train_step, so model.losses are still minimized (clean).
from tensorflow import keras
from customModel import LossTrackerModel


def get_callbacks(model_filepath=None):
    EarlyStopping = keras.callbacks.EarlyStopping(monitor='val_loss', patience=10, verbose=1,
                                                  restore_best_weights=True)
    if model_filepath:
        CheckPoint = keras.callbacks.ModelCheckpoint(filepath=model_filepath, verbose=1, monitor='val_loss',
                                                     save_best_only=True, save_weights_only=True)
        return [CheckPoint, EarlyStopping]
    return [EarlyStopping]


def dense_3hl(input_shape, nclass=2, l2_reg=1e-5):
    inputs = keras.layers.Input(input_shape)
    hidden_layer_1 = keras.layers.Dense(100, activation='relu',
                                        kernel_regularizer=keras.regularizers.l2(l2_reg))(inputs)
    hidden_layer_2 = keras.layers.Dense(100, activation='relu',
                                        kernel_regularizer=keras.regularizers.l2(l2_reg))(hidden_layer_1)
    hidden_layer_3 = keras.layers.Dense(100, activation='relu',
                                        kernel_regularizer=keras.regularizers.l2(l2_reg))(hidden_layer_2)
    outputs = keras.layers.Dense(nclass, activation='softmax')(hidden_layer_3)
    return LossTrackerModel(inputs=inputs, outputs=outputs)


def get_model(input_shape, model_name='dense_3hl', nclass=2):
    model = eval(model_name + "(input_shape, nclass)")
    model.compile(loss='categorical_crossentropy', optimizer='Adam', metrics=['accuracy'])
    model.summary()
    return model
