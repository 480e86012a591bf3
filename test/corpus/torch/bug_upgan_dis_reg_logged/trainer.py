# Idiom seen in: RUCDM/KB4Rec Projects/UPGAN/code/train/trainer.py
# Idiom seen in: RUCDM/KB4Rec Projects/UPGAN/code/util/Regularization.py
# What it reproduces: the UPGAN trainer builds a Regularization module for the discriminator-side model and
#   one for the generator G (Adam without weight_decay for both). The generator step adds its penalty to the
#   REINFORCE loss; in the discriminator step (where the repository has the call commented out) the penalty
#   is computed and only logged, while loss_pos + loss_neg is backpropagated (WD104). User mistake: the repo
#   left both lines commented out; here they are re-enabled without adding the term.
import time

import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import ExponentialLR

from Regularization import Regularization
from train.init import init_model
from train.base_trainer import Trainer


class Trainer_new(Trainer):
    def __init__(self, args, logger=None):
        self.args = args
        self.logger = logger
        self.device = torch.device('cuda' if args.use_cuda else 'cpu')
        self.decay_rate = args.decay_rate
        self.data_load_kg_rs()
        self.model_def()
        self.loss_def()
        self.optim_def(args.lr)

    def optim_def(self, lr):
        self.optim = optim.Adam(self.model.parameters(), lr=lr)
        self.optim_G = optim.Adam(self.G.parameters(), lr=self.args.lr_g)
        if self.decay_rate:
            self.scheduler = ExponentialLR(self.optim, self.decay_rate)

    def model_def(self):
        self.model, self.G = init_model(self.args, len(self.u_map), len(self.i_map),
                                        len(self.e_map), len(self.r_map), self.logger)

    def loss_def(self):
        self.loss_func_kg = torch.nn.BCEWithLogitsLoss(reduction="none")
        self.loss_reg = Regularization(self.model, weight_decay=self.args.l2_lambda, p=2)
        self.loss_reg_G = Regularization(self.G, weight_decay=self.args.l2_lambda_g, p=2)

    def gen_step(self, heads, rels, neg_tails, rewards, n_sample=1, temperature=1.0):
        logits = self.G.forward_triple(heads, rels, neg_tails) / temperature
        probs = F.softmax(logits, dim=1)
        row_idx = torch.arange(0, heads.size(0)).unsqueeze(1).expand(heads.size(0), n_sample)
        sample_idx = torch.multinomial(probs, n_sample, replacement=False)
        self.optim_G.zero_grad()
        log_probs = F.log_softmax(logits, dim=1)
        reinforce_loss = -torch.mean(torch.sum(rewards * log_probs[row_idx, sample_idx], dim=1))
        reg_loss = self.loss_reg_G(self.G)
        loss = reinforce_loss + reg_loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.G.parameters(), self.args.clipping_max_value)
        self.optim_G.step()
        self.reg_G.append(reg_loss.item())
        return neg_tails[row_idx, sample_idx]

    def dis_step(self, heads, rels, tails, neg_tails, sample_weight, user_rep, losses_reg):
        self.optim.zero_grad()
        query_now, norm_q = self.model.form_query(heads, rels, user_rep)
        preds, norm_p = self.model.query_judge(query_now, tails)
        preds_neg, norm_n = self.model.query_judge(query_now, neg_tails)

        random_ratio = self.args.label_smoothing_epsilon / self.args.n_sample
        answers_true = torch.ones_like(preds) * (1.0 - self.args.label_smoothing_epsilon)
        answers_false = torch.zeros_like(preds_neg) + random_ratio

        loss_pos = (self.loss_func_kg(preds, answers_true) * sample_weight).sum()
        loss_neg = torch.sum(self.loss_func_kg(preds_neg, answers_false), dim=1)
        loss_neg = (loss_neg * sample_weight).sum()

        loss_reg = self.loss_reg(self.model)  # expect: WD104

        loss = loss_pos + loss_neg

        losses_reg.append(loss_reg.item())
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.args.clipping_max_value)
        self.optim.step()
        return loss.item()

    def train_epoch_kg(self):
        losses, losses_reg = [], []
        self.reg_G = []
        for heads, rels, tails, neg_tails, sample_weight, user_rep in self.kg_train_loader:
            sampled = self.gen_step(heads, rels, neg_tails, torch.ones(heads.size(0), 1))
            losses.append(self.dis_step(heads, rels, tails, sampled, sample_weight, user_rep, losses_reg))
        if self.decay_rate:
            self.scheduler.step()
        return np.mean(losses), np.mean(losses_reg)

    def train(self, start_epoch, end_epoch):
        for epoch in range(start_epoch, end_epoch + 1):
            st = time.time()
            train_loss, reg = self.train_epoch_kg()
            print("Epoch: {}, loss: {:.4f}, D reg: {:.4f}, G reg: {:.4f}, time: {}".format(
                epoch + 1, train_loss, reg, np.mean(self.reg_G), time.time() - st))
