# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: multi-behaviour recommender whose loss adds reg_weight * EmbLoss(user/item tables)
#   (squared norms, RecBole-style require_pow) while the Trainer's Adam also gets weight_decay=args.decay:
#   the embedding tables are decayed twice, once coupled through Adam. The model has no biases or norms.
import argparse

import torch

from data_set import DataSet
from model import BIPN
from trainer import Trainer

if __name__ == '__main__':
    parser = argparse.ArgumentParser('Set args', add_help=False)
    parser.add_argument('--embedding_size', type=int, default=64)
    parser.add_argument('--reg_weight', type=float, default=1e-3)
    parser.add_argument('--log_reg', type=float, default=0.5)
    parser.add_argument('--data_name', type=str, default='tmall')
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--decay', type=float, default=0.001)
    parser.add_argument('--batch_size', type=int, default=1024)
    parser.add_argument('--epochs', type=int, default=200)
    parser.add_argument('--device', type=str, default='cuda:0')
    args = parser.parse_args()
    args.data_path = './data/Tmall'
    args.behaviors = ['click', 'collect', 'cart', 'buy']

    dataset = DataSet(args)
    model = BIPN(args, dataset).to(args.device)
    trainer = Trainer(model, dataset, args)
    trainer.train_model()
