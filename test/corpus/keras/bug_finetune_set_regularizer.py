# Idiom seen in: repository not resolved by the code index (index file id 941530436: "Author: qianlinliang", def regularizer_l2(model, lamb) looping model.layers and setting layer.kernel_regularizer)
# What it reproduces: fine-tuning a keras.applications backbone whose layers get kernel_regularizer assigned after the
#   model is built: no loss is created for them (WD106). The new Dense head, built with kernel_regularizer=, is fine.
import argparse
import os

import tensorflow as tf
import yaml

from data.pipeline import make_datasets


def regularizer_l2(model, lamb):
    """ L2 regularizer """
    for layer in model.layers:
        layer.kernel_regularizer = tf.keras.regularizers.l2(lamb)  # expect: WD106


def build_model(cfg):
    base = tf.keras.applications.MobileNetV2(input_shape=(cfg['img_size'], cfg['img_size'], 3),
                                             include_top=False, weights='imagenet')
    base.trainable = cfg['train_backbone']
    model = tf.keras.Sequential([
        base,
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dropout(cfg['dropout']),
        tf.keras.layers.Dense(cfg['num_classes'], activation='softmax',
                              kernel_regularizer=tf.keras.regularizers.l2(cfg['weight_decay'])),
    ])
    return base, model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', default='configs/flowers.yaml')
    parser.add_argument('--out', default='checkpoints')
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    train_ds, val_ds = make_datasets(cfg['data_dir'], cfg['img_size'], cfg['batch_size'])
    base, model = build_model(cfg)
    if cfg.get('regularize_backbone', True):
        regularizer_l2(base, cfg['weight_decay'])

    optimizer = tf.keras.optimizers.SGD(learning_rate=cfg['lr'], momentum=0.9, nesterov=True)
    model.compile(optimizer=optimizer,
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(),
                  metrics=['accuracy'])
    model.summary()

    os.makedirs(args.out, exist_ok=True)
    callbacks = [
        tf.keras.callbacks.ModelCheckpoint(os.path.join(args.out, 'best.h5'), save_best_only=True,
                                           monitor='val_accuracy'),
        tf.keras.callbacks.ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=3),
    ]
    model.fit(train_ds, validation_data=val_ds, epochs=cfg['epochs'], callbacks=callbacks)
    print('regularization terms tracked:', len(model.losses))


if __name__ == '__main__':
    main()
