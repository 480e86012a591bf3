# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 utils/optimizers.py
# What it reproduces: the optimizer factory of the eager YOLO trainer: Keras SGD / Adam with no
# weight_decay of their own; the decay lives only in train.py's explicit l2 term (clean).
import tensorflow as tf


def yolov4_optimizers(args):
    if args.optimizer == 'sgd':
        optimizer = tf.keras.optimizers.SGD(learning_rate=args.init_lr, momentum=args.momentum,
                                            nesterov=args.nesterov, name='sgd')
    elif args.optimizer == 'adam':
        optimizer = tf.keras.optimizers.Adam(learning_rate=args.init_lr, name='adam')
    else:
        raise ValueError("{} is invalid!".format(args.optimizer))
    return optimizer
