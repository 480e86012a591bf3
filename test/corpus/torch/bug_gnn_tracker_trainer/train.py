# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: HEP track-finding GNN trainer; the optimizer class is getattr(torch.optim, name) with the
#   config's optimizer_config splatted in (name Adam, weight_decay 1e-4: coupled L2) and given all of
#   self.model.parameters() (biases and LayerNorm decayed too).
import argparse
import logging

from datasets import get_data_loaders
from base_trainer import GNNBaseTrainer
from configs import CONFIG


def parse_args():
    parser = argparse.ArgumentParser('train.py')
    parser.add_argument('--gpu', type=int)
    parser.add_argument('--distributed', choices=['ddp-file', 'ddp-mpi'])
    parser.add_argument('-v', '--verbose', action='store_true')
    return parser.parse_args()


def main():
    args = parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    config = CONFIG
    train_data_loader, valid_data_loader = get_data_loaders(distributed=args.distributed is not None,
                                                            **config['data'])
    trainer = GNNBaseTrainer(output_dir=config['output_dir'], gpu=args.gpu,
                             distributed_mode=args.distributed)
    trainer.build_model(**config['model'])
    trainer.train(train_data_loader, valid_data_loader=valid_data_loader, **config['training'])


if __name__ == '__main__':
    main()
