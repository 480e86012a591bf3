# Idiom seen in: rutgerswiselab/NCR src/main.py
# What it reproduces: argparse front end that registers the runner's arguments, builds the model and the runner from args (args.l2 feeds both the optimizer weight_decay and the loss penalty inside the runner) and starts training; the data processor module is not part of this folder.
import argparse
import logging

import torch

from data_processor.pro_logic_dp import ProLogicRecDP
from models.ncr import NCR
from runners.base_runner import BaseRunner


def main():
    parser = argparse.ArgumentParser(description='NCR')
    parser.add_argument('--gpu', type=str, default='0')
    parser.add_argument('--random_seed', type=int, default=2018)
    parser.add_argument('--emb_size', type=int, default=64)
    parser.add_argument('--dataset', type=str, default='ml100k01-1-5')
    parser = BaseRunner.parse_runner_args(parser)
    args, _ = parser.parse_known_args()
    logging.basicConfig(level=logging.INFO)

    data_processor = ProLogicRecDP(args.dataset, max_his=5)
    model = NCR(user_num=data_processor.user_num, item_num=data_processor.item_num,
                emb_size=args.emb_size, random_seed=args.random_seed)
    if torch.cuda.is_available():
        model = model.cuda()

    runner = BaseRunner(optimizer=args.optimizer, learning_rate=args.lr,
                        epoch=args.epoch, batch_size=args.batch_size, l2=args.l2)
    runner.train(model, data_processor)


if __name__ == '__main__':
    main()
