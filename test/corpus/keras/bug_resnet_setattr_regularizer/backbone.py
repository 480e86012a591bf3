# Idiom seen in: jules-gi/image_detection models/resnet50.py
# What it reproduces: a pretrained tf.keras.applications ResNet50 is truncated and "regularized" by
#   setattr(layer, 'kernel_regularizer', l2(...)) in a loop; the layers are already built, so no loss is added.
# label-note: WD106 belongs on the assignment; here the assignment is spelled setattr(...), not `layer.kernel_regularizer = ...`.
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def load(inputs, l2_regularization=5e-4):
    x, x1 = inputs

    base_net = ResNet50(include_top=False,
                        weights='imagenet',
                        input_tensor=x1)

    net = Model(inputs=x, outputs=base_net.get_layer('conv4_block6_out').output)

    # add kernel regularizer to each layer
    regularizer = l2(l2_regularization)
    for layer in net.layers:
        if hasattr(layer, 'kernel_regularizer'):
            setattr(layer, 'kernel_regularizer', regularizer)  # expect: WD106

    return net
