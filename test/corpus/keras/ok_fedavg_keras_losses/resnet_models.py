# Idiom seen in: tensorflow/federated tensorflow_federated/python/simulation/models/resnet_models.py
# Idiom seen in: tensorflow/federated tensorflow_federated/python/learning/models/keras_utils.py
# What it reproduces: a small ResNet for federated CIFAR clients with kernel_regularizer=l2(L2_WEIGHT_DECAY)
#   on its convolutions and the final Dense; the client loss (keras_utils.py) adds keras_model.losses to
#   the task loss that the client's GradientTape differentiates. Clean.
import tensorflow as tf

L2_WEIGHT_DECAY = 1e-4


def _norm_relu(input_tensor):
  x = tf.keras.layers.GroupNormalization(groups=2)(input_tensor)
  return tf.keras.layers.Activation('relu')(x)


def _conv_norm_relu(input_tensor, filters, kernel_size, strides=(1, 1)):
  x = tf.keras.layers.Conv2D(
      filters, kernel_size, strides=strides, padding='same', use_bias=False,
      kernel_initializer='he_normal',
      kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))(input_tensor)
  return _norm_relu(x)


def _basic_block(input_tensor, filters, strides=(1, 1)):
  x = _conv_norm_relu(input_tensor, filters, (3, 3), strides=strides)
  x = tf.keras.layers.Conv2D(
      filters, (3, 3), padding='same', use_bias=False, kernel_initializer='he_normal',
      kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))(x)
  if strides != (1, 1) or input_tensor.shape[-1] != filters:
    input_tensor = tf.keras.layers.Conv2D(
        filters, (1, 1), strides=strides, padding='valid', use_bias=False,
        kernel_initializer='he_normal',
        kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))(input_tensor)
  return _norm_relu(tf.keras.layers.add([input_tensor, x]))


def create_resnet18(input_shape=(32, 32, 3), num_classes=10):
  img_input = tf.keras.layers.Input(shape=input_shape)
  x = _conv_norm_relu(img_input, 64, (3, 3))
  for filters, strides in [(64, 1), (128, 2), (256, 2), (512, 2)]:
    x = _basic_block(x, filters, strides=(strides, strides))
    x = _basic_block(x, filters)
  x = tf.keras.layers.GlobalAveragePooling2D()(x)
  x = tf.keras.layers.Dense(
      num_classes, kernel_initializer=tf.keras.initializers.RandomNormal(stddev=0.01),
      kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY),
      bias_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))(x)
  return tf.keras.models.Model(img_input, x)
