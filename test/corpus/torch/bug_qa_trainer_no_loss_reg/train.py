# Idiom seen in: gauravbaruah/Castor sm_cnn/train.py (class Trainer, regularize_loss, _train)
# What it reproduces: a Trainer whose `no_loss_reg` switch is wired the same way in both places: the SGD gets
#   `weight_decay=(0 if no_loss_reg else self.reg)` AND `_train` adds `0.5 * reg * ||theta||^2` when
#   `not no_loss_reg`. With the default (flag off) every parameter is decayed by SGD and by the penalty.
#   (The repo also has a "location 2" after backward and `p.data.clone()`; here the penalty sits at the
#   author's "location 1", before backward, on the live parameters, so it really trains.)
# label-note: WD201 on the penalty line (same parameters as the SGD decay); WD203 on the SGD line: one group
#   over model.parameters(), the conv and Linear biases included. lr*wd = 0.001*1e-5, no WD301.
import logging

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

import utils  # dataset reading and embedding cache; not part of this program

logger = logging.getLogger(__name__)


class Trainer(object):

    def __init__(self, model, eta, mom, no_loss_reg, vec_dim, cuda=False):
        torch.manual_seed(1234)
        np.random.seed(1234)
        self.cuda = cuda
        self.unk_term = np.random.uniform(-0.25, 0.25, vec_dim)
        self.reg = 1e-5
        self.no_loss_reg = no_loss_reg
        self.model = model
        self.criterion = nn.NLLLoss()
        self.optimizer = optim.SGD(self.model.parameters(), lr=eta, momentum=mom, weight_decay=(0 if no_loss_reg else self.reg))  # expect: WD203
        self.data_splits = {}

    def regularize_loss(self, loss):
        flattened_params = torch.cat([p.view(-1) for p in self.model.parameters()])
        return loss + 0.5 * self.reg * flattened_params.norm() * flattened_params.norm()  # expect: WD201

    def _train(self, xq, xa, ext_feats, ys):
        self.optimizer.zero_grad()
        output = self.model(xq, xa, ext_feats)
        loss = self.criterion(output, ys)
        # regularizing location 1
        if not self.no_loss_reg:
            loss = self.regularize_loss(loss)
        loss.backward()
        self.optimizer.step()
        return loss.item(), (output.argmax(1) == ys).sum().item()

    def train(self, set_folder, batch_size, debug_single_batch=False):
        questions, sentences, labels, ext_feats, word_vectors = self.data_splits[set_folder]
        self.model.train()
        train_loss, train_correct = 0.0, 0
        for k in range(int(np.ceil(len(questions) / batch_size))):
            xq, xa, x_ext, ys = utils.tensorize(questions, sentences, ext_feats, labels, word_vectors,
                                                k * batch_size, (k + 1) * batch_size, self.unk_term)
            batch_loss, batch_correct = self._train(xq, xa, x_ext, ys)
            train_loss += batch_loss
            train_correct += batch_correct
            if debug_single_batch:
                break
        logger.info("train_loss %.4f correct %d", train_loss, train_correct)
        return train_correct / len(questions)
