# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: clean twin of the BIPN recommender: the embedding tables are regularized only by the
#   reg_weight * EmbLoss term in the loss; the Trainer builds Adam without weight_decay, so nothing is
#   decayed twice and there is no coupled Adam decay.
import argparse

from data_set import DataSet
from model import BIPN
from trainer import Trainer

if __name__ == '__main__':
    parser = argparse.ArgumentParser('Set args', add_help=False)
    parser.add_argument('--embedding_size', type=int, default=64)
    parser.add_argument('--reg_weight', type=float, default=1e-3)
    parser.add_argument('--data_name', type=str, default='yelp')
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--batch_size', type=int, default=1024)
    parser.add_argument('--epochs', type=int, default=200)
    parser.add_argument('--device', type=str, default='cuda:0')
    args = parser.parse_args()
    args.data_path = './data/Yelp'

    dataset = DataSet(args)
    model = BIPN(args, dataset).to(args.device)
    Trainer(model, dataset, args).train_model()
