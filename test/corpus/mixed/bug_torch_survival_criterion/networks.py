# Idiom seen in: czifan/DeepSurv.pytorch networks.py
# What it reproduces: the loss module holds a Regularization helper built from config['l2_reg'] and the criterion's forward() takes the model to compute the penalty. Bug: while debugging the Cox loss the addition was commented out, so l2_loss is computed and then dropped; the optimizer in main.py has no weight_decay either, so there is no decay at all (WD104).
import torch
import torch.nn as nn


class Regularization(object):
    def __init__(self, order, weight_decay):
        super(Regularization, self).__init__()
        self.order = order
        self.weight_decay = weight_decay

    def __call__(self, model):
        reg_loss = 0
        for name, w in model.named_parameters():
            if 'weight' in name:
                if self.order == 2:
                    reg_loss = reg_loss + torch.sum(w ** 2)
                else:
                    reg_loss = reg_loss + torch.sum(torch.abs(w))
        return self.weight_decay * reg_loss


class DeepSurv(nn.Module):
    def __init__(self, config):
        super(DeepSurv, self).__init__()
        self.drop = config['drop']
        self.dims = config['dims']
        self.activation = config['activation']
        self.model = self._build_network()

    def _build_network(self):
        layers = []
        for i in range(len(self.dims) - 1):
            if i and self.drop is not None:
                layers.append(nn.Dropout(self.drop))
            layers.append(nn.Linear(self.dims[i], self.dims[i + 1]))
            layers.append(getattr(nn, self.activation)())
        return nn.Sequential(*layers)

    def forward(self, X):
        return self.model(X)


class NegativeLogLikelihood(nn.Module):
    def __init__(self, config):
        super(NegativeLogLikelihood, self).__init__()
        self.L2_reg = config['l2_reg']
        self.reg = Regularization(order=2, weight_decay=self.L2_reg)

    def forward(self, risk_pred, y, e, model):
        mask = torch.ones(y.shape[0], y.shape[0], device=risk_pred.device)
        mask[(y.T - y) > 0] = 0
        log_loss = torch.exp(risk_pred) * mask
        log_loss = torch.sum(log_loss, dim=0) / torch.sum(mask, dim=0)
        log_loss = torch.log(log_loss).reshape(-1, 1)
        neg_log_loss = -torch.sum((risk_pred - log_loss) * e) / torch.sum(e)
        l2_loss = self.reg(model)  # expect: WD104
        return neg_log_loss  # + l2_loss
