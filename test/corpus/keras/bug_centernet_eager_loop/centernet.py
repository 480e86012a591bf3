# Idiom seen in: bubbliiiing/centernet-tf2 nets/resnet.py
# Idiom seen in: bubbliiiing/centernet-tf2 nets/centernet.py
# Idiom seen in: bubbliiiing/centernet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/centernet-tf2 train.py
# What it reproduces: the repo's own bug on its eager path: the decoder Conv2DTranspose layers carry
# kernel_regularizer=l2(5e-4), the model outputs its loss through a Lambda layer, and the eager
# train_step differentiates that output alone, without net.losses (eager=True set here).
import tensorflow as tf
from tensorflow.keras.layers import Input, Lambda
from tensorflow.keras.models import Model

from centernet_training import loss
from decode import decode
from resnet import ResNet50, centernet_head


def centernet(input_shape, num_classes, max_objects=100, mode="train"):
    output_size = input_shape[0] // 4
    image_input = Input(shape=input_shape)
    hm_input = Input(shape=(output_size, output_size, num_classes))
    wh_input = Input(shape=(max_objects, 2))
    reg_input = Input(shape=(max_objects, 2))
    reg_mask_input = Input(shape=(max_objects,))
    index_input = Input(shape=(max_objects,))

    # 512, 512, 3 -> 16, 16, 2048
    C5 = ResNet50(image_input)
    y1, y2, y3 = centernet_head(C5, num_classes)

    if mode == "train":
        loss_ = Lambda(loss, name='centernet_loss')([y1, y2, y3, hm_input, wh_input, reg_input, reg_mask_input, index_input])
        model = Model(inputs=[image_input, hm_input, wh_input, reg_input, reg_mask_input, index_input], outputs=[loss_])
        detections = Lambda(lambda x: decode(*x, max_objects=max_objects))([y1, y2, y3])
        prediction_model = Model(inputs=image_input, outputs=detections)
        return model, prediction_model
    detections = Lambda(lambda x: decode(*x, max_objects=max_objects))([y1, y2, y3])
    return Model(inputs=image_input, outputs=detections)
