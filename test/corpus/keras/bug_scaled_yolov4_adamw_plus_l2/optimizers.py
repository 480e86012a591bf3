# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 utils/optimizers.py
# What it reproduces: the optimizer factory extended with an 'adamw' choice (the new default in train.py):
# Keras AdamW decays every trainable variable (no exclude_from_weight_decay) while train.py still adds its
# explicit l2 term, so the conv kernels are decayed twice (user mistake in the repository's idiom).
import tensorflow as tf


def yolov4_optimizers(args):
    if args.optimizer == 'sgd':
        optimizer = tf.keras.optimizers.SGD(learning_rate=args.init_lr, momentum=args.momentum,
                                            nesterov=args.nesterov, name='sgd')
    elif args.optimizer == 'adamw':
        optimizer = tf.keras.optimizers.AdamW(learning_rate=args.init_lr, weight_decay=args.weight_decay, name='adamw')  # expect: WD203
    else:
        raise ValueError("{} is invalid!".format(args.optimizer))
    return optimizer
