# Idiom seen in: breadbread1984/potential_prediction train_eager.py
# Idiom seen in: breadbread1984/potential_prediction models_tf.py
# What it reproduces: the repo's absl GradientTape loop with its Adam swapped for Keras AdamW(weight_decay=...) (a
#   realistic upgrade); no exclude_from_weight_decay() call, so the LayerNormalization gamma/beta and every bias
#   of the attention blocks are decayed as well.
from os import listdir, mkdir
from os.path import exists, join, splitext
from absl import app, flags
import tensorflow as tf
from models_tf import PredictorSmall
from create_dataset import Dataset

FLAGS = flags.FLAGS


def add_options():
    flags.DEFINE_string('dataset', default=None, help='path to directory containing train and test set')
    flags.DEFINE_string('ckpt', default='ckpt', help='path to directory for checkpoints')
    flags.DEFINE_integer('batch_size', default=128, help='batch size')
    flags.DEFINE_integer('save_freq', default=1000, help='checkpoint save frequency')
    flags.DEFINE_integer('epochs', default=600, help='epochs to train')
    flags.DEFINE_float('lr', default=1e-4, help='learning rate')
    flags.DEFINE_float('weight_decay', default=0.05, help='decoupled weight decay')
    flags.DEFINE_integer('decay_steps', default=200000, help='decay steps')


def search_datasets(dataset_path):
    train_list, val_list = list(), list()
    for f in listdir(dataset_path):
        stem, ext = splitext(f)
        if ext != '.tfrecord':
            continue
        if stem.startswith('trainset'):
            train_list.append(join(dataset_path, f))
        if stem.startswith('valset'):
            val_list.append(join(dataset_path, f))
    return train_list, val_list


def main(unused_argv):
    predictor = PredictorSmall(in_channel=4)
    schedule = tf.keras.optimizers.schedules.CosineDecayRestarts(FLAGS.lr, first_decay_steps=FLAGS.decay_steps)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=schedule, weight_decay=FLAGS.weight_decay)  # expect: WD203
    train_list, val_list = search_datasets(FLAGS.dataset)
    trainset = tf.data.TFRecordDataset(train_list).map(Dataset.get_parse_function()).shuffle(
        FLAGS.batch_size).batch(FLAGS.batch_size)
    if not exists(FLAGS.ckpt):
        mkdir(FLAGS.ckpt)
    checkpoint = tf.train.Checkpoint(model=predictor, optimizer=optimizer)
    checkpoint.restore(tf.train.latest_checkpoint(join(FLAGS.ckpt, 'ckpt')))
    log = tf.summary.create_file_writer(FLAGS.ckpt)
    for epoch in range(FLAGS.epochs):
        train_metric = tf.keras.metrics.Mean(name='loss')
        for sample, label in trainset:
            with tf.GradientTape() as tape:
                pred = predictor(sample)
                loss = tf.keras.losses.MeanAbsoluteError()(label, pred)
            train_metric.update_state(loss)
            grads = tape.gradient(loss, predictor.trainable_variables)
            optimizer.apply_gradients(zip(grads, predictor.trainable_variables))
            if optimizer.iterations % FLAGS.save_freq == 0:
                checkpoint.save(join(FLAGS.ckpt, 'ckpt'))
                with log.as_default():
                    tf.summary.scalar('loss', train_metric.result(), step=optimizer.iterations)
        print('epoch: %d loss: %f' % (epoch, train_metric.result()))
    checkpoint.save(join(FLAGS.ckpt, 'ckpt'))


if __name__ == "__main__":
    add_options()
    app.run(main)
