# Idiom seen in: Fyiwen/DLearning xianxinhuigui/nihe/w-si.py
# What it reproduces: the d2l "concise weight decay" recipe: SGD with two parameter groups, weight_decay
#   given only to the Linear weight; the bias group inherits SGD's default (0). Run with wd=0 and wd=3.
# label-note: clean. No bias/norm is decayed; lr*wd = 0.003*3 = 0.009 < 1; one call passes a non-zero wd,
#   so it is not a "decay everywhere off" (WD303) case; no explicit penalty, so no double decay.
import torch
from torch import nn

from d2l_utils import Animator, evaluate_loss, load_array, synthetic_data

n_train, n_test, num_inputs, batch_size = 20, 100, 200, 5
true_w, true_b = torch.ones((num_inputs, 1)) * 0.01, 0.05
train_iter = load_array(synthetic_data(true_w, true_b, n_train), batch_size)
test_iter = load_array(synthetic_data(true_w, true_b, n_test), batch_size, is_train=False)


def train_concise(wd):
    net = nn.Sequential(nn.Linear(num_inputs, 1))
    for param in net.parameters():
        param.data.normal_()
    loss = nn.MSELoss(reduction='none')
    num_epochs, lr = 100, 0.003
    trainer = torch.optim.SGD([
        {"params": net[0].weight, 'weight_decay': wd},
        {"params": net[0].bias}], lr=lr)
    animator = Animator(xlabel='epochs', ylabel='loss', yscale='log',
                        xlim=[5, num_epochs], legend=['train', 'test'])
    for epoch in range(num_epochs):
        for X, y in train_iter:
            trainer.zero_grad()
            l = loss(net(X), y)
            l.mean().backward()
            trainer.step()
        if (epoch + 1) % 5 == 0:
            animator.add(epoch + 1, (evaluate_loss(net, train_iter, loss),
                                     evaluate_loss(net, test_iter, loss)))
    print('L2 norm of w:', net[0].weight.norm().item())


if __name__ == '__main__':
    train_concise(0)
    train_concise(3)
