# Idiom seen in: sbl1996/hanser hanser/train/__init__.py (l2_regularizer applied to a built model)
# What it reproduces: fine-tuning a tf.keras.applications ResNet50V2 whose l2 is attached after loading
#   the ImageNet weights, trained by learner.Learner.
# label-note: clean; SGD without weight_decay.
import tensorflow as tf

from regularize import l2_regularizer
from learner import Learner
from hanser_datasets import imagenette_train

HPARAMS = dict(num_classes=10, weight_decay=1e-4, lr=0.01, epochs=30, batch_size=64)


def main():
    base = tf.keras.applications.ResNet50V2(include_top=False, weights='imagenet',
                                            input_shape=(224, 224, 3), pooling='avg')
    outputs = tf.keras.layers.Dense(HPARAMS['num_classes'])(base.output)
    model = tf.keras.Model(base.input, outputs)
    model = l2_regularizer(model, HPARAMS['weight_decay'])

    criterion = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(learning_rate=HPARAMS['lr'], momentum=0.9, nesterov=True)
    learner = Learner(model, criterion, optimizer)
    learner.fit(imagenette_train(HPARAMS['batch_size']), HPARAMS['epochs'])


if __name__ == '__main__':
    main()
