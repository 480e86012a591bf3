# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 train.py
# What it reproduces: eager training loop with gradient accumulation: total_loss = data_loss +
# weight_decay * sum(l2_loss(v)) over trainable variables except batch_normalization, differentiated by the
# tape and applied by a Keras optimizer without decay of its own (clean).
import argparse
import sys

import tensorflow as tf

from model.losses import yolov4_loss
from model.scaled_yolov4 import ScaledYOLOv4
from generator.generator_builder import get_generator
from optimizers import yolov4_optimizers


def parse_args(args):
    parser = argparse.ArgumentParser(description='Simple training script for using ScaledYOLOv4.')
    parser.add_argument('--epochs', default=300, type=int)
    parser.add_argument('--batch-size', default=16, type=int)
    parser.add_argument('--model-type', default='tiny')
    parser.add_argument('--num-classes', default=20, type=int)
    parser.add_argument('--optimizer', default='sgd', help="choices=[adam,sgd]")
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--nesterov', default=True, type=bool)
    parser.add_argument('--weight-decay', default=5e-4, type=float)
    parser.add_argument('--init-lr', default=1e-3, type=float)
    parser.add_argument('--accumulated-gradient-num', default=1, type=int)
    return parser.parse_args(args)


def main(args):
    train_generator, val_generator = get_generator(args)
    model = ScaledYOLOv4(args.model_type, num_classes=args.num_classes)
    loss_fun = [yolov4_loss(args, grid_index) for grid_index in range(3)]
    optimizer = yolov4_optimizers(args)

    accumulate_num = args.accumulated_gradient_num
    accumulate_index = 0
    accum_gradient = [tf.Variable(tf.zeros_like(v)) for v in model.trainable_variables]

    for epoch in range(int(args.epochs)):
        train_loss = 0
        for batch_index, (batch_imgs, batch_labels) in enumerate(train_generator):
            with tf.GradientTape() as tape:
                model_outputs = model(batch_imgs, training=True)
                data_loss = 0
                for output_index, output_val in enumerate(model_outputs):
                    loss = loss_fun[output_index](batch_labels[output_index], output_val)
                    data_loss += tf.reduce_sum(loss)
                total_loss = data_loss + args.weight_decay * tf.add_n(
                    [tf.nn.l2_loss(v) for v in model.trainable_variables if 'batch_normalization' not in v.name])
            grads = tape.gradient(total_loss, model.trainable_variables)
            accum_gradient = [acc.assign_add(g) for acc, g in zip(accum_gradient, grads)]
            accumulate_index += 1
            if accumulate_index == accumulate_num:
                optimizer.apply_gradients(zip(accum_gradient, model.trainable_variables))
                accum_gradient = [acc.assign_sub(acc) for acc in accum_gradient]
                accumulate_index = 0
            train_loss += total_loss
        print("epoch:{}/{}, train_loss:{:.4f}".format(epoch, args.epochs, train_loss / (batch_index + 1)))


if __name__ == "__main__":
    main(parse_args(sys.argv[1:]))
