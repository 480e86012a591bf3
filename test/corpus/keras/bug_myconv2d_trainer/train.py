# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/layers/my_conv2D.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/utils/trainer.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/train.py
# What it reproduces: the real repository's bug: a custom MyConv2D layer builds its Conv2D with kernel_regularizer=l2(REG_FACTOR),
#   but the Trainer class trains with a GradientTape whose loss is self.loss_fn(y_true, y_pred) only: model.losses never added.
import os

import tensorflow as tf

from dataset.mnist import MNISTDatasetCreator
from model_config import ModelConfig
from small_net import SmallNet
from trainer import Trainer


def train(model, dataset, checkpoint_dir='checkpoints'):
    optimizer = tf.keras.optimizers.RMSprop(learning_rate=ModelConfig.LR)
    loss_fn = tf.losses.SparseCategoricalCrossentropy(from_logits=False)
    trainer = Trainer(model, optimizer, loss_fn, dataset)

    best_loss = 1000
    for epoch in range(ModelConfig.MAX_EPOCHS):
        train_loss, train_acc = trainer.train_epoch()
        print(f'\nEpoch {epoch}: loss {train_loss}, acc {train_acc}')
        if train_loss < best_loss:
            best_loss = train_loss
            model.save(os.path.join(checkpoint_dir, f'train_{epoch}'))
        if epoch % 5 == 0:
            val_loss, val_acc = trainer.val_epoch()
            print(f'Validation loss: {val_loss}, accuracy: {val_acc}')


def main():
    dataset = MNISTDatasetCreator(batch_size=ModelConfig.BATCH_SIZE)
    model = SmallNet(dataset.input_shape, dataset.num_classes)
    model.summary()
    train(model, dataset)


if __name__ == '__main__':
    main()
