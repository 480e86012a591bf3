# Idiom seen in: cksruf91/Glaucoma_master train.py
# Idiom seen in: cksruf91/Glaucoma_master models/xception.py
# What it reproduces: compile + fit_generator driver; Keras AdamW decays every trainable variable (no
#   exclude_from_weight_decay, so the BatchNormalization scales and the biases too) while the l2 regularizers of
#   xception.py add their own penalty through fit (WD201 there).
import json
import os
from datetime import datetime

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.callbacks import ModelCheckpoint, TensorBoard

from config import INPUT_IMAGE_SHAPE, RESULT_PATH, PROJECT, TRAIN_DATASET, TEST_DATASET
from xception import Xception
from iterator import DataIterator
from callback_module import IntervalEvaluation, HistoryCheckpoint

model = Xception().build(INPUT_IMAGE_SHAPE)
with open(os.path.join(RESULT_PATH, 'model.json'), 'w') as f:
    f.write(json.dumps(model.to_json()))

loss_func = 'binary_crossentropy'
optim = keras.optimizers.AdamW(learning_rate=1e-3, beta_1=0.9, beta_2=0.999,
                               weight_decay=1e-4)  # expect: WD203
BATCH_SIZE = 4
auc = keras.metrics.AUC(curve='PR', name='auc')
model.compile(loss=loss_func, optimizer=optim, metrics=[auc])
model.summary()

augm = {"gamma": True, "rotate": False, "polar": True, "normal": True, "flip": True, "crop": True}
train_iterator = DataIterator(TRAIN_DATASET, BATCH_SIZE, INPUT_IMAGE_SHAPE, is_train=True, **augm)
test_iterator = DataIterator(TEST_DATASET, BATCH_SIZE, INPUT_IMAGE_SHAPE, is_train=False,
                             polar=augm['polar'], normal=augm['normal'])

logdir = os.path.join(PROJECT, 'graph', datetime.now().strftime("%Y%m%d-%H%M%S"))
call_backs = [
    IntervalEvaluation(test_iterator, loss_func, monitor_name='auc'),
    ModelCheckpoint(os.path.join(RESULT_PATH, "checkpoint-{epoch:03d}.h5"), monitor='val_auc',
                    save_best_only=True, mode='max'),
    HistoryCheckpoint(os.path.join(RESULT_PATH, "checkpoint_hist.csv"), 'auc'),
    TensorBoard(log_dir=logdir, histogram_freq=0, write_graph=True),
]
model.fit(train_iterator, validation_data=test_iterator, epochs=100, callbacks=call_backs, workers=4)
