# Idiom seen in: jkjung-avt/keras_imagenet models/models.py (get_training_model and its arguments)
# What it reproduces: argparse-driven ImageNet training; data comes from utils.dataset (not in the
# workspace); the model's add_loss decay terms are picked up by model.fit. Correctly wired.
import argparse
import os

import tensorflow as tf

from models.models import get_optimizer, get_training_model, get_weight_decay
from utils.dataset import get_dataset

DESCRIPTION = """For example:
$ python3 train.py --dataset_dir ${HOME}/data/ILSVRC2012/tfrecords mobilenet_v2
"""


def parse_args():
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument('--dataset_dir', type=str, default=os.path.join(os.environ.get('HOME', '.'), 'data'))
    parser.add_argument('--dropout_rate', type=float, default=0.0)
    parser.add_argument('--optimizer', type=str, default='adam', choices=['sgd', 'adam', 'rmsprop'])
    parser.add_argument('--epsilon', type=float, default=1e-1)
    parser.add_argument('--label_smoothing', action='store_true')
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--initial_lr', type=float, default=5e-2)
    parser.add_argument('--weight_decay', type=float, default=-1)
    parser.add_argument('--epochs', type=int, default=60)
    parser.add_argument('model', type=str)
    return parser.parse_args()


def train(model_name, dropout_rate, optim_name, epsilon, label_smoothing,
          batch_size, initial_lr, weight_decay, epochs, dataset_dir):
    ds_train = get_dataset(dataset_dir, 'train', batch_size)
    ds_valid = get_dataset(dataset_dir, 'validation', batch_size)
    optimizer = get_optimizer(optim_name, initial_lr, epsilon)
    weight_decay = get_weight_decay(model_name, weight_decay)
    model = get_training_model(model_name=model_name, dropout_rate=dropout_rate, optimizer=optimizer,
                               label_smoothing=label_smoothing, weight_decay=weight_decay)
    save_name = model_name if not model_name.endswith('.h5') else os.path.split(model_name)[-1].split('.')[0]
    model.fit(x=ds_train, steps_per_epoch=1281167 // batch_size,
              validation_data=ds_valid, validation_steps=50000 // batch_size,
              callbacks=[tf.keras.callbacks.ModelCheckpoint('saves/%s-ckpt-{epoch:03d}.h5' % save_name)],
              epochs=epochs, verbose=1)
    model.save('saves/%s-model-final.h5' % save_name)


def main():
    args = parse_args()
    train(args.model, args.dropout_rate, args.optimizer, args.epsilon, args.label_smoothing,
          args.batch_size, args.initial_lr, args.weight_decay, args.epochs, args.dataset_dir)


if __name__ == '__main__':
    main()
