# Idiom seen in: PHETpierre/tensorflow quickstartExpert.py
# What it reproduces: speech-commands training driver: MFCC datasets from an input module not in the
#   workspace, absl flags, compile with categorical cross entropy on logits and fit (running the
#   override in model.py). Clean.
from absl import app, flags
import tensorflow as tf

from model import DSCNN
from speech_input import make_mfcc_datasets

FLAGS = flags.FLAGS
flags.DEFINE_string("data_dir", "/data/speech_commands_v0.02", "dataset root")
flags.DEFINE_integer("epochs", 40, "epochs")
flags.DEFINE_float("lr", 1e-3, "learning rate")
flags.DEFINE_float("weight_decay", 1e-4, "L2 on kernels")


def main(_):
    train_ds, val_ds, labels = make_mfcc_datasets(FLAGS.data_dir, batch_size=100)
    model = DSCNN(num_classes=len(labels), weight_decay=FLAGS.weight_decay)
    model.compile(optimizer=tf.keras.optimizers.Adam(FLAGS.lr),
                  loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
                  metrics=[tf.keras.metrics.CategoricalAccuracy()])
    model.fit(train_ds, validation_data=val_ds, epochs=FLAGS.epochs)


if __name__ == "__main__":
    app.run(main)
