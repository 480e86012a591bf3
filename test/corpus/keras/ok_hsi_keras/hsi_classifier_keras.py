# Idiom seen in: am0606/cnn_hsi_p variables.py
# Idiom seen in: am0606/cnn_hsi_p keras_models.py
# Idiom seen in: am0606/cnn_hsi_p hsi_classifier_keras.py
# What it reproduces: Salinas hyperspectral 1-D CNN (Hu et al. 2015) with Dense(kernel_regularizer=l2(0.001)) trained by
#   compile/fit, which adds model.losses itself; the SGD decay=INIT_LR/epochs in variables.py is the legacy learning-rate
#   decay, not weight decay (clean).
from argparse import ArgumentParser
from time import time

import numpy as np
from tensorflow.keras.utils import to_categorical
from tensorflow.keras.callbacks import ModelCheckpoint, EarlyStopping, TensorBoard

from hsi_io import load_train, save_train_history
from variables import *
from keras_models import model3

parser = ArgumentParser()
parser.add_argument("--tr", dest="train", required=True, help="read train set from FILE")
parser.add_argument("--trlabels", dest="train_labels", required=True, help="read train labels from FILE")
parser.add_argument("--nosplit", dest='nosplit', action='store_true', help="use only train set without test")
args = parser.parse_args()

nbands, nrows, ncols, X_train, X_test, y_train, y_test, zerodata = load_train(args.train, args.train_labels,
                                                                             args.nosplit)
X_train_np = X_train.to_numpy().reshape((X_train.shape[0], X_train.shape[1], 1))
X_test_np = X_test.to_numpy().reshape((X_test.shape[0], X_test.shape[1], 1))

n1 = nbands
num_classes = np.max(y_train) + 1
y_train = to_categorical(y_train.to_numpy(), num_classes)
y_test = to_categorical(y_test.to_numpy(), num_classes)

model = model3(n1, num_classes)
model.summary()

callbacks_list = [
    ModelCheckpoint(filepath='best_model.{epoch:02d}-{val_loss:.2f}.h5', monitor='accuracy', save_best_only=True),
    EarlyStopping(monitor='accuracy', patience=100),
    TensorBoard(log_dir="logs/{}".format(time())),
]

model.compile(loss='categorical_crossentropy', optimizer=opt, metrics=['accuracy'])
history = model.fit(X_train_np, y_train, batch_size=batch_size, epochs=epochs, callbacks=callbacks_list,
                    validation_split=validation_split, verbose=2)
save_train_history(history.history, 'output/train_history.csv')
model.save('output/my_model.h5')

if X_test_np.shape[0] > 0:
    score_test = model.evaluate(X_test_np, y_test, verbose=1)
    print('Test loss:', score_test[0])
    print('Test accuracy:', score_test[1])
