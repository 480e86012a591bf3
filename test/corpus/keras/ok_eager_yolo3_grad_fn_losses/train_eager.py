# Idiom seen in: penny4860/tf2-eager-yolo3 train_eager.py
# What it reproduces: the repository's argparse entry point building the network and generator from a
#   config and calling train_fn.
import argparse
import json

from bodynet import Bodynet
from train import train_fn
from yolo.dataset.generator import BatchGenerator

argparser = argparse.ArgumentParser(description='train yolo-v3 network')
argparser.add_argument('-c', '--config', default='configs/svhn.json')
argparser.add_argument('--weight_decay', type=float, default=5e-4)

if __name__ == '__main__':
    args = argparser.parse_args()
    with open(args.config) as f:
        config = json.load(f)
    model = Bodynet(weight_decay=args.weight_decay)
    train_generator = BatchGenerator(config['train']['train_annot_folder'],
                                     config['train']['train_image_folder'],
                                     batch_size=config['train']['batch_size'])
    train_fn(model, train_generator, learning_rate=config['train']['learning_rate'],
             num_epoches=config['train']['num_epoch'], save_dname=config['train']['save_folder'])
