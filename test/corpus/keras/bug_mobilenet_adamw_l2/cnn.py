# Idiom seen in: Shrabana97/Diagnosis-of-COVID-19-Pneumonia-from-Chest-X-ray-Scans-using-Modified-MobileNet-Architecture cnn.py
# Idiom seen in: Shrabana97/Diagnosis-of-COVID-19-Pneumonia-from-Chest-X-ray-Scans-using-Modified-MobileNet-Architecture train.py
# What it reproduces: modified MobileNet whose new Dense head has kernel_ and bias_regularizer=l2(lambd); train.py
#   swaps Adam for Keras AdamW(weight_decay=...), which decays every variable itself, so the head is decayed twice
#   (double decay, user mistake in the repo's idiom).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Dropout, GlobalMaxPooling2D, LeakyReLU
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def mobilenet_mod(lambd, dim, output_neurons, output_activation):
    base_model = tf.keras.applications.MobileNet(input_shape=dim, weights='imagenet', include_top=False)

    x = base_model.output
    x = GlobalMaxPooling2D()(x)
    x = Dense(128,
              kernel_regularizer=l2(lambd),  # expect: WD201
              bias_regularizer=l2(lambd))(x)  # expect: WD201
    x = LeakyReLU()(x)
    x = Dropout(0.2)(x)

    predictions = Dense(output_neurons, activation=output_activation)(x)
    model = Model(inputs=base_model.input, outputs=predictions)

    for layer in base_model.layers:
        layer.trainable = True

    return model
