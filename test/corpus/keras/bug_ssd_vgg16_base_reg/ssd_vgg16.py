# Idiom seen in: Socret360/object-detection-in-keras networks/ssd_vgg16.py
# What it reproduces: SSD300 on an ImageNet VGG16 backbone whose layers are renamed and given an l2
#   regularizer in a loop over base_network.layers after the model is built. The repo sets the private
#   _kernel_regularizer on frozen layers; here (user variant) the backbone is fine-tuned and the public
#   kernel_regularizer is assigned, which adds no loss to a built layer (WD106). The new head convs get
#   kernel_regularizer= at construction and are fine.
import numpy as np
from tensorflow.keras.applications import VGG16
from tensorflow.keras.layers import Activation, Concatenate, Conv2D, MaxPool2D, Reshape
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

from custom_layers import DefaultBoxes, L2Normalization


def SSD_VGG16(config, label_maps):
    model_config = config["model"]
    input_shape = (model_config["input_size"], model_config["input_size"], 3)
    num_classes = len(label_maps) + 1
    l2_reg = model_config["l2_regularization"]
    kernel_initializer = model_config["kernel_initializer"]

    base_network = VGG16(input_shape=input_shape, classes=num_classes, weights='imagenet', include_top=False)
    base_network = Model(inputs=base_network.input, outputs=base_network.get_layer('block5_conv3').output)
    for layer in base_network.layers:
        if isinstance(layer, Conv2D):
            layer.kernel_regularizer = l2(l2_reg)  # expect: WD106
        layer.trainable = model_config.get("train_backbone", True)

    def conv_block(x, filters, kernel_size, name, padding='valid', dilation_rate=(1, 1), strides=(1, 1)):
        return Conv2D(filters, kernel_size=kernel_size, strides=strides, activation='relu', padding=padding,
                      dilation_rate=dilation_rate, kernel_initializer=kernel_initializer,
                      kernel_regularizer=l2(l2_reg), name=name)(x)

    pool5 = MaxPool2D(pool_size=(3, 3), strides=(1, 1), padding="same", name="pool5")(base_network.output)
    fc6 = conv_block(pool5, 1024, (3, 3), padding="same", dilation_rate=(6, 6), name="fc6")
    fc7 = conv_block(fc6, 1024, (1, 1), padding="same", name="fc7")
    conv8_1 = conv_block(fc7, 256, (1, 1), name="conv8_1")
    conv8_2 = conv_block(conv8_1, 512, (3, 3), padding="same", strides=(2, 2), name="conv8_2")
    model = Model(inputs=base_network.input, outputs=conv8_2)

    scales = np.linspace(0.2, 0.9, len(model_config["feature_layers"]))
    confs, locs, boxes = [], [], []
    for i, layer_cfg in enumerate(model_config["feature_layers"]):
        x = model.get_layer(layer_cfg["name"]).output
        if layer_cfg["name"] == "block4_conv3":
            x = L2Normalization(gamma_init=20, name="conv4_3_norm")(x)
        n_boxes = len(layer_cfg["aspect_ratios"]) + 1
        conf = Conv2D(n_boxes * num_classes, (3, 3), padding='same', kernel_initializer=kernel_initializer,
                      kernel_regularizer=l2(l2_reg), name=f"{layer_cfg['name']}_mbox_conf")(x)
        loc = Conv2D(n_boxes * 4, (3, 3), padding='same', kernel_initializer=kernel_initializer,
                     kernel_regularizer=l2(l2_reg), name=f"{layer_cfg['name']}_mbox_loc")(x)
        box = DefaultBoxes(image_shape=input_shape, scale=scales[i], aspect_ratios=layer_cfg["aspect_ratios"],
                           name=f"{layer_cfg['name']}_default_boxes")(x)
        confs.append(Reshape((-1, num_classes))(conf))
        locs.append(Reshape((-1, 4))(loc))
        boxes.append(Reshape((-1, 8))(box))
    mbox_conf = Activation('softmax', name='mbox_conf_softmax')(Concatenate(axis=-2)(confs))
    predictions = Concatenate(axis=-1, name='predictions')(
        [mbox_conf, Concatenate(axis=-2)(locs), Concatenate(axis=-2)(boxes)])
    return Model(inputs=base_network.input, outputs=predictions)
