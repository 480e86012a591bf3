# Idiom seen in: qianlin404/aptos19 pipeline.py
# What it reproduces: the run script wiring a factory, Adam and regularizer_l2(lamb=1e-4) into the pipeline;
#   the regularizer is applied after the model is built, so it adds no loss (real bug).
import tensorflow as tf

import models
import regularizer
from pipeline import KerasPipeline


if __name__ == "__main__":
    pipeline = KerasPipeline(training_filename="data/train_split.csv",
                             validation_filename="data/val_split.csv",
                             image_dir="data/train_images",
                             image_size=(256, 256),
                             batch_size=32,
                             model_generating_fn=models.get_resnet_50,
                             optimizer=tf.keras.optimizers.Adam,
                             optimizer_params={"lr": 1e-4},
                             num_epochs=30,
                             loss=tf.keras.losses.sparse_categorical_crossentropy,
                             regularizer=regularizer.regularizer_l2,
                             regularizer_params={"lamb": 1e-4},
                             eval_metrics=["accuracy"],
                             name="resnet50_l2")
    pipeline.train()
