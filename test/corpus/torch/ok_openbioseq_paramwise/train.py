# Idiom seen in: Westlake-AI/OpenBioSeq configs/classification/neuro/EMG/cnn/cnn5/cnn5_p4_bs128_ep40.py
# Idiom seen in: Westlake-AI/OpenBioSeq openbioseq/core/optimizer/builder.py
# What it reproduces: EMG gesture classification with a plain 1D CNN whose norm layers are named
#   bn<k> and whose convs have no bias; the config's regex groups exclude every norm parameter and
#   the head bias from AdamW's decay. Clean.
import torch
import torch.nn as nn
from mmcv import Config

from builder import build_optimizer
from openbioseq.datasets import build_dataloader, build_dataset


class PlainCNN(nn.Module):
    def __init__(self, depth=5, in_channels=16, patch_size=4, kernel_size=9, base_channels=64,
                 out_channels=512, drop_rate=0.1, num_classes=18):
        super().__init__()
        self.patch = nn.Conv1d(in_channels, base_channels, patch_size, stride=patch_size, bias=False)
        self.bn0 = nn.BatchNorm1d(base_channels)
        convs, chs = [], base_channels
        for i in range(depth - 1):
            nxt = out_channels if i == depth - 2 else chs * 2
            convs.append(nn.Sequential())
            convs[-1].add_module('conv%d' % (i + 1), nn.Conv1d(chs, nxt, kernel_size, padding=kernel_size // 2, bias=False))
            convs[-1].add_module('bn%d' % (i + 1), nn.BatchNorm1d(nxt))
            convs[-1].add_module('act', nn.GELU())
            chs = nxt
        self.layers = nn.Sequential(*convs)
        self.drop = nn.Dropout(drop_rate)
        self.fc = nn.Linear(out_channels, num_classes)

    def forward(self, x):
        x = self.layers(torch.relu(self.bn0(self.patch(x))))
        return self.fc(self.drop(x.mean(dim=-1)))


def main():
    cfg = Config.fromfile('cnn5_emg_config.py')
    model = PlainCNN(**{k: v for k, v in cfg.model['backbone'].items() if k != 'type'}).cuda()
    optimizer = build_optimizer(model, cfg.optimizer)
    loader = build_dataloader(build_dataset(cfg.data.train), samples_per_gpu=128, workers_per_gpu=4)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(cfg.runner['max_epochs']):
        model.train()
        for batch in loader:
            loss = criterion(model(batch['data'].cuda()), batch['gt_label'].cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
