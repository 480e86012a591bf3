# Idiom seen in: FridrichMethod/MPNN src/mpnn/finetune.py
# What it reproduces: fine-tuning a message-passing protein model for stability (ddG) regression with
#   AdamW(model.parameters(), weight_decay=args.weight_decay): one group, so the LayerNorm scales/biases and
#   every Linear bias of the encoder/decoder are decayed along with the weight matrices (WD203).
import argparse
import logging

import numpy as np
import torch
import torch.nn as nn
from scipy.stats import pearsonr, spearmanr
from tqdm import tqdm

from mpnn.data import load_megascale, batch_complexes

logger = logging.getLogger(__name__)


class EncLayer(nn.Module):
    def __init__(self, hidden_dim, dropout=0.1):
        super().__init__()
        self.W1 = nn.Linear(3 * hidden_dim, hidden_dim)
        self.W2 = nn.Linear(hidden_dim, hidden_dim)
        self.norm1 = nn.LayerNorm(hidden_dim)
        self.norm2 = nn.LayerNorm(hidden_dim)
        self.ff = nn.Sequential(nn.Linear(hidden_dim, 4 * hidden_dim), nn.GELU(),
                                nn.Linear(4 * hidden_dim, hidden_dim))
        self.dropout = nn.Dropout(dropout)

    def forward(self, h_V, h_E, E_idx):
        h_nb = torch.cat([h_V.unsqueeze(-2).expand(-1, -1, E_idx.size(-1), -1), h_E,
                          torch.gather(h_V.unsqueeze(1).expand(-1, E_idx.size(1), -1, -1), 2,
                                       E_idx.unsqueeze(-1).expand(-1, -1, -1, h_V.size(-1)))], -1)
        h_V = self.norm1(h_V + self.dropout(self.W2(torch.relu(self.W1(h_nb))).mean(-2)))
        return self.norm2(h_V + self.dropout(self.ff(h_V)))


class ProteinMPNNddG(nn.Module):
    def __init__(self, hidden_dim=128, num_layers=3, vocab=21):
        super().__init__()
        self.W_e = nn.Linear(hidden_dim, hidden_dim)
        self.W_s = nn.Embedding(vocab, hidden_dim)
        self.layers = nn.ModuleList([EncLayer(hidden_dim) for _ in range(num_layers)])
        self.W_out = nn.Linear(hidden_dim, vocab)

    def folding_ddG_batched(self, complexes, mut_seqs):
        h_V, h_E, E_idx, wt_seq = complexes
        h_E = self.W_e(h_E)
        for layer in self.layers:
            h_V = layer(h_V, h_E, E_idx)
        logp = torch.log_softmax(self.W_out(h_V), -1)
        mut_logp = torch.gather(logp, -1, mut_seqs.unsqueeze(-1)).squeeze(-1).sum(-1)
        wt_logp = torch.gather(logp, -1, wt_seq.unsqueeze(-1)).squeeze(-1).sum(-1)
        return wt_logp - mut_logp


def finetune(model, megascale_train, args, device="cuda"):
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD203
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.num_epochs)
    ddG_loss_fn = torch.nn.MSELoss()
    for epoch in range(args.num_epochs):
        model.train()
        all_pred, all_labels, train_sum = [], [], []
        for sample in tqdm(megascale_train, desc=f"Megascale epoch {epoch}"):
            complexes, mut_seqs, ddG = batch_complexes(sample, device)
            pred = model.folding_ddG_batched(complexes, mut_seqs)
            loss = ddG_loss_fn(pred, ddG)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            all_pred.append(pred.cpu().detach().numpy())
            all_labels.append(ddG.cpu().numpy().flatten())
            train_sum.append(loss.item())
        scheduler.step()
        sp, _ = spearmanr(np.concatenate(all_pred), np.concatenate(all_labels))
        pr, _ = pearsonr(np.concatenate(all_pred), np.concatenate(all_labels))
        logger.info("epoch %d loss %.4f spearman %.3f pearson %.3f", epoch, np.mean(train_sum), sp, pr)
    return model


if __name__ == "__main__":
    argparser = argparse.ArgumentParser()
    argparser.add_argument("--checkpoint", type=str, default="checkpoints/mpnn_h128_l3.pt")
    argparser.add_argument("--lr", type=float, default=1e-6)
    argparser.add_argument("--weight_decay", type=float, default=1e-2)
    argparser.add_argument("--num_epochs", type=int, default=10)
    argparser.add_argument("--random_init", action="store_true")
    args = argparser.parse_args()

    model = ProteinMPNNddG().cuda()
    if not args.random_init:
        model.load_state_dict(torch.load(args.checkpoint, map_location="cuda"), strict=False)
    finetune(model, load_megascale("train"), args)
