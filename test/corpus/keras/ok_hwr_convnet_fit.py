# Idiom seen in: X-rayLaser/keras-auto-hwr models/convnet.py
# What it reproduces: online handwriting recognizer as an encoder Model + decoder Model composed into
#   one Model, Dense layers with kernel_regularizer=l2(0.01), trained with compile + fit_generator,
#   which adds the nested models' regularization losses itself. Clean.
import numpy as np
from keras.layers import Input, Conv1D, MaxPool1D, Dense, Flatten, Dropout
from keras.models import Model
from keras.optimizers import Adam
from keras.regularizers import l2

from data.generators import BaseGenerator  # not part of this program


class ConvolutionalRecognizer:
    def __init__(self, vocab, input_len, channels, embedding_size=256):
        inp = Input(shape=(input_len, channels))
        x = Conv1D(filters=channels, kernel_size=3, padding='same', activation='relu')(inp)
        x = MaxPool1D()(x)
        x = Conv1D(filters=channels * 4, kernel_size=3, padding='same', activation='relu')(x)
        x = MaxPool1D()(x)
        x = Flatten()(x)
        x = Dense(units=256, activation='relu', kernel_regularizer=l2(0.01))(x)
        x = Dropout(0.25)(x)
        embedding = Dense(units=embedding_size, activation='relu', kernel_regularizer=l2(0.01))(x)
        self._encoder = Model(inp, embedding)

        decoder_inp = Input(shape=(embedding_size,))
        y_pred = Dense(units=len(vocab), activation='softmax', kernel_regularizer=l2(0.01))(Dropout(0.125)(decoder_inp))
        self._decoder = Model(decoder_inp, y_pred)

        self._model = Model(inp, self._decoder(self._encoder(inp)))
        self._vocab = vocab

    def fit_generator(self, lr, train_gen, val_gen, *args, **kwargs):
        self._model.compile(optimizer=Adam(lr=lr), loss='categorical_crossentropy',
                            metrics=['categorical_crossentropy'])
        self._model.fit_generator(train_gen, validation_data=val_gen, *args, **kwargs)

    def predict_text(self, x):
        return self._vocab.decode(int(np.argmax(self._model.predict(x)[0])))


if __name__ == '__main__':
    from data.vocab import Vocabulary  # not part of this program
    vocab = Vocabulary.load('vocab.json')
    train_gen, val_gen = BaseGenerator.from_h5('train.h5'), BaseGenerator.from_h5('val.h5')
    rec = ConvolutionalRecognizer(vocab, input_len=64, channels=2)
    rec.fit_generator(1e-3, train_gen.get_examples(32), val_gen.get_examples(32), steps_per_epoch=500, epochs=50)
