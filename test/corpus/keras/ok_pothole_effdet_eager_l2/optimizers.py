# Idiom seen in: wangermeng2021/EfficientDet-tensorflow2 utils/optimizers.py
# What it reproduces: the optimizer factory: plain Keras SGD (Nesterov momentum) or Adam, no weight_decay
#   of their own.
import tensorflow as tf


def get_optimizers(args):
    if args.optimizer == 'sgd':
        optimizer = tf.keras.optimizers.SGD(learning_rate=args.init_lr, momentum=args.momentum,
                                            nesterov=args.nesterov, name='sgd')
    elif args.optimizer == 'adam':
        optimizer = tf.keras.optimizers.Adam(learning_rate=args.init_lr, name='adam')
    else:
        raise ValueError("{} is not supported!".format(args.optimizer))
    return optimizer
