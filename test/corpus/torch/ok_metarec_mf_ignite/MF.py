# Idiom seen in: khanhnamle1994/MetaRec Matrix-Factorization-Experiments/MF-CF-PyTorch/MF.py
# What it reproduces: the MF model with an explicit L2 prior on its two embedding tables, added into
#   the total that loss() returns (the loss the trainer minimizes).
import torch
from torch import nn
import torch.nn.functional as F


class MF(nn.Module):
    itr = 0

    def __init__(self, n_user, n_item, k=18, c_vector=1.0, writer=None):
        super(MF, self).__init__()
        self.writer = writer
        self.k = k
        self.n_user = n_user
        self.n_item = n_item
        self.c_vector = c_vector
        self.user = nn.Embedding(n_user, k)
        self.item = nn.Embedding(n_item, k)

    def __call__(self, train_x):
        user_id = train_x[:, 0]
        item_id = train_x[:, 1]
        vector_user = self.user(user_id)
        vector_item = self.item(item_id)
        ui_interaction = torch.sum(vector_user * vector_item, dim=1)
        return ui_interaction

    def loss(self, prediction, target):
        loss_mse = F.mse_loss(prediction, target.squeeze())
        prior_user = l2_regularize(self.user.weight) * self.c_vector
        prior_item = l2_regularize(self.item.weight) * self.c_vector
        total = loss_mse + prior_user + prior_item
        for name, var in locals().items():
            if type(var) is torch.Tensor and var.nelement() == 1 and self.writer is not None:
                self.writer.add_scalar(name, var, self.itr)
        return total


def l2_regularize(array):
    loss = torch.sum(array ** 2.0)
    return loss
