# Idiom seen in: guangxush/AutoEncoders Regularizers.py
# What it reproduces: the Keras-blog sparse autoencoder (Dense encoding layer with activity_regularizer=l1,
#   here also an l2 kernel_regularizer) rebuilt in tf.keras and trained in a GradientTape loop whose loss is
#   only the binary cross entropy: model.losses (sparsity and weight penalty) is never added.
from tensorflow.keras import regularizers
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

encoding_dim = 32


def build_sparse_autoencoder(input_dim=784, l1_activity=10e-5, l2_kernel=1e-5):
    input_img = Input(shape=(input_dim,))
    encoded = Dense(encoding_dim, activation='relu',
                    activity_regularizer=regularizers.l1(l1_activity),  # expect: WD103
                    kernel_regularizer=regularizers.l2(l2_kernel))(input_img)  # expect: WD103
    decoded = Dense(input_dim, activation='sigmoid')(encoded)
    autoencoder = Model(input_img, decoded)
    encoder = Model(input_img, encoded)
    return autoencoder, encoder
