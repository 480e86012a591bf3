# Idiom seen in: pcsl-epfl/regressionsphere loss.py (MSELoss, regularize)
# What it reproduces: a helper that returns nothing and adds the L1/L2 penalty to the caller's loss
# tensor with `+=`. On a torch tensor `+=` is in place, so the caller's loss does carry the penalty:
# clean (contrast with a helper that rebinds `loss = loss + ...`, which would drop it).
import torch


class MSELoss(torch.nn.Module):
    """l = mean((y - y_hat)^2) / (2 * alpha)."""

    def __init__(self, alpha):
        super(MSELoss, self).__init__()
        self.alpha = alpha

    def forward(self, output, target):
        return (0.5 * (output - target) ** 2 / self.alpha).mean()


def regularize(loss, f, args):
    """Add the L1 (path norm) or L2 penalty of network `f` to `loss`, in place."""
    if args.reg == "l1":
        loss += args.l / args.h * (f.w1.norm(p=2, dim=-1) * f.w2.abs()).sum()
    elif args.reg == "l2":
        for p in f.parameters():
            loss += args.l / (args.h * 2) * p.pow(2).sum()
    elif args.reg != "none":
        raise ValueError("Regularization must be `l1`, `l2` or `none`")
