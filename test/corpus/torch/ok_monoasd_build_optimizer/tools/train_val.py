# Idiom seen in: pxrw/MonoASD lib/helpers/optimizer_helper.py
# What it reproduces: build_optimizer(cfg_optimizer, model) splitting parameters by "bias" in the name
# into a weight_decay=0 group and a decayed group, then AdamW or momentum SGD over those groups; the
# YAML config is read at run time. Clean: decoupled or SGD decay, biases excluded, no extra penalty.
import argparse
import os

import torch
import yaml

from lib.helpers.model_helper import build_model
from lib.helpers.dataloader_helper import build_dataloader
from lib.helpers.optimizer_helper import build_optimizer

parser = argparse.ArgumentParser(description='Monocular 3D object detection')
parser.add_argument('--config', dest='config', help='settings of detection in yaml format')
parser.add_argument('-e', '--evaluate_only', action='store_true', default=False)
args = parser.parse_args()


def main():
    assert os.path.exists(args.config)
    cfg = yaml.load(open(args.config, 'r'), Loader=yaml.Loader)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

    train_loader, test_loader = build_dataloader(cfg['dataset'])
    model = build_model(cfg['model']).to(device)
    optimizer = build_optimizer(cfg['optimizer'], model)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, cfg['lr_scheduler']['decay_list'], 0.1)

    for epoch in range(cfg['trainer']['max_epoch']):
        model.train()
        for inputs, calibs, targets, info in train_loader:
            inputs = inputs.to(device)
            for key in targets.keys():
                targets[key] = targets[key].to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            total_loss, stats = model.compute_loss(outputs, targets)
            total_loss.backward()
            optimizer.step()
        scheduler.step()
        print('epoch', epoch, 'loss', total_loss.item())


if __name__ == '__main__':
    main()
