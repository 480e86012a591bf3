# Idiom seen in: KookHoiKim/GroupFree3dBaseline train_dist.py
# Idiom seen in: KookHoiKim/GroupFree3dBaseline debug.sh
# What it reproduces: the Group-Free 3D detector's AdamW with a separate (10x smaller) learning rate
#   for the transformer decoder; this version also splits each part into decayed weight matrices and
#   undecayed 1-D parameters (biases, BatchNorm/LayerNorm), so weight_decay=5e-4 only hits weights. Clean.
import argparse

import torch
import torch.optim as optim
from torch.utils.data import DataLoader

from models import GroupFreeDetector, get_loss
from scannet.scannet_detection_dataset import ScannetDetectionDataset
from scannet.model_util_scannet import ScannetDatasetConfig


def parse_option():
    parser = argparse.ArgumentParser()
    parser.add_argument('--num_point', type=int, default=50000)
    parser.add_argument('--num_decoder_layers', default=6, type=int)
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--max_epoch', type=int, default=400)
    parser.add_argument('--weight_decay', type=float, default=0.0005)
    parser.add_argument('--learning_rate', type=float, default=0.006)
    parser.add_argument('--decoder_learning_rate', type=float, default=0.0006)
    parser.add_argument('--clip_norm', default=0.1, type=float)
    return parser.parse_args()


def build_param_dicts(model, args):
    groups = {(is_dec, decayed): [] for is_dec in (False, True) for decayed in (False, True)}
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        decayed = not (p.ndim == 1 or n.endswith(".bias"))
        groups[("decoder" in n, decayed)].append(p)
    return [
        {"params": groups[(False, True)], "weight_decay": args.weight_decay},
        {"params": groups[(False, False)], "weight_decay": 0.0},
        {"params": groups[(True, True)], "weight_decay": args.weight_decay, "lr": args.decoder_learning_rate},
        {"params": groups[(True, False)], "weight_decay": 0.0, "lr": args.decoder_learning_rate},
    ]


def main(args):
    dataset_config = ScannetDatasetConfig()
    train_set = ScannetDetectionDataset('train', num_points=args.num_point, augment=True)
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4, drop_last=True)
    model = GroupFreeDetector(num_class=dataset_config.num_class,
                              num_heading_bin=dataset_config.num_heading_bin,
                              num_size_cluster=dataset_config.num_size_cluster,
                              mean_size_arr=dataset_config.mean_size_arr,
                              num_decoder_layers=args.num_decoder_layers).cuda()
    optimizer = optim.AdamW(build_param_dicts(model, args), lr=args.learning_rate)
    for epoch in range(1, args.max_epoch + 1):
        model.train()
        for batch_data_label in train_loader:
            for key in batch_data_label:
                batch_data_label[key] = batch_data_label[key].cuda(non_blocking=True)
            end_points = model({'point_clouds': batch_data_label['point_clouds']})
            end_points.update(batch_data_label)
            loss, end_points = get_loss(end_points, dataset_config, num_decoder_layers=args.num_decoder_layers)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_norm)
            optimizer.step()


if __name__ == '__main__':
    main(parse_option())
