# Idiom seen in: murnanedaniel/eta-tracker utils/checks.py
# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: the tracker trainer with an explicit L2 term l2_lambda * sum(p.pow(2).sum()) that IS added to
#   the batch loss before backward(); Adam has no weight_decay, so the weights are decayed once; the weight
#   norm in the summary is computed for logging only: clean.
import logging

import torch
import torch.nn as nn

from models import get_model
from datasets import get_data_loaders


def get_weight_norm(model, norm_type=2):
    """Get the norm of the model weights"""
    norm = 0
    for p in model.parameters():
        norm += p.norm(norm_type).item()
    return norm


class SparseGNNTrainer(object):
    def __init__(self, device='cpu', l2_lambda=1e-4):
        self.logger = logging.getLogger(self.__class__.__name__)
        self.device = device
        self.l2_lambda = l2_lambda

    def build_model(self, name='agnn', learning_rate=0.001, **model_args):
        self.model = get_model(name=name, **model_args).to(self.device)
        self.loss_func = nn.functional.binary_cross_entropy_with_logits
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=learning_rate)

    def train_epoch(self, data_loader):
        self.model.train()
        summary = dict()
        sum_loss = 0
        for i, batch in enumerate(data_loader):
            batch = batch.to(self.device)
            self.optimizer.zero_grad()
            batch_output = self.model(batch)
            batch_loss = self.loss_func(batch_output, batch.y, weight=batch.w)
            l2_reg = self.l2_lambda * sum(p.pow(2).sum() for p in self.model.parameters())
            batch_loss = batch_loss + l2_reg
            batch_loss.backward()
            self.optimizer.step()
            sum_loss += batch_loss.item()
            summary['l2_reg'] = l2_reg.item()
        summary['train_loss'] = sum_loss / (i + 1)
        summary['weight_norm'] = get_weight_norm(self.model)
        self.logger.debug(' Processed %i batches', i + 1)
        return summary


def main():
    logging.basicConfig(level=logging.INFO)
    train_loader, valid_loader = get_data_loaders(name='hitgraphs_sparse', batch_size=2)
    trainer = SparseGNNTrainer(device='cuda' if torch.cuda.is_available() else 'cpu', l2_lambda=1e-4)
    trainer.build_model(name='agnn', input_dim=3, hidden_dim=64, n_graph_iters=8, layer_norm=True)
    for epoch in range(32):
        logging.info('Epoch %i: %s', epoch, trainer.train_epoch(train_loader))


if __name__ == '__main__':
    main()
