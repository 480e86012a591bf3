# Idiom seen in: gahaalt/noicer-trainings scripts/models/expert.py (resnet2, conv2d helper, GLOBAL_REGULARIZER)
# What it reproduces: a functional pre-activation ResNet/WRN builder where every conv goes through a conv2d()
# helper reading a module-level GLOBAL_REGULARIZER that the builder rebinds with `global` when
# l2_regularization is set; the model is trained with compile/fit in train_wrn.py, so the L2 is active (clean).
import tensorflow.keras as keras

LAYER_COUNTER = 0
GLOBAL_REGULARIZER = None


def conv2d(*args, **kwds):
    kwds.setdefault("use_bias", False)
    return keras.layers.Conv2D(*args, **kwds, padding="same", kernel_regularizer=GLOBAL_REGULARIZER)


def preactivation(flow):
    flow = keras.layers.BatchNormalization()(flow)
    return keras.layers.ReLU()(flow)


def simple_block(block_input, output_filters, stride):
    flow = conv2d(output_filters, 3, strides=stride)(block_input)
    flow = preactivation(flow)
    return conv2d(output_filters, 3, use_bias=True)(flow)


def shortcut(residual, previous_value, preactivated_value, stride):
    global LAYER_COUNTER
    value = preactivated_value if residual.shape[-1] != previous_value.shape[-1] else previous_value
    if stride != 1:
        value = keras.layers.MaxPool2D(pool_size=stride, padding="same")(value)
    if residual.shape[-1] != previous_value.shape[-1]:
        value = conv2d(residual.shape[-1], 1, name=f"SHORTCUT{LAYER_COUNTER}", use_bias=True)(value)
        LAYER_COUNTER += 1
    return keras.layers.Add()([residual, value])


def wide_resnet(input_shape, n_classes, depth=16, width=8, l2_regularization=5e-4):
    global GLOBAL_REGULARIZER
    if l2_regularization:
        GLOBAL_REGULARIZER = keras.regularizers.l2(l2_regularization)

    blocks_per_tower = (depth - 4) // 6
    towers_filters = (16 * width, 32 * width, 64 * width)
    towers_strides = (2, 2, 1)

    model_input = keras.layers.Input(shape=input_shape)
    flow = conv2d(16, 3)(model_input)
    for num_filters, stride in zip(towers_filters, towers_strides):
        for idx in range(blocks_per_tower):
            stage_input = flow
            pre = preactivation(stage_input)
            stride_now = stride if idx == blocks_per_tower - 1 else 1
            flow = simple_block(pre, num_filters, stride_now)
            flow = shortcut(flow, stage_input, pre, stride_now)

    flow = preactivation(flow)
    flow = keras.layers.GlobalAvgPool2D()(flow)
    output = keras.layers.Dense(n_classes, kernel_regularizer=GLOBAL_REGULARIZER)(flow)
    return keras.models.Model(inputs=model_input, outputs=output)
