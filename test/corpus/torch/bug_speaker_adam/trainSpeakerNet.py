# Idiom seen in: gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: voxceleb_trainer-style optimizer module Optimizer(parameters, lr, weight_decay, **kwargs)
#   returning torch.optim.Adam with weight_decay (coupled L2), given every parameter of a BatchNorm
#   ResNet (SpeakerNet passes self.__model__.parameters()); decay from the --weight_decay flag.

import argparse

from DatasetLoader import get_data_loader
from SpeakerNet import SpeakerNet

parser = argparse.ArgumentParser(description="SpeakerNet")
parser.add_argument('--max_epoch', type=int, default=500)
parser.add_argument('--batch_size', type=int, default=200)
parser.add_argument('--lr', type=float, default=0.001, help='Learning rate')
parser.add_argument('--weight_decay', type=float, default=2e-5, help='Weight decay in the optimizer')
parser.add_argument('--nOut', type=int, default=512)
parser.add_argument('--nClasses', type=int, default=5994)
parser.add_argument('--train_list', type=str, default='data/train_list.txt')

args = parser.parse_args()


def main():
    s = SpeakerNet(**vars(args)).cuda()
    train_loader = get_data_loader(args.train_list, **vars(args))
    for it in range(1, args.max_epoch + 1):
        loss = s.train_network(train_loader)
        print('Epoch %d, TLOSS %f' % (it, loss))


if __name__ == '__main__':
    main()
