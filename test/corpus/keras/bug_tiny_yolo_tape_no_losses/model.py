# Idiom seen in: stefanhuber/tiny-yolo-v1 model.py
# What it reproduces: Tiny YOLO v1 built from a Conv2D factory function and a backbone sub-model. In this
#   variant the factory and the big Dense layer get kernel_regularizer=l2(5e-4) (the paper's weight
#   decay), but train.py's GradientTape loop differentiates only the YOLO loss and never adds
#   yolo_model.losses.
from tensorflow import keras

WEIGHT_DECAY = 5e-4


def Conv2D(filters, kernel_size, strides=1):
    return keras.layers.Conv2D(
        filters=filters,
        kernel_size=kernel_size,
        strides=strides,
        padding='same',
        kernel_regularizer=keras.regularizers.l2(WEIGHT_DECAY),  # expect: WD103
        activation=keras.layers.LeakyReLU(.01)
    )


def TinyBackboneModel(input_image_shape=(448, 448, 3)):
    inputs = keras.Input(shape=input_image_shape)
    layers = inputs
    for filters in (16, 32, 64, 128, 256, 512, 1024, 256):
        layers = Conv2D(filters, 3)(layers)
        layers = keras.layers.BatchNormalization()(layers)
        layers = keras.layers.MaxPool2D(pool_size=2, strides=2)(layers)
    return keras.Model(inputs=inputs, outputs=layers, name="tiny_yolo_v1_backbone")


def TinyYoloModel(input_image_shape=(448, 448, 3), num_cells=7, num_classes=20, num_boxes_per_cell=2):
    yolo_model = keras.Sequential()
    yolo_model.add(TinyBackboneModel(input_image_shape))
    yolo_model.add(keras.layers.BatchNormalization())
    yolo_model.add(Conv2D(1024, 3))
    yolo_model.add(keras.layers.BatchNormalization())
    yolo_model.add(keras.layers.Flatten())
    yolo_model.add(keras.layers.Dense(units=4096, activation=keras.layers.LeakyReLU(.01),
                                      kernel_regularizer=keras.regularizers.l2(WEIGHT_DECAY)))  # expect: WD103
    yolo_model.add(keras.layers.BatchNormalization())
    yolo_model.add(keras.layers.Dense(units=num_cells * num_cells * ((5 * num_boxes_per_cell) + num_classes)))
    return yolo_model
