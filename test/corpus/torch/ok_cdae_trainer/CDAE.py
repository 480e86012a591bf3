# Idiom seen in: khanhnamle1994/MetaRec Autoencoders-Experiments/CDAE-PyTorch/CDAE.py
# What it reproduces: the Collaborative Denoising Autoencoder whose train_one_epoch(dataset, optimizer, ...)
#   runs the optimizer it is handed on the summed binary cross entropy; no penalty term anywhere.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class CDAE(nn.Module):
    def __init__(self, model_conf, num_users, num_items, device):
        super(CDAE, self).__init__()
        self.hidden_dim = model_conf.hidden_dim
        self.corruption_ratio = model_conf.corruption_ratio
        self.num_users = num_users
        self.num_items = num_items
        self.device = device
        self.user_embedding = nn.Embedding(self.num_users, self.hidden_dim)
        self.encoder = nn.Linear(self.num_items, self.hidden_dim)
        self.decoder = nn.Linear(self.hidden_dim, self.num_items)
        self.to(self.device)

    def forward(self, user_id, rating_matrix):
        user_degree = torch.norm(rating_matrix, 2, 1).view(-1, 1)
        item_degree = torch.norm(rating_matrix, 2, 0).view(1, -1)
        normalize = torch.sqrt(user_degree @ item_degree)
        normalize = torch.masked_fill(normalize, (normalize == 0).bool(), 1e-10)
        normalized_rating_matrix = F.dropout(rating_matrix / normalize, self.corruption_ratio, training=self.training)
        enc = torch.tanh(self.encoder(normalized_rating_matrix) + self.user_embedding(user_id))
        return torch.sigmoid(self.decoder(enc))

    def train_one_epoch(self, dataset, optimizer, batch_size, verbose):
        self.train()
        train_matrix = dataset.train_matrix
        num_training = train_matrix.shape[0]
        num_batches = int(np.ceil(num_training / batch_size))
        perm = np.random.permutation(num_training)
        loss = 0.0
        for b in range(num_batches):
            optimizer.zero_grad()
            batch_idx = perm[b * batch_size: (b + 1) * batch_size]
            batch_matrix = torch.FloatTensor(train_matrix[batch_idx].toarray()).to(self.device)
            batch_idx = torch.LongTensor(batch_idx).to(self.device)
            pred_matrix = self.forward(batch_idx, batch_matrix)
            batch_loss = F.binary_cross_entropy(pred_matrix, batch_matrix, reduction='sum')
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss
            if verbose and b % 50 == 0:
                print('(%3d / %3d) loss = %.4f' % (b, num_batches, batch_loss))
        return loss
