# Idiom seen in: X-rayLaser/keras-auto-hwr models/convnet.py
# What it reproduces: the same encoder/decoder recognizer (Dense kernel_regularizer=l2(0.01)) moved to
#   a tf.keras GradientTape loop. The regularization losses are summed, but only for the progress
#   print; tape.gradient differentiates the bare cross entropy. User mistake when porting off fit.
import tensorflow as tf
from tensorflow.keras.layers import Input, Conv1D, MaxPool1D, Dense, Flatten, Dropout
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

from data.generators import BaseGenerator  # not part of this program


def build_recognizer(vocab_size, input_len, channels, embedding_size=256):
    inp = Input(shape=(input_len, channels))
    x = Conv1D(channels * 2, 3, padding='same', activation='relu')(inp)
    x = MaxPool1D()(x)
    x = Flatten()(x)
    x = Dense(256, activation='relu', kernel_regularizer=l2(0.01))(x)
    x = Dropout(0.25)(x)
    embedding = Dense(embedding_size, activation='relu', kernel_regularizer=l2(0.01))(x)
    encoder = Model(inp, embedding)
    dec_in = Input(shape=(embedding_size,))
    decoder = Model(dec_in, Dense(vocab_size, kernel_regularizer=l2(0.01))(Dropout(0.125)(dec_in)))
    return Model(inp, decoder(encoder(inp)))


def train(model, dataset, epochs=50, lr=1e-3):
    optimizer = tf.keras.optimizers.Adam(lr)
    xent = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    for epoch in range(epochs):
        for step, (x, y) in enumerate(dataset):
            with tf.GradientTape() as tape:
                logits = model(x, training=True)
                ce = xent(y, logits)
                reg = tf.add_n(model.losses)  # expect: WD105
            grads = tape.gradient(ce, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            if step % 100 == 0:
                print(f"epoch {epoch} step {step}: ce={float(ce):.4f} total={float(ce + reg):.4f}")


if __name__ == '__main__':
    gen = BaseGenerator.from_h5('train.h5', channels=2)
    ds = tf.data.Dataset.from_generator(gen.get_examples, output_signature=gen.signature()).batch(32)
    train(build_recognizer(gen.vocab_size, 64, 2), ds)
