# Idiom seen in: leondgarse/Keras_insightface models.py
# What it reproduces: add_l2_regularizer_2_model sets L2(weight_decay / 2) on the Dense/Conv layers of a built
#   backbone and then rebuilds it with clone_model (so the regularizers are live); combined in train.py with
#   tfa SGDW(weight_decay=...) this decays the same kernels twice (realistic mistake combining two README recipes).
import tensorflow as tf
from tensorflow import keras


def buildin_models(stem_model="MobileNet", dropout=0, emb_shape=256, input_shape=(112, 112, 3)):
    if stem_model == "MobileNet":
        xx = keras.applications.MobileNet(input_shape=input_shape, include_top=False, weights=None)
    else:
        xx = keras.applications.ResNet50V2(input_shape=input_shape, include_top=False, weights="imagenet")
    inputs = xx.inputs[0]
    nn = xx.outputs[0]
    nn = keras.layers.Conv2D(512, 1, use_bias=False, name="pw_conv")(nn)
    nn = keras.layers.BatchNormalization(name="pw_bn")(nn)
    nn = keras.layers.DepthwiseConv2D(int(nn.shape[1]), depth_multiplier=1, use_bias=False, name="GDC_dw")(nn)
    nn = keras.layers.BatchNormalization(name="GDC_batchnorm")(nn)
    if dropout > 0:
        nn = keras.layers.Dropout(dropout)(nn)
    nn = keras.layers.Conv2D(emb_shape, 1, use_bias=True, name="GDC_conv")(nn)
    nn = keras.layers.Flatten(name="GDC_flatten")(nn)
    embedding = keras.layers.BatchNormalization(scale=False, name="embedding")(nn)
    return keras.models.Model(inputs, embedding, name=xx.name)


def add_l2_regularizer_2_model(model, weight_decay, custom_objects={}, apply_to_batch_normal=False):
    for layer in model.layers:
        attrs = []
        if isinstance(layer, keras.layers.Dense) or isinstance(layer, keras.layers.Conv2D):
            attrs = ["kernel_regularizer"]
        elif isinstance(layer, keras.layers.DepthwiseConv2D):
            attrs = ["depthwise_regularizer"]
        elif apply_to_batch_normal and isinstance(layer, keras.layers.BatchNormalization):
            attrs = ["beta_regularizer", "gamma_regularizer"]
        for attr in attrs:
            if hasattr(layer, attr) and layer.trainable:
                setattr(layer, attr, keras.regularizers.L2(weight_decay / 2))  # expect: WD201

    # The regularizers only exist in the model config so far: rebuild so Keras adds them to the losses.
    weights = model.get_weights()
    out_model = keras.models.clone_model(model)
    out_model.set_weights(weights)
    return out_model


class NormDense(keras.layers.Layer):
    def __init__(self, units=1000, kernel_regularizer=None, **kwargs):
        super(NormDense, self).__init__(**kwargs)
        self.units = units
        self.kernel_regularizer = keras.regularizers.get(kernel_regularizer)

    def build(self, input_shape):
        self.w = self.add_weight(name="norm_dense_w", shape=(input_shape[-1], self.units),
                                 initializer="glorot_normal", regularizer=self.kernel_regularizer,
                                 trainable=True)
        super(NormDense, self).build(input_shape)

    def call(self, inputs):
        norm_w = tf.nn.l2_normalize(self.w, axis=0)
        norm_inputs = tf.nn.l2_normalize(inputs, axis=1)
        return tf.matmul(norm_inputs, norm_w)
