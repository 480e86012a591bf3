# Idiom seen in: breadbread1984/potential_prediction train_keras.py
# Idiom seen in: breadbread1984/potential_prediction models_tf.py
# What it reproduces: the repo's compile/fit trainer (optionally under MirroredStrategy) for an attention-based
#   potential predictor, using Keras AdamW with one exclude_from_weight_decay call that keeps LayerNormalization
#   and bias variables out of the decay; the layers carry no regularizers. Clean.
from os import listdir
from os.path import join, splitext

import tensorflow as tf
from absl import app, flags

from potential_models import PredictorSmall
from create_dataset import Dataset

FLAGS = flags.FLAGS


def add_options():
    flags.DEFINE_string('dataset', default=None, help='path to directory containing train and test set')
    flags.DEFINE_string('ckpt', default='ckpt', help='path to directory for checkpoints')
    flags.DEFINE_integer('batch_size', default=128, help='batch size')
    flags.DEFINE_integer('epochs', default=600, help='epochs to train')
    flags.DEFINE_float('lr', default=1e-4, help='learning rate')
    flags.DEFINE_float('weight_decay', default=0.05, help='decoupled weight decay')
    flags.DEFINE_integer('decay_steps', default=200000, help='decay steps')
    flags.DEFINE_boolean('dist', default=False, help='use MirroredStrategy')


def make_optimizer():
    schedule = tf.keras.optimizers.schedules.CosineDecayRestarts(FLAGS.lr, first_decay_steps=FLAGS.decay_steps)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=schedule, weight_decay=FLAGS.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=['layer_normalization', 'bias'])
    return optimizer


def search_datasets(dataset_path):
    files = [join(dataset_path, f) for f in listdir(dataset_path) if splitext(f)[1] == '.tfrecord']
    return [f for f in files if 'trainset' in f], [f for f in files if 'valset' in f]


def main(unused_argv):
    if FLAGS.dist:
        strategy = tf.distribute.MirroredStrategy()
        with strategy.scope():
            predictor = PredictorSmall(in_channel=4)
            optimizer = make_optimizer()
        batch_size = FLAGS.batch_size * strategy.num_replicas_in_sync
    else:
        predictor = PredictorSmall(in_channel=4)
        optimizer = make_optimizer()
        batch_size = FLAGS.batch_size
    predictor.compile(optimizer=optimizer, loss=[tf.keras.losses.MeanAbsoluteError()],
                      metrics=[tf.keras.metrics.MeanAbsoluteError()])
    train_list, val_list = search_datasets(FLAGS.dataset)
    trainset = tf.data.TFRecordDataset(train_list).map(Dataset.get_parse_function()).shuffle(batch_size).batch(batch_size)
    valset = tf.data.TFRecordDataset(val_list).map(Dataset.get_parse_function()).batch(batch_size)
    callbacks = [tf.keras.callbacks.TensorBoard(log_dir=FLAGS.ckpt),
                 tf.keras.callbacks.ModelCheckpoint(filepath=join(FLAGS.ckpt, 'ckpt'), save_freq=1000)]
    predictor.fit(trainset, epochs=FLAGS.epochs, validation_data=valset, callbacks=callbacks)


if __name__ == '__main__':
    add_options()
    app.run(main)
