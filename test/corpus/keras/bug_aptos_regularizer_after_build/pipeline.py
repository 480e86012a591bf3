# Idiom seen in: qianlin404/aptos19 pipeline.py
# What it reproduces: KerasPipeline takes the model factory, a regularizer function and its params, applies the
#   regularizer to the freshly built model in _build_model, then compiles and fit_generator()s it.
import json
import os
import time
from typing import Callable, Dict, List

import pandas as pd
import tensorflow as tf

import preprocess


class KerasPipeline(object):
    def __init__(self, training_filename: str, validation_filename: str, image_dir: str,
                 image_size, batch_size: int, model_generating_fn: Callable, optimizer: Callable,
                 optimizer_params: Dict, num_epochs: int, loss: Callable, regularizer: Callable,
                 regularizer_params: Dict, eval_metrics: List[Callable], name: str,
                 model_ckpt: str = None):
        self.training_filename = training_filename
        self.validation_filename = validation_filename
        self.image_dir = image_dir
        self.image_size = image_size
        self.batch_size = batch_size
        self.model_generating_fn = model_generating_fn
        self.optimizer = optimizer
        self.optimizer_params = optimizer_params
        self.num_epochs = num_epochs
        self.loss = loss
        self.regularizer = regularizer
        self.regularizer_params = regularizer_params
        self.eval_metrics = eval_metrics
        self.name = name
        self.model_ckpt = model_ckpt
        self.created_time = int(time.time())

    def _get_input_generator(self):
        train_df = pd.read_csv(self.training_filename)
        val_df = pd.read_csv(self.validation_filename)
        train = preprocess.ImageGenerator(train_df, image_size=self.image_size,
                                          batch_size=self.batch_size, is_augment=True)
        val = preprocess.ImageGenerator(val_df, image_size=self.image_size,
                                        batch_size=self.batch_size, is_augment=False)
        return train, val

    def _build_model(self):
        """ Build and compile model """
        print("{t:<20}: {model}".format(t="Model", model=self.name))
        model = self.model_generating_fn(training=True, model_ckpt=self.model_ckpt)

        print("{t:<20}: {reg}".format(t="Regularizer", reg=self.regularizer.__name__))
        print(json.dumps(self.regularizer_params))
        self.regularizer(model, **self.regularizer_params)

        optimizer = self.optimizer(**self.optimizer_params)
        model.compile(optimizer, loss=self.loss, metrics=self.eval_metrics)
        return model

    def train(self):
        train_generator, val_generator = self._get_input_generator()
        self.model = self._build_model()
        ckpt_path = os.path.join("models", str(self.created_time), "weights.best.h5")
        checkpoint = tf.keras.callbacks.ModelCheckpoint(ckpt_path, monitor="val_loss",
                                                        save_best_only=True, save_weights_only=True)
        self.model.fit_generator(train_generator, steps_per_epoch=len(train_generator),
                                 validation_data=val_generator, validation_steps=len(val_generator),
                                 epochs=self.num_epochs, callbacks=[checkpoint])
