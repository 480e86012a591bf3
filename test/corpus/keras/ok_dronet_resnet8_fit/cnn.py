# Idiom seen in: uzh-rpg/rpg_public_dronet cnn.py
# Idiom seen in: uzh-rpg/rpg_public_dronet cnn_models.py
# What it reproduces: DroNet training: flags, compile with the two hard-mining losses and loss weights,
#   keras Adam(decay=1e-5) (a learning-rate decay, not weight decay) and fit_generator; fit adds the
#   layers' l2 terms to the loss. Clean.
import os
import sys

import numpy as np
from keras import optimizers
from keras.callbacks import ModelCheckpoint
from absl import app, flags

import cnn_models
import utils
import img_utils

FLAGS = flags.FLAGS
flags.DEFINE_string('experiment_rootdir', './model', 'Folder containing all the logs and models')
flags.DEFINE_string('train_dir', '../training', 'Folder containing training experiments')
flags.DEFINE_integer('img_width', 320, 'Target Image Width')
flags.DEFINE_integer('img_height', 240, 'Target Image Height')
flags.DEFINE_integer('batch_size', 32, 'Batch size in training and evaluation')
flags.DEFINE_integer('epochs', 100, 'Number of epochs for training')


def trainModel(train_data_generator, model, initial_epoch):
    model.alpha = 1.0
    model.beta = 0.0
    model.k_mse = np.int32(FLAGS.batch_size)
    model.k_entropy = np.int32(FLAGS.batch_size)
    optimizer = optimizers.Adam(decay=1e-5)
    model.compile(loss=[utils.hard_mining_mse(model.k_mse),
                        utils.hard_mining_entropy(model.k_entropy)],
                  optimizer=optimizer, loss_weights=[model.alpha, model.beta])
    weights_path = os.path.join(FLAGS.experiment_rootdir, 'weights_{epoch:03d}.h5')
    write_best_model = ModelCheckpoint(filepath=weights_path, monitor='val_loss', save_best_only=True)
    steps_per_epoch = int(np.ceil(train_data_generator.samples / FLAGS.batch_size))
    model.fit_generator(train_data_generator, epochs=FLAGS.epochs, steps_per_epoch=steps_per_epoch,
                        callbacks=[write_best_model], initial_epoch=initial_epoch)


def main(argv):
    train_datagen = img_utils.DroneDataGenerator(rotation_range=0.2, rescale=1. / 255)
    train_generator = train_datagen.flow_from_directory(FLAGS.train_dir, shuffle=True,
                                                        target_size=(FLAGS.img_height, FLAGS.img_width),
                                                        batch_size=FLAGS.batch_size)
    model = cnn_models.resnet8(FLAGS.img_width, FLAGS.img_height, 1, 1)
    trainModel(train_generator, model, 0)


if __name__ == '__main__':
    app.run(main)
