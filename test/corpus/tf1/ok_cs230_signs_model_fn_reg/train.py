# Idiom seen in: cs230-stanford/cs230-code-examples tensorflow/vision/train.py
# What it reproduces: the CS230 driver: Params from params.json (holding l2_reg), input_fn from a module
#   the workspace lacks, model_fn for 'train' and 'eval' (reuse=True), then train_and_evaluate.
import argparse
import os
import random

import tensorflow as tf

from input_fn import input_fn
from utils import Params, set_logger
from model_fn import model_fn
from training import train_and_evaluate

parser = argparse.ArgumentParser()
parser.add_argument('--model_dir', default='experiments/base_model')
parser.add_argument('--data_dir', default='data/64x64_SIGNS')

if __name__ == '__main__':
    tf.set_random_seed(230)
    args = parser.parse_args()
    params = Params(os.path.join(args.model_dir, 'params.json'))
    set_logger(os.path.join(args.model_dir, 'train.log'))

    train_dir = os.path.join(args.data_dir, 'train_signs')
    filenames = [os.path.join(train_dir, f) for f in os.listdir(train_dir)]
    random.seed(230)
    random.shuffle(filenames)
    labels = [int(os.path.basename(f)[0]) for f in filenames]
    split = int(0.9 * len(filenames))
    params.train_size = split
    params.eval_size = len(filenames) - split

    train_inputs = input_fn(True, filenames[:split], labels[:split], params)
    eval_inputs = input_fn(False, filenames[split:], labels[split:], params)
    train_model_spec = model_fn('train', train_inputs, params)
    eval_model_spec = model_fn('eval', eval_inputs, params, reuse=True)
    train_and_evaluate(train_model_spec, eval_model_spec, args.model_dir, params)
