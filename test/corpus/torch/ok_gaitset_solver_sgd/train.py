# Idiom seen in: ZhichaoDuan/GaitRecognition tools/train.py
# Idiom seen in: ZhichaoDuan/GaitRecognition engine/trainer.py
# What it reproduces: yacs-driven training entry (merge_from_file / merge_from_list), triplet loss on the part
#   features, make_optimizer from the config (clean).
import argparse
import sys
sys.path.append('.')

from defaults import cfg
from setnet import SetNet
from solver_build import make_optimizer
from data import make_data_loader
from losses import TripletLoss


def do_train(model, optimizer, cfg, train_loader, loss_fn):
    model.train()
    it = 0
    while it < cfg.TRAIN.MAX_ITERS:
        for seqs, labels in train_loader:
            feature = model(seqs)
            loss, _ = loss_fn(feature, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            it += 1
            if it >= cfg.TRAIN.MAX_ITERS:
                break


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config_file", default=None, type=str)
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.config_file is not None:
        cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()

    train_loader = make_data_loader(cfg, 'train')
    model = SetNet(cfg)
    optimizer = make_optimizer(cfg, model)
    loss_fn = TripletLoss(cfg.TRAIN.TRIPLET_LOSS.MARGIN)
    do_train(model, optimizer, cfg, train_loader, loss_fn)


if __name__ == "__main__":
    main()
