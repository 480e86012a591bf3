# Idiom seen in: AmazingDD/DeepFM-pytorch deepfm.py
# What it reproduces: DeepFM with its own fit(); the repo adds l2_reg * ||W|| of the output and deep
#   Linear layers to the loss. Here (a common edit) the penalty sits under `if self.l2_reg > 0:`, and
#   the only construction (main.py) passes l2_reg=0.: the decay code never runs (WD303).
import os

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


class DeepFM(nn.Module):
    def __init__(self, args):
        super().__init__()
        os.environ['CUDA_VISIBLE_DEVICES'] = args['gpuid']
        self.lr = args['lr']
        self.l2_reg = args['l2_reg']
        self.epochs = args['epochs']
        self.opt = args['opt_name']
        self.num_features = args['num_features']
        self.emb_dim = args['embedding_dim']
        self.feature_embs = nn.Embedding(sum(args['field_size']), self.emb_dim)
        self.bias_embs = nn.Embedding(sum(args['field_size']), 1)

        deep_modules = []
        sizes = [self.num_features * self.emb_dim] + args['dense_size']
        for in_size, out_size in zip(sizes[:-1], sizes[1:]):
            deep_modules.append(nn.Linear(in_size, out_size))
            if args['batch_norm']:
                deep_modules.append(nn.BatchNorm1d(out_size))
            deep_modules.append(nn.ReLU())
            deep_modules.append(nn.Dropout(p=args['deep_dropout_p']))
        self.deep = nn.Sequential(*deep_modules)
        self.output = nn.Linear(args['dense_size'][-1] + self.num_features + self.emb_dim, 1, bias=False)
        nn.init.normal_(self.feature_embs.weight, std=0.01)

    def forward(self, idxs, vals):
        feat_emb = self.feature_embs(idxs) * vals.unsqueeze(-1)
        y_first = (self.bias_embs(idxs).squeeze(-1) * vals)
        summed = feat_emb.sum(1)
        y_second = 0.5 * (summed.pow(2) - feat_emb.pow(2).sum(1))
        y_deep = self.deep(feat_emb.view(feat_emb.size(0), -1))
        out = self.output(torch.cat([y_first, y_second, y_deep], dim=1))
        return out.view(-1)

    def fit(self, train_loader):
        device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.to(device)
        if self.opt == 'adam':
            optimizer = optim.Adam(self.parameters(), lr=self.lr)
        elif self.opt == 'adagrad':
            optimizer = optim.Adagrad(self.parameters(), lr=self.lr)
        else:
            optimizer = optim.SGD(self.parameters(), lr=self.lr)
        criterion = nn.BCEWithLogitsLoss(reduction='sum')

        last_loss = 0.0
        for epoch in range(1, self.epochs + 1):
            self.train()
            current_loss, total = 0.0, 0
            for labels, idxs, vals in train_loader:
                labels, idxs, vals = labels.to(device), idxs.to(device), vals.to(device)
                total += labels.size(0)
                self.zero_grad()
                loss = criterion(self.forward(idxs, vals), labels)
                if self.l2_reg > 0:  # expect: WD303
                    loss += self.l2_reg * self.output.weight.norm()
                    for la in self.deep:
                        if isinstance(la, nn.Linear):
                            loss += self.l2_reg * la.weight.norm()
                loss.backward()
                optimizer.step()
                current_loss += loss.item()
            print(f'[Epoch {epoch:03d}] - training loss={current_loss / total:.4f}')
            if abs(current_loss - last_loss) < 1e-5:
                break
            last_loss = current_loss
