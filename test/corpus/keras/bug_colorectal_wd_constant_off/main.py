# Idiom seen in: pacoricci/colorectal main.py
# What it reproduces: the entry point: dataset splits from a dataset module the folder does not hold, gen_model, fit.
import tensorflow as tf

import cnn_model
import constants
import dataset
import training

if __name__ == '__main__':
    tf.random.set_seed(constants.TF_SEED)
    ds_train, ds_validation, ds_test = dataset.load_splits(constants.BATCH_SIZE)
    model = cnn_model.gen_model()
    model.summary()
    history = training.fit(model, ds_train, ds_validation)
    print(model.evaluate(ds_test))
