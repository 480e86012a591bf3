# Idiom seen in: wyharveychen/CloserLookFewShot methods/maml.py
# What it reproduces: MAML with a hand-written inner SGD on fast weights (no decay term) and a meta
# loss returned to train.py's outer Adam (no weight_decay). Clean.
import numpy as np
import torch
import torch.nn as nn

from backbone_fw import Linear_fw


class MAML(nn.Module):
    def __init__(self, model_func, n_way, n_support, approx=False):
        super(MAML, self).__init__()
        self.feature = model_func()
        self.n_way = n_way
        self.n_support = n_support
        self.loss_fn = nn.CrossEntropyLoss()
        self.classifier = Linear_fw(self.feature.final_feat_dim, n_way)
        self.classifier.bias.data.fill_(0)
        self.n_task = 4
        self.task_update_num = 5
        self.train_lr = 0.01
        self.approx = approx

    def forward(self, x):
        return self.classifier(self.feature(x))

    def set_forward(self, x):
        x = x.cuda()
        x_a = x[:, :self.n_support].contiguous().view(self.n_way * self.n_support, *x.size()[2:])
        x_b = x[:, self.n_support:].contiguous().view(-1, *x.size()[2:])
        y_a = torch.from_numpy(np.repeat(range(self.n_way), self.n_support)).cuda()
        fast_parameters = list(self.parameters())
        for weight in self.parameters():
            weight.fast = None
        self.zero_grad()
        for task_step in range(self.task_update_num):
            set_loss = self.loss_fn(self.forward(x_a), y_a)
            grad = torch.autograd.grad(set_loss, fast_parameters, create_graph=True)
            if self.approx:
                grad = [g.detach() for g in grad]
            fast_parameters = []
            for k, weight in enumerate(self.parameters()):
                if weight.fast is None:
                    weight.fast = weight - self.train_lr * grad[k]
                else:
                    weight.fast = weight.fast - self.train_lr * grad[k]
                fast_parameters.append(weight.fast)
        return self.forward(x_b)

    def set_forward_loss(self, x):
        scores = self.set_forward(x)
        n_query = scores.size(0) // self.n_way
        y_b = torch.from_numpy(np.repeat(range(self.n_way), n_query)).cuda()
        return self.loss_fn(scores, y_b)

    def train_loop(self, epoch, train_loader, optimizer):
        loss_all = []
        optimizer.zero_grad()
        for i, (x, _) in enumerate(train_loader):
            loss_all.append(self.set_forward_loss(x))
            if len(loss_all) == self.n_task:
                loss_q = torch.stack(loss_all).sum(0)
                loss_q.backward()
                optimizer.step()
                loss_all = []
                optimizer.zero_grad()
