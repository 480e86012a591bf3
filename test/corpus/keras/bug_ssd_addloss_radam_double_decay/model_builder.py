# Idiom seen in: chansoopark98/Tensorflow-Keras-Object-Detection model/model_builder.py
# What it reproduces: an SSD head on an EfficientNetV2 backbone; with use_weight_decay the builder walks the
#   built model and layer.add_loss()es an L2(weight_decay) penalty on every kernel and bias. The training
#   configuration below also uses RectifiedAdam(weight_decay=...), so the same weights are decayed twice.
import tensorflow as tf
from tensorflow.keras.initializers import HeNormal
from tensorflow.keras.layers import Concatenate, Conv2D, Flatten, Reshape, SeparableConv2D
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import L2


class ModelBuilder():
    def __init__(self, image_size=(300, 300), num_classes=21, use_weight_decay=False, weight_decay=0.00001):
        self.image_size = image_size
        self.num_classes = num_classes
        self.use_weight_decay = use_weight_decay
        self.weight_decay = weight_decay
        self.kernel_initializer = HeNormal()
        self.num_priors = [4, 6, 6, 6, 4]

    def build_model(self, model_name):
        if model_name == 'efficientv2b0':
            from model_zoo.EfficientNetV2B0 import EfficientNetV2B0  # backbone wrapper, not in this folder
            backbone = EfficientNetV2B0(image_size=self.image_size, pretrained='imagenet')
        else:
            raise NotImplementedError('Your input model_name is not implemented')
        model_input, detector_output = backbone.build_extra_layer()
        model_output = self.create_classifier(detector_output, self.num_priors)
        model = Model(inputs=model_input, outputs=model_output)

        if self.use_weight_decay:
            for layer in model.layers:
                if isinstance(layer, Conv2D):
                    layer.add_loss(lambda layer=layer: L2(self.weight_decay)(layer.kernel))  # expect: WD201
                elif isinstance(layer, SeparableConv2D):
                    layer.add_loss(lambda layer=layer: L2(self.weight_decay)(layer.depthwise_kernel))  # expect: WD201
                    layer.add_loss(lambda layer=layer: L2(self.weight_decay)(layer.pointwise_kernel))  # expect: WD201
                if hasattr(layer, 'bias_regularizer') and layer.use_bias:
                    layer.add_loss(lambda layer=layer: L2(self.weight_decay)(layer.bias))  # expect: WD201
        return model

    def create_classifier(self, source_layers, num_priors):
        mbox_conf, mbox_loc = [], []
        for i, x in enumerate(source_layers):
            name = x.name.split(':')[0]
            conf = SeparableConv2D(num_priors[i] * self.num_classes, 3, padding='same',
                                   depthwise_initializer=self.kernel_initializer,
                                   pointwise_initializer=self.kernel_initializer,
                                   name=name + '_mbox_conf_1')(x)
            mbox_conf.append(Flatten(name=name + '_mbox_conf_flat')(conf))
            loc = SeparableConv2D(num_priors[i] * 4, 3, padding='same',
                                  depthwise_initializer=self.kernel_initializer,
                                  pointwise_initializer=self.kernel_initializer,
                                  name=name + '_mbox_loc_1')(x)
            mbox_loc.append(Flatten(name=name + '_mbox_loc_flat')(loc))
        mbox_loc = Reshape((-1, 4), name='mbox_loc_final')(Concatenate(axis=1)(mbox_loc))
        mbox_conf = Reshape((-1, self.num_classes), name='mbox_conf_final')(Concatenate(axis=1)(mbox_conf))
        mbox_conf = tf.keras.layers.Activation('softmax', dtype='float32')(mbox_conf)
        return Concatenate(axis=2, name='mbox_predictions', dtype=tf.float32)([mbox_loc, mbox_conf])
