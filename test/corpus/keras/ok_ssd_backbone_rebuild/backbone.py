# Idiom seen in: Socret360/object-detection-in-keras networks/ssd_vgg16.py
# What it reproduces: the truncated VGG16 backbone of the SSD networks with an l2 regularizer set on
#   each built conv layer; here the backbone is rebuilt from its JSON config afterwards and its weights
#   put back, so the layers are recreated with the regularizers and their losses exist. Clean.
from tensorflow.keras.applications import VGG16
from tensorflow.keras.layers import Conv2D
from tensorflow.keras.models import Model, model_from_json
from tensorflow.keras.regularizers import l2


def truncated_vgg16(input_shape, l2_reg):
    base = VGG16(input_shape=input_shape, weights='imagenet', include_top=False)
    base = Model(inputs=base.input, outputs=base.get_layer('block5_conv3').output, name='truncated_vgg16')
    for layer in base.layers:
        if isinstance(layer, Conv2D):
            layer.kernel_regularizer = l2(l2_reg)
    weights = base.get_weights()
    base = model_from_json(base.to_json())
    base.set_weights(weights)
    return base
