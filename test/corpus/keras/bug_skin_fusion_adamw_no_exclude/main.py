# Idiom seen in: reyadhasan605/FLF-and-DLF-of-skin-disease main.py
# What it reproduces: argparse entry point that builds the fusion model and passes it through
#   train.compile_model (the AdamW without exclusions) and train.train_model (fit).
import argparse
import os

import tensorflow as tf

from data.dataloader import get_data_generators
from fusion_model import create_fusion_model
from train import compile_model, train_model


def parse_arguments():
    parser = argparse.ArgumentParser(description='Feature-Level Fusion for Dermatological Diagnosis')
    parser.add_argument('--mode', type=str, choices=['train', 'test'], default='train')
    parser.add_argument('--train_dir', type=str, default="")
    parser.add_argument('--test_dir', type=str, default="")
    parser.add_argument('--feature_checkpoint', type=str, default="")
    parser.add_argument('--image_size', type=int, default=224)
    parser.add_argument('--batch_size', type=int, default=16)
    parser.add_argument('--epochs', type=int, default=150)
    return parser.parse_args()


def main():
    args = parse_arguments()
    tf.random.set_seed(42)
    train_generator, test_generator = get_data_generators(
        args.train_dir, args.test_dir, image_size=(args.image_size, args.image_size), batch_size=args.batch_size)

    feature_model = create_fusion_model(args.train_dir, image_size=args.image_size,
                                        num_classes=len(os.listdir(args.train_dir)))
    feature_model = compile_model(feature_model)
    if args.mode == 'train':
        train_model(feature_model, train_generator, test_generator, args.feature_checkpoint, epochs=args.epochs)
    else:
        feature_model.load_weights(args.feature_checkpoint)
        print(feature_model.evaluate(test_generator))


if __name__ == "__main__":
    main()
