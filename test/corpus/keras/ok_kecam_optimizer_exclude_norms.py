# Idiom seen in: leondgarse/keras_cv_attention_models keras_cv_attention_models/imagenet/train_func.py
# What it reproduces: init_optimizer picks a Keras 2.11+ optimizer class from a dict, passes weight_decay
#   (decoupled) when the class accepts it, and then calls optimizer.exclude_from_weight_decay(var_names=
#   ["/gamma", "/beta", "/bias", ...]) once; no layer regularizers; compile + fit: clean.
import argparse
import inspect

import tensorflow as tf
from tensorflow import keras

from data import init_dataset


def parse_arguments():
    parser = argparse.ArgumentParser(formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("-m", "--model", type=str, default="EfficientNetV2B0")
    parser.add_argument("-i", "--input_shape", type=int, default=160)
    parser.add_argument("-b", "--batch_size", type=int, default=256)
    parser.add_argument("-e", "--epochs", type=int, default=105)
    parser.add_argument("--lr_base_512", type=float, default=8e-3)
    parser.add_argument("--weight_decay", type=float, default=0.05)
    parser.add_argument("--optimizer", type=str, default="AdamW")
    parser.add_argument("--label_smoothing", type=float, default=0.1)
    return parser.parse_args()


def _init_buildin_optimizer_(optimizer_class, lr_base, weight_decay, no_weight_decay, momentum=0.9, **kwargs):
    is_weight_decay_supported = "weight_decay" in inspect.signature(optimizer_class).parameters
    if is_weight_decay_supported:
        kwargs.update({"weight_decay": weight_decay})
    if "momentum" in inspect.signature(optimizer_class).parameters:
        kwargs.update({"momentum": momentum})
    print(">>>> optimizer kwargs:", kwargs)
    optimizer = optimizer_class(learning_rate=lr_base, **kwargs)

    if is_weight_decay_supported:
        optimizer.exclude_from_weight_decay(var_names=no_weight_decay)
    return optimizer


def init_optimizer(optimizer, lr_base, weight_decay, momentum=0.9):
    optimizer = optimizer.lower()
    buildin_optimizers = {
        "sgd": (keras.optimizers.SGD, {}),
        "rmsprop": (keras.optimizers.RMSprop, {}),
        "adamw": (keras.optimizers.AdamW, {"beta_1": 0.9, "beta_2": 0.999, "global_clipnorm": 10.0}),
    }
    no_weight_decay = ["/gamma", "/beta", "/bias", "/positional_embedding", "/no_weight_decay"]
    optimizer_class, kwargs = buildin_optimizers[optimizer]
    return _init_buildin_optimizer_(optimizer_class, lr_base, weight_decay, no_weight_decay, momentum, **kwargs)


def main():
    args = parse_arguments()
    lr_base = args.lr_base_512 * args.batch_size / 512
    train_dataset, test_dataset, total_images, num_classes, steps_per_epoch = init_dataset(
        "imagenet2012", input_shape=(args.input_shape, args.input_shape), batch_size=args.batch_size)

    model = getattr(keras.applications, args.model)(classes=num_classes, weights=None,
                                                   input_shape=(args.input_shape, args.input_shape, 3))
    optimizer = init_optimizer(args.optimizer, lr_base, args.weight_decay)
    loss = keras.losses.CategoricalCrossentropy(label_smoothing=args.label_smoothing)
    model.compile(optimizer=optimizer, loss=loss, metrics=["acc"])

    lr_scheduler = keras.callbacks.LearningRateScheduler(
        lambda epoch: lr_base * 0.5 * (1 + tf.math.cos(3.14159 * epoch / args.epochs)).numpy())
    model.fit(train_dataset, epochs=args.epochs, validation_data=test_dataset,
              steps_per_epoch=steps_per_epoch, callbacks=[lr_scheduler, keras.callbacks.TerminateOnNaN()])
    model.save(model.name + ".h5")


if __name__ == "__main__":
    main()
