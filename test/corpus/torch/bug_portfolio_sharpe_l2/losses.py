# Idiom seen in: dimasthoriq/DL-portfolio-optimization losses.py
# Idiom seen in: dimasthoriq/DL-portfolio-optimization train.py
# What it reproduces: the loss is minus the Sharpe ratio of the portfolio returns (maximize Sharpe by
#   minimizing its negative); train.py then adds the paper's L2 term with the wrong sign.
import torch


def sharpe(returns, eps=1e-8):
    return returns.mean() / (returns.std() + eps)


class NegativeSharpeLoss(torch.nn.Module):
    def __init__(self):
        super(NegativeSharpeLoss, self).__init__()

    def forward(self, y_pred, y_true):
        if y_pred.dtype != y_true.dtype:
            y_pred = y_pred.to(y_true.dtype)
        portfolio_returns = torch.sum(y_pred * y_true, dim=1)
        return -sharpe(portfolio_returns)
