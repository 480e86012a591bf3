# Idiom seen in: BrightQin/DBA-Time-Series src/main.py
# Idiom seen in: BrightQin/DBA-Time-Series src/options.py
# Idiom seen in: BrightQin/DBA-Time-Series heartbeat.sh
# What it reproduces: --global_reg moves l2_reg from the output-layer penalty into the optimizer's
#   weight_decay (the two never overlap, so no double decay); with the default "Adam" that is coupled
#   L2 under Adam on model.parameters(), LayerNorm/BatchNorm and biases included. As in the repo.
import argparse

import torch
import torch.nn as nn

from optimizers import get_optimizer
from loss import NoFussCrossEntropyLoss
from running import SupervisedRunner
from datasets.data import data_factory


class TSTransformerEncoderClassiregressor(nn.Module):
    def __init__(self, feat_dim, max_len, d_model, n_heads, num_layers, dim_feedforward, num_classes, dropout=0.1):
        super().__init__()
        self.project_inp = nn.Linear(feat_dim, d_model)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, dim_feedforward, dropout, activation='gelu')
        self.transformer_encoder = nn.TransformerEncoder(layer, num_layers)
        self.norm = nn.BatchNorm1d(d_model)
        self.output_layer = nn.Linear(d_model * max_len, num_classes)

    def forward(self, X, padding_masks):
        inp = self.project_inp(X.permute(1, 0, 2))
        out = self.transformer_encoder(inp, src_key_padding_mask=~padding_masks).permute(1, 2, 0)
        out = self.norm(out).permute(0, 2, 1) * padding_masks.unsqueeze(-1)
        return self.output_layer(out.reshape(out.shape[0], -1))


parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='./dataset/Heartbeat/')
parser.add_argument('--optimizer', choices={"Adam", "RAdam"}, default="Adam")
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--l2_reg', type=float, default=1e-4, help='L2 weight regularization parameter')
parser.add_argument('--global_reg', action='store_true',
                    help='If set, L2 regularization will be applied to all weights instead of only the output layer')
parser.add_argument('--d_model', type=int, default=64)
parser.add_argument('--epochs', type=int, default=400)


def main(config):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loader, feat_dim, max_len, num_classes = data_factory(config['data_dir'])
    model = TSTransformerEncoderClassiregressor(feat_dim, max_len, config['d_model'], 8, 3, 256, num_classes)

    if config['global_reg']:
        weight_decay = config['l2_reg']
        output_reg = None
    else:
        weight_decay = 0
        output_reg = config['l2_reg']

    optim_class = get_optimizer(config['optimizer'])
    optimizer = optim_class(model.parameters(), lr=config['lr'], weight_decay=weight_decay)  # expect: WD202, WD203
    model.to(device)

    trainer = SupervisedRunner(model, train_loader, device, NoFussCrossEntropyLoss(reduction='none'),
                               optimizer, l2_reg=output_reg)
    for epoch in range(config['epochs']):
        trainer.train_epoch(epoch)


if __name__ == '__main__':
    main(vars(parser.parse_args()))
