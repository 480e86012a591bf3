# Idiom seen in: wangermeng2021/EfficientDet-tensorflow2 train.py
# What it reproduces: the eager training loop of an EfficientDet pothole detector: the loss taken by the
#   tape is the focal/huber data loss plus weight_decay * sum(l2_loss) over the non-batch-norm trainable
#   variables, gradients are accumulated over several batches and applied with a decay-free Keras
#   optimizer. Clean: one explicit L2, no optimizer decay.
import argparse
import os

import tensorflow as tf
from tqdm import tqdm

from generator.generator_builder import get_generator  # VOC/COCO generators, not in this folder
from losses.loss_builder import get_loss  # focal + huber losses, not in this folder
from model.model_builder import get_model  # EfficientDet-D0 builder, not in this folder
from optimizers import get_optimizers
from utils.lr_scheduler import get_lr_scheduler  # not in this folder


def parse_args():
    parser = argparse.ArgumentParser(description='Simple training script for using EfficientDet.')
    parser.add_argument('--model-type', default='d0')
    parser.add_argument('--epochs', default=200, type=int)
    parser.add_argument('--batch-size', default=8, type=int)
    parser.add_argument('--dataset', default='dataset/pothole_voc')
    parser.add_argument('--num-classes', default=1, type=int)
    parser.add_argument('--optimizer', default='adam', help="choices=[adam,sgd]")
    parser.add_argument('--momentum', default=0.9)
    parser.add_argument('--nesterov', default=True)
    parser.add_argument('--weight-decay', default=5e-4, type=float)
    parser.add_argument('--init-lr', default=1e-3, type=float)
    parser.add_argument('--accumulated-gradient-num', default=1, type=int)
    parser.add_argument('--min-level', default=3, type=int)
    parser.add_argument('--max-level', default=7, type=int)
    parser.add_argument('--checkpoints-dir', default='./checkpoints')
    return parser.parse_args()


def main(args):
    train_generator, val_dataset, pred_generator = get_generator(args)
    model = get_model(args, training=True)
    loss_fun = get_loss(args)
    lr_scheduler = get_lr_scheduler(args)
    optimizer = get_optimizers(args)

    accumulate_index = 0
    accum_gradient = [tf.Variable(tf.zeros_like(v)) for v in model.trainable_variables]
    train_writer = tf.summary.create_file_writer("logs/train")

    for epoch in range(int(args.epochs)):
        optimizer.learning_rate.assign(lr_scheduler(epoch))
        train_loss = 0
        progress = tqdm(enumerate(train_generator), total=len(train_generator))
        for batch_index, (batch_imgs, batch_labels) in progress:
            with tf.GradientTape() as tape:
                model_outputs = model(batch_imgs, training=True)
                cls_loss, box_loss = 0, 0
                for level in range(args.max_level - args.min_level + 1):
                    cls_loss += loss_fun[0][level](batch_labels[0][level], model_outputs[0][level])
                    box_loss += loss_fun[1][level](batch_labels[1][level], model_outputs[1][level])
                data_loss = cls_loss + box_loss
                l2 = tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables if 'batch_normalization' not in v.name])
                total_loss = data_loss + args.weight_decay * l2
            grads = tape.gradient(total_loss, model.trainable_variables)
            accum_gradient = [acc.assign_add(g) for acc, g in zip(accum_gradient, grads)]
            accumulate_index += 1
            if accumulate_index == args.accumulated_gradient_num:
                optimizer.apply_gradients(zip(accum_gradient, model.trainable_variables))
                accum_gradient = [g.assign_sub(g) for g in accum_gradient]
                accumulate_index = 0
            train_loss += total_loss
            progress.set_description("epoch:{}/{},train_loss:{:.4f}".format(
                epoch, args.epochs, train_loss / (batch_index + 1)))
        train_generator.on_epoch_end()
        with train_writer.as_default():
            tf.summary.scalar("train_loss", train_loss / len(train_generator), step=epoch)
        model.save_weights(os.path.join(args.checkpoints_dir, 'efficientdet_{}_epoch_{}'.format(args.model_type, epoch)))


if __name__ == '__main__':
    main(parse_args())
