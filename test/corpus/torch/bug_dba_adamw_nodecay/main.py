# Idiom seen in: BrightQin/DBA-Time-Series src/main.py
# Idiom seen in: BrightQin/DBA-Time-Series src/options.py
# What it reproduces: the --global_reg path moved to AdamW with the BERT-style no_decay list (a user
#   change in that repo's idiom; the repo used Adam/RAdam on model.parameters()). The names
#   ["bias", "LayerNorm.weight"] never match norm1/norm2/self_attn_layer_norm1, so the LayerNorm
#   weights of every encoder layer stay in the decayed group.
import argparse

import torch

from ts_transformer import TSTransformerEncoderClassiregressor
from datasets.data import data_factory

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='./dataset/UWaveGestureLibrary/')
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--l2_reg', type=float, default=1e-2)
parser.add_argument('--d_model', type=int, default=256)
parser.add_argument('--num_layers', type=int, default=3)
parser.add_argument('--epochs', type=int, default=400)


def main(config):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loader, feat_dim, max_len, num_classes = data_factory(config['data_dir'])
    model = TSTransformerEncoderClassiregressor(feat_dim, max_len, config['d_model'], 8, config['num_layers'],
                                                256, num_classes).to(device)

    no_decay = ["bias", "LayerNorm.weight"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
         "weight_decay": config['l2_reg']},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=config['lr'])

    loss_fn = torch.nn.CrossEntropyLoss()
    for epoch in range(config['epochs']):
        model.train()
        for X, targets, padding_masks in train_loader:
            predictions = model(X.to(device), padding_masks.to(device))
            loss = loss_fn(predictions, targets.long().squeeze().to(device))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=4.0)
            optimizer.step()


if __name__ == '__main__':
    main(vars(parser.parse_args()))
