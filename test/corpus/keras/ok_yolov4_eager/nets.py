# Idiom seen in: bubbliiiing/yolov4-tf2 nets/CSPdarknet53.py, nets/yolo.py (@wraps(Conv2D) DarknetConv2D with kernel_regularizer l2(kwargs.get('weight_decay', 5e-4)); get_train_model wraps the body with a Lambda yolo_loss)
# What it reproduces: a Keras functional detector whose convolutions get their L2 through a kwargs-driven wrapper,
#   and a training model that outputs the loss from a Lambda layer. The decay reaches the loss in train.py. Clean.
from functools import reduce, wraps

from tensorflow.keras.initializers import RandomNormal
from tensorflow.keras.layers import (BatchNormalization, Concatenate, Conv2D, Input, Lambda, LeakyReLU,
                                     UpSampling2D, ZeroPadding2D)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

from yolo_training import yolo_loss


def compose(*funcs):
    return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)


@wraps(Conv2D)
def DarknetConv2D(*args, **kwargs):
    darknet_conv_kwargs = {'kernel_initializer': RandomNormal(stddev=0.02),
                           'kernel_regularizer': l2(kwargs.get('weight_decay', 5e-4))}
    darknet_conv_kwargs['padding'] = 'valid' if kwargs.get('strides') == (2, 2) else 'same'
    try:
        del kwargs['weight_decay']
    except KeyError:
        pass
    darknet_conv_kwargs.update(kwargs)
    return Conv2D(*args, **darknet_conv_kwargs)


def DarknetConv2D_BN_Leaky(*args, **kwargs):
    no_bias_kwargs = {'use_bias': False}
    no_bias_kwargs.update(kwargs)
    return compose(DarknetConv2D(*args, **no_bias_kwargs), BatchNormalization(), LeakyReLU(alpha=0.1))


def resblock_body(x, num_filters, num_blocks, weight_decay=5e-4):
    x = ZeroPadding2D(((1, 0), (1, 0)))(x)
    x = DarknetConv2D_BN_Leaky(num_filters, (3, 3), strides=(2, 2), weight_decay=weight_decay)(x)
    for _ in range(num_blocks):
        y = DarknetConv2D_BN_Leaky(num_filters // 2, (1, 1), weight_decay=weight_decay)(x)
        y = DarknetConv2D_BN_Leaky(num_filters, (3, 3), weight_decay=weight_decay)(y)
        x = x + y
    return x


def yolo_body(input_shape, anchors_mask, num_classes, weight_decay=5e-4):
    inputs = Input(input_shape)
    x = DarknetConv2D_BN_Leaky(32, (3, 3), weight_decay=weight_decay)(inputs)
    x = resblock_body(x, 64, 1, weight_decay)
    feat1 = resblock_body(x, 128, 2, weight_decay)
    feat2 = resblock_body(feat1, 256, 4, weight_decay)
    feat3 = resblock_body(feat2, 512, 4, weight_decay)

    P5 = DarknetConv2D_BN_Leaky(256, (1, 1), weight_decay=weight_decay)(feat3)
    P5_up = UpSampling2D(2)(DarknetConv2D_BN_Leaky(128, (1, 1), weight_decay=weight_decay)(P5))
    P4 = Concatenate()([DarknetConv2D_BN_Leaky(128, (1, 1), weight_decay=weight_decay)(feat2), P5_up])
    P4 = DarknetConv2D_BN_Leaky(256, (3, 3), weight_decay=weight_decay)(P4)

    P4_output = DarknetConv2D(len(anchors_mask[1]) * (num_classes + 5), (1, 1), weight_decay=weight_decay)(P4)
    P5_output = DarknetConv2D_BN_Leaky(512, (3, 3), weight_decay=weight_decay)(P5)
    P5_output = DarknetConv2D(len(anchors_mask[0]) * (num_classes + 5), (1, 1), weight_decay=weight_decay)(P5_output)
    return Model(inputs, [P5_output, P4_output])


def get_train_model(model_body, input_shape, num_classes, anchors, anchors_mask, label_smoothing):
    y_true = [Input(shape=(input_shape[0] // {0: 32, 1: 16}[l], input_shape[1] // {0: 32, 1: 16}[l],
                           len(anchors_mask[l]), num_classes + 5)) for l in range(len(anchors_mask))]
    model_loss = Lambda(yolo_loss, output_shape=(1,), name='yolo_loss',
                        arguments={'input_shape': input_shape, 'anchors': anchors, 'anchors_mask': anchors_mask,
                                   'num_classes': num_classes, 'label_smoothing': label_smoothing}
                        )([*model_body.output, *y_true])
    return Model([model_body.input, *y_true], model_loss)
