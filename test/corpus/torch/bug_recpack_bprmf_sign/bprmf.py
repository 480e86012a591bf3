# Idiom seen in: LienM/recpack recpack/algorithms/bprmf.py
# What it reproduces: recpack's BPRMF (Adagrad over two embedding tables, norm penalties weighted by
# lambda_h / lambda_w in _compute_loss); here the penalty is transcribed from BPR-OPT
# (ln sigma(x_uij) - lambda*||theta||^2, which is maximized) with its minus sign kept while the code
# minimizes the BPR loss: the penalty is subtracted, a negative decay that grows the embeddings.
import torch
import torch.nn as nn
import torch.optim as optim
from tqdm import tqdm

from recpack.algorithms.loss_functions import bpr_loss
from recpack.algorithms.samplers import BootstrapSampler


class MFModule(nn.Module):
    def __init__(self, num_users, num_items, num_components=100):
        super().__init__()
        self.user_embedding_ = nn.Embedding(num_users, num_components)
        self.item_embedding_ = nn.Embedding(num_items, num_components)
        std = min(1 / num_components ** 0.5, 0.05)
        nn.init.normal_(self.user_embedding_.weight, std=std)
        nn.init.normal_(self.item_embedding_.weight, std=std)

    def forward(self, user_tensor, item_tensor):
        w_u = self.user_embedding_(user_tensor)
        h_i = self.item_embedding_(item_tensor)
        return w_u.matmul(h_i.T)


class BPRMF:
    def __init__(self, num_components=100, lambda_h=0.0, lambda_w=0.0, batch_size=1000,
                 max_epochs=20, learning_rate=0.01, seed=None):
        self.num_components = num_components
        self.lambda_h = lambda_h
        self.lambda_w = lambda_w
        self.batch_size = batch_size
        self.max_epochs = max_epochs
        self.learning_rate = learning_rate
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.sampler = BootstrapSampler(num_negatives=1, batch_size=batch_size)

    def _init_model(self, X):
        num_users, num_items = X.shape
        self.model_ = MFModule(num_users, num_items, num_components=self.num_components).to(self.device)
        self.optimizer = optim.Adagrad(self.model_.parameters(), lr=self.learning_rate)

    def _compute_loss(self, positive_sim, negative_sim):
        loss = bpr_loss(positive_sim, negative_sim)
        loss = loss - (self.lambda_h * self.model_.item_embedding_.weight.norm() + self.lambda_w * self.model_.user_embedding_.weight.norm())  # expect: WD302
        return loss

    def _train_epoch(self, train_data):
        losses = []
        for users, target_items, mnar_items in tqdm(self.sampler.sample(train_data), desc="train_epoch BPRMF"):
            users = users.to(self.device)
            target_items = target_items.to(self.device)
            mnar_items = mnar_items.squeeze(-1).to(self.device)
            self.optimizer.zero_grad()
            target_sim = self.model_.forward(users, target_items).diag()
            mnar_sim = self.model_.forward(users, mnar_items).diag()
            loss = self._compute_loss(target_sim, mnar_sim)
            loss.backward()
            losses.append(loss.item())
            self.optimizer.step()
        return losses

    def fit(self, X):
        self._init_model(X)
        for epoch in range(self.max_epochs):
            losses = self._train_epoch(X)
            print(f"epoch {epoch}: loss {sum(losses) / max(len(losses), 1):.4f}")
        return self
