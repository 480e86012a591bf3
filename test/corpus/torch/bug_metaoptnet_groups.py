# Idiom seen in: kjunelee/MetaOptNet train.py
# Idiom seen in: kjunelee/MetaOptNet models/classification_heads.py
# What it reproduces: episodic meta-training of an embedding net plus a differentiable base learner.
#   SGD gets two groups, each a whole module's parameters, and weight_decay=5e-4 for both: the embedding's
#   BatchNorm/conv biases and the head's learnable logit scale are decayed (WD203). The ridge
#   l2_regularizer_lambda inside R2D2Head regularizes the per-episode closed-form solve, not the weights.
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from data.mini_imagenet import MiniImageNet, FewShotDataloader
from utils import count_accuracy, log


def conv_block(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, 3, padding=1),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
        nn.MaxPool2d(2))


class ProtoNetEmbedding(nn.Module):
    def __init__(self, x_dim=3, h_dim=64, z_dim=64):
        super(ProtoNetEmbedding, self).__init__()
        self.encoder = nn.Sequential(conv_block(x_dim, h_dim), conv_block(h_dim, h_dim),
                                     conv_block(h_dim, h_dim), conv_block(h_dim, z_dim))

    def forward(self, x):
        return self.encoder(x).view(x.size(0), -1)


def one_hot(indices, depth):
    return torch.zeros(indices.size() + torch.Size([depth]), device=indices.device).scatter_(-1, indices.unsqueeze(-1), 1)


def R2D2Head(query, support, support_labels, n_way, n_shot, l2_regularizer_lambda=50.0):
    tasks_per_batch, n_support = support.size(0), support.size(1)
    support_labels_one_hot = one_hot(support_labels.view(tasks_per_batch * n_support), n_way)
    support_labels_one_hot = support_labels_one_hot.view(tasks_per_batch, n_support, n_way)
    id_matrix = torch.eye(n_support, device=support.device).expand(tasks_per_batch, n_support, n_support)
    ridge_sol = torch.bmm(support, support.transpose(1, 2)) + l2_regularizer_lambda * id_matrix
    ridge_sol = torch.bmm(torch.linalg.inv(ridge_sol), support_labels_one_hot)
    ridge_sol = torch.bmm(support.transpose(1, 2), ridge_sol)
    return torch.bmm(query, ridge_sol)


class ClassificationHead(nn.Module):
    def __init__(self, base_learner='R2D2', enable_scale=True):
        super(ClassificationHead, self).__init__()
        self.head = R2D2Head
        self.enable_scale = enable_scale
        self.scale = nn.Parameter(torch.FloatTensor([1.0]))

    def forward(self, query, support, support_labels, n_way, n_shot, **kwargs):
        if self.enable_scale:
            return self.scale * self.head(query, support, support_labels, n_way, n_shot, **kwargs)
        return self.head(query, support, support_labels, n_way, n_shot, **kwargs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--num-epoch', type=int, default=60)
    parser.add_argument('--train-shot', type=int, default=15)
    parser.add_argument('--train-query', type=int, default=6)
    parser.add_argument('--train-way', type=int, default=5)
    parser.add_argument('--episodes-per-batch', type=int, default=8)
    parser.add_argument('--eps', type=float, default=0.0)
    opt = parser.parse_args()

    dloader_train = FewShotDataloader(dataset=MiniImageNet(phase='train'), nKnovel=opt.train_way,
                                      nExemplars=opt.train_shot, nTestNovel=opt.train_way * opt.train_query,
                                      batch_size=opt.episodes_per_batch, epoch_size=opt.episodes_per_batch * 1000)
    embedding_net = ProtoNetEmbedding()
    cls_head = ClassificationHead(base_learner='R2D2')

    optimizer = torch.optim.SGD([{'params': embedding_net.parameters()}, {'params': cls_head.parameters()}],  # expect: WD203
                                lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    lambda_epoch = lambda e: 1.0 if e < 20 else (0.06 if e < 40 else 0.012 if e < 50 else (0.0024))
    lr_scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda_epoch, last_epoch=-1)

    for epoch in range(1, opt.num_epoch + 1):
        _, _ = [x.train() for x in (embedding_net, cls_head)]
        train_accuracies = []
        for i, batch in enumerate(dloader_train(epoch), 1):
            data_support, labels_support, data_query, labels_query, _, _ = batch
            n_support = opt.train_way * opt.train_shot
            n_query = opt.train_way * opt.train_query
            emb_support = embedding_net(data_support.reshape([-1] + list(data_support.shape[-3:])))
            emb_support = emb_support.reshape(opt.episodes_per_batch, n_support, -1)
            emb_query = embedding_net(data_query.reshape([-1] + list(data_query.shape[-3:])))
            emb_query = emb_query.reshape(opt.episodes_per_batch, n_query, -1)
            logit_query = cls_head(emb_query, emb_support, labels_support, opt.train_way, opt.train_shot)

            smoothed_one_hot = one_hot(labels_query.reshape(-1), opt.train_way)
            smoothed_one_hot = smoothed_one_hot * (1 - opt.eps) + (1 - smoothed_one_hot) * opt.eps / (opt.train_way - 1)
            log_prb = F.log_softmax(logit_query.reshape(-1, opt.train_way), dim=1)
            loss = -(smoothed_one_hot * log_prb).sum(dim=1).mean()
            train_accuracies.append(count_accuracy(logit_query.reshape(-1, opt.train_way), labels_query.reshape(-1)).item())

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        lr_scheduler.step()
        log('train_log.txt', 'Epoch {} acc {:.2f}'.format(epoch, np.mean(train_accuracies)))
