# Idiom seen in: oblivisheee/novelsdreamer-ru-t4m-train-example modules/train_step.py (driver of its Epoch helper)
# What it reproduces: entry point reading hyper-parameters from a json config, building the model and
#   driving the Epoch helper.
# label-note: no label here (Adam without weight_decay).
import argparse
import json

import tensorflow as tf

from model import TextClassifier
from train_step import Epoch
from datagen import build_datasets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', default='train_config.json')
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)

    train_ds, val_ds, vocab_size = build_datasets(cfg['data_dir'], cfg['batch_size'])
    model = TextClassifier(vocab_size, cfg['d_model'], cfg['dff'], cfg['num_layers'],
                           cfg['num_classes'], l2=cfg.get('l2', 0.001))
    optimizer = tf.keras.optimizers.Adam(learning_rate=cfg['learning_rate'])
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    epoch = Epoch(model, optimizer, [tf.keras.metrics.SparseCategoricalAccuracy()], loss_object)

    for i in range(cfg['epochs']):
        results, last_loss = epoch.run(train_ds)
        print('epoch', i + 1, 'loss', float(last_loss), results)
    model.save_weights('classifier.weights.h5')


if __name__ == '__main__':
    main()
