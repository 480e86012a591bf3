# Idiom seen in: keras-team/keras-hub examples/glue_benchmark/glue.py
# What it reproduces: absl app fine-tuning a KerasNLP classifier with Keras AdamW(weight_decay=0.01) and a single
#   exclude_from_weight_decay(var_names=["LayerNorm", "layer_norm", "bias"]) call before compile/fit (clean).
import os

import tensorflow as tf
import tensorflow_datasets as tfds
from absl import app
from absl import flags
from tensorflow import keras

import keras_nlp

os.environ["PYTHONHASHSEED"] = "42"
tf.random.set_seed(42)

flags.DEFINE_string("task", "mrpc", "The GLUE task to train and evaluate on.")
flags.DEFINE_string("preset", "bert_tiny_en_uncased", "The model preset.")
flags.DEFINE_float("learning_rate", 0.005, "The learning_rate for the optimizer.")
flags.DEFINE_integer("epochs", 2, "No of Epochs.")
flags.DEFINE_integer("batch_size", 8, "Batch Size.")
FLAGS = flags.FLAGS


def load_data():
    feature_names = ("sentence1", "sentence2")

    def split_features(x):
        return tuple([x[name] for name in feature_names]), x["label"]

    train_ds, test_ds, validation_ds = tfds.load("glue/mrpc", split=["train", "test", "validation"])
    train_ds = train_ds.map(split_features, num_parallel_calls=tf.data.AUTOTUNE)
    validation_ds = validation_ds.map(split_features, num_parallel_calls=tf.data.AUTOTUNE)
    return train_ds, test_ds, validation_ds


def preprocess_data(dataset, preprocessor):
    def preprocess_fn(feature, label):
        return preprocessor(feature), label
    return dataset.map(preprocess_fn).batch(FLAGS.batch_size).prefetch(tf.data.AUTOTUNE)


def main(_):
    if FLAGS.task != "mrpc":
        raise ValueError("task - mrpc is only supported currently.")

    model = keras_nlp.models.BertClassifier.from_preset(FLAGS.preset, num_classes=2, preprocessor=None)
    preprocessor = keras_nlp.models.BertPreprocessor.from_preset(FLAGS.preset)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    metrics = [keras.metrics.SparseCategoricalAccuracy()]

    train_ds, test_ds, validation_ds = load_data()
    train_ds = preprocess_data(dataset=train_ds, preprocessor=preprocessor)
    validation_ds = preprocess_data(dataset=validation_ds, preprocessor=preprocessor)

    lr = tf.keras.optimizers.schedules.PolynomialDecay(
        FLAGS.learning_rate,
        decay_steps=train_ds.cardinality() * FLAGS.epochs,
        end_learning_rate=0.0,
    )
    optimizer = tf.keras.optimizers.experimental.AdamW(lr, weight_decay=0.01, global_clipnorm=1.0)
    optimizer.exclude_from_weight_decay(var_names=["LayerNorm", "layer_norm", "bias"])
    model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
    model.fit(train_ds, validation_data=validation_ds, epochs=FLAGS.epochs)


if __name__ == "__main__":
    app.run(main)
