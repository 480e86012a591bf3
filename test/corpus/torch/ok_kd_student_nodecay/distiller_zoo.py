# Idiom seen in: DefangChen/SemCKD train_student.py
# What it reproduces: the same distillation setup (student + hint regressor in a trainable_list), but the SGD
#   groups come from a helper that keeps 1-D tensors (biases, BatchNorm affine) out of the decay: clean.
import torch.nn as nn
import torch.nn.functional as F


class DistillKL(nn.Module):
    """Distilling the Knowledge in a Neural Network"""
    def __init__(self, T):
        super(DistillKL, self).__init__()
        self.T = T

    def forward(self, y_s, y_t):
        p_s = F.log_softmax(y_s / self.T, dim=1)
        p_t = F.softmax(y_t / self.T, dim=1)
        return F.kl_div(p_s, p_t, reduction='batchmean') * (self.T ** 2)


class HintLoss(nn.Module):
    """FitNets: Hints for Thin Deep Nets"""
    def __init__(self):
        super(HintLoss, self).__init__()
        self.crit = nn.MSELoss()

    def forward(self, f_s, f_t):
        return self.crit(f_s, f_t)


class ConvReg(nn.Module):
    """Convolutional regression for FitNet"""
    def __init__(self, s_shape, t_shape, use_relu=True):
        super(ConvReg, self).__init__()
        s_N, s_C, s_H, s_W = s_shape
        t_N, t_C, t_H, t_W = t_shape
        if s_H == 2 * t_H:
            self.conv = nn.Conv2d(s_C, t_C, kernel_size=3, stride=2, padding=1)
        else:
            self.conv = nn.Conv2d(s_C, t_C, kernel_size=1)
        self.bn = nn.BatchNorm2d(t_C)
        self.use_relu = use_relu

    def forward(self, x):
        x = self.bn(self.conv(x))
        return F.relu(x) if self.use_relu else x
