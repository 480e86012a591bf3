# Idiom seen in: CentauriStar/Rotation-Invariant-Point-Cloud-Analysis cls_train.py
# Idiom seen in: CentauriStar/Rotation-Invariant-Point-Cloud-Analysis scripts/train/Scan_so3.sh
# What it reproduces: the entry script that parses the options and drives the trainer; the decay
#   findings are in cls_trainer.build_optimizer (Adam with weight_decay, all parameters decayed).
import argparse

from cls_trainer import cls_Trainer

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--workers', type=int, default=4)
parser.add_argument('--nepoch', type=int, default=500)
parser.add_argument('--lrate', type=float, default=0.001)
parser.add_argument('--k', type=int, default=20)
parser.add_argument('--dp', type=float, default=0.5)
parser.add_argument('--use_sgd', action='store_true')
parser.add_argument('--sgd_momentum', type=float, default=0.9)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--use_annl', action='store_true')
parser.add_argument('--smooth', action='store_true')
parser.add_argument('--with_norm', action='store_true')
opt = parser.parse_args()

if __name__ == '__main__':
    trainer = cls_Trainer(opt)
    trainer.build_dataset()
    trainer.build_network()
    trainer.build_optimizer()
    trainer.build_losses()
    for epoch in range(opt.nepoch):
        trainer.train_epoch()
