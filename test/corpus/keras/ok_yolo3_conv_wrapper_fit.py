# Idiom seen in: david8862/keras-YOLOv3-model-set yolo3/models/layers.py
# Idiom seen in: david8862/keras-YOLOv3-model-set train.py
# What it reproduces: the @wraps(Conv2D) DarknetConv2D factory injects kernel_regularizer=l2(5e-4) through a
# kwargs dict; the model with its yolo_loss Lambda output is trained by compile + fit, which adds model.losses (clean).
import argparse
from functools import reduce, wraps

import numpy as np
import tensorflow.keras.backend as K
from tensorflow.keras.layers import Add, BatchNormalization, Conv2D, Input, Lambda, LeakyReLU, UpSampling2D, ZeroPadding2D
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2

from yolo3.loss import yolo3_loss
from yolo3.data import yolo3_data_generator_wrapper


def compose(*funcs):
    return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)


@wraps(Conv2D)
def DarknetConv2D(*args, **kwargs):
    """Wrapper to set Darknet parameters for YOLO Convolution2D."""
    darknet_conv_kwargs = {'kernel_regularizer': l2(5e-4)}
    darknet_conv_kwargs['padding'] = 'valid' if kwargs.get('strides') == (2, 2) else 'same'
    darknet_conv_kwargs.update(kwargs)
    return Conv2D(*args, **darknet_conv_kwargs)


def DarknetConv2D_BN_Leaky(*args, **kwargs):
    no_bias_kwargs = {'use_bias': False}
    no_bias_kwargs.update(kwargs)
    return compose(DarknetConv2D(*args, **no_bias_kwargs), BatchNormalization(), LeakyReLU(alpha=0.1))


def resblock_body(x, num_filters, num_blocks):
    x = ZeroPadding2D(((1, 0), (1, 0)))(x)
    x = DarknetConv2D_BN_Leaky(num_filters, (3, 3), strides=(2, 2))(x)
    for _ in range(num_blocks):
        y = compose(DarknetConv2D_BN_Leaky(num_filters // 2, (1, 1)), DarknetConv2D_BN_Leaky(num_filters, (3, 3)))(x)
        x = Add()([x, y])
    return x


def tiny_yolo3_body(inputs, num_anchors, num_classes):
    x = DarknetConv2D_BN_Leaky(32, (3, 3))(inputs)
    for filters, blocks in [(64, 1), (128, 2), (256, 2)]:
        x = resblock_body(x, filters, blocks)
    y1 = compose(DarknetConv2D_BN_Leaky(512, (3, 3)), DarknetConv2D(num_anchors * (num_classes + 5), (1, 1)))(x)
    x2 = compose(DarknetConv2D_BN_Leaky(128, (1, 1)), UpSampling2D(2))(x)
    y2 = compose(DarknetConv2D_BN_Leaky(256, (3, 3)), DarknetConv2D(num_anchors * (num_classes + 5), (1, 1)))(x2)
    return Model(inputs, [y1, y2])


def get_yolo3_train_model(anchors, num_classes, input_shape=(416, 416)):
    num_anchors = len(anchors)
    image_input = Input(shape=(None, None, 3), name='image_input')
    model_body = tiny_yolo3_body(image_input, num_anchors // 2, num_classes)
    y_true = [Input(shape=(None, None, num_anchors // 2, num_classes + 5), name='y_true_{}'.format(l)) for l in range(2)]
    model_loss, location_loss, confidence_loss, class_loss = Lambda(
        yolo3_loss, name='yolo_loss',
        arguments={'anchors': anchors, 'num_classes': num_classes, 'ignore_thresh': 0.5})([*model_body.output, *y_true])
    model = Model([model_body.input, *y_true], model_loss)
    model.compile(optimizer=Adam(learning_rate=1e-3), loss={'yolo_loss': lambda y_true, y_pred: y_pred})
    return model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--annotation_file', type=str, default='trainval.txt')
    parser.add_argument('--batch_size', type=int, default=16)
    parser.add_argument('--total_epoch', type=int, default=250)
    args = parser.parse_args()

    anchors = np.array([[10, 14], [23, 27], [37, 58], [81, 82], [135, 169], [344, 319]], dtype='float32')
    num_classes = 20
    model = get_yolo3_train_model(anchors, num_classes)
    with open(args.annotation_file) as f:
        lines = f.readlines()
    model.fit(yolo3_data_generator_wrapper(lines, args.batch_size, (416, 416), anchors, num_classes),
              steps_per_epoch=max(1, len(lines) // args.batch_size), epochs=args.total_epoch)
    model.save_weights('trained_final.h5')
