# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/model.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/layers/modules.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/train.py
# What it reproduces: a subclassed DeepFM with embeddings_regularizer=l2 on every sparse field and an
#   FM layer whose add_weight has regularizer=l2(w_reg); build_graph() wraps it in a functional Model
#   that is compiled and fit under a MirroredStrategy, so Keras adds model.losses itself: clean.
import os

import tensorflow as tf
from tensorflow.keras.callbacks import EarlyStopping
from tensorflow.keras.losses import binary_crossentropy
from tensorflow.keras.metrics import AUC
from tensorflow.keras.optimizers import Adam

from data_process import create_criteo_dataset
from model import DeepFM

if __name__ == '__main__':
    file = '/data/criteo/criteo_sampled_data.csv'
    learning_rate = 0.001
    batch_size = 512
    epochs = 10
    feature_columns, train, test = create_criteo_dataset(file=file, read_part=False,
                                                         sample_num=100000, test_size=0.2)
    train_X, train_y = train
    test_X, test_y = test

    mirrored_strategy = tf.distribute.MirroredStrategy()
    with mirrored_strategy.scope():
        dfm = DeepFM(feature_columns=feature_columns)
        model = dfm.build_graph()
        model.summary()
        model.compile(loss=binary_crossentropy, optimizer=Adam(learning_rate=learning_rate),
                      metrics=[AUC()])

    model.fit(train_X, train_y, epochs=epochs, batch_size=batch_size, validation_split=0.1,
              callbacks=[EarlyStopping(monitor='val_loss', patience=1, restore_best_weights=True)])
    print('test AUC: %f' % model.evaluate(test_X, test_y, batch_size=batch_size)[1])
