# Idiom seen in: Slaysenfite/masters-tensorflow2-model python_src/networks/NetworkHelper.py
# What it reproduces: compile_with_regularization() loops over an already-built ResNet50V2 + head and
#   setattr()s an L2 kernel_regularizer on every Conv2D, then compiles; the layers were built long before,
#   so no regularization loss is ever created (bug of the real repository).
from tensorflow.python.keras import regularizers
from tensorflow.python.keras.layers import Conv2D, Dense, Dropout, Flatten, GlobalAveragePooling2D
from tensorflow.python.keras.models import Model


def create_classification_layers(base_model, classes, dropout_prob=0.3, kernel_initializer='he_uniform',
                                 layers_removed=-1):
    x = GlobalAveragePooling2D(name='avg_pool')(base_model.layers[layers_removed].output)
    x = Flatten()(x)
    x = Dense(512, activation='relu', kernel_initializer=kernel_initializer)(x)
    x = Dropout(dropout_prob)(x)
    x = Dense(classes, activation='softmax', name='predictions')(x)
    return Model(inputs=base_model.inputs, outputs=x)


def get_regularizer(regularization_type, l1, l2):
    if regularization_type == 'l1':
        regularizer = regularizers.l1(l1)
    elif regularization_type == 'l2':
        regularizer = regularizers.l2(l2)
    elif regularization_type == 'l1_l2':
        regularizer = regularizers.l1_l2(l1, l2)
    else:
        print('[ERROR] Regularizer not recognised. Defaulting to L2.')
        regularizer = regularizers.l2()
    return regularizer


def compile_with_regularization(model, loss, optimizer, metrics, add_l_type_reg=True,
                                attrs=['kernel_regularizer'], regularization_type='l2', l1=1.e-4, l2=1.e-4):
    regularizer = get_regularizer(regularization_type, l1, l2)
    for layer in model.layers:
        if isinstance(layer, Conv2D) and add_l_type_reg is True:
            for attr in attrs:
                if hasattr(layer, attr):
                    setattr(layer, attr, regularizer)  # expect: WD106
    model.compile(loss=loss, optimizer=optimizer, metrics=metrics)
