# Idiom seen in: xyL1u/Self-study-PyTorch Linreg/weight_decay_torch.py
# What it reproduces: the d2l "weight decay, concise implementation" exercise: plain SGD with a parameter group
#   that decays only net[0].weight, swept over wd. Realistic mistake in that idiom: the learner raised lr from
#   0.003 to 0.01 and kept the sweep's largest wd=200, so lr*wd = 2: plain SGD's decay factor 1 - lr*wd = -1
#   flips the weights' sign every step (WD301 on the 200).
import matplotlib.pyplot as plt
import torch
from torch import nn
from d2l import torch as d2l

n_train, n_test, num_inputs, batch_size = 20, 100, 200, 5
true_w, true_b = torch.ones((num_inputs, 1)) * 0.01, 0.05
train_data = d2l.synthetic_data(true_w, true_b, n_train)
train_iter = d2l.load_array(train_data, batch_size)
test_data = d2l.synthetic_data(true_w, true_b, n_test)
test_iter = d2l.load_array(test_data, batch_size, is_train=False)


def train_concise(wd):
    net = nn.Sequential(nn.Linear(num_inputs, 1))
    for param in net.parameters():
        param.data.normal_()
    loss = nn.MSELoss()
    num_epochs, lr = 100, 0.01
    # only the weight is decayed; the bias group has no weight_decay
    trainer = torch.optim.SGD([{'params': net[0].weight, 'weight_decay': wd},
                               {'params': net[0].bias}],
                              lr=lr)
    train_losses, test_losses = [], []
    for epoch in range(num_epochs):
        for X, y in train_iter:
            trainer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            trainer.step()
        train_losses.append(d2l.evaluate_loss(net, train_iter, loss))
        test_losses.append(d2l.evaluate_loss(net, test_iter, loss))
    print('wd = %g, L2 norm of w: %.4f' % (wd, net[0].weight.norm().item()))
    plt.figure(figsize=(8, 6))
    plt.plot(range(1, num_epochs + 1), train_losses, label='Train Loss')
    plt.plot(range(1, num_epochs + 1), test_losses, label='Test Loss')
    plt.yscale('log')
    plt.xlabel('Epochs')
    plt.ylabel('Loss')
    plt.title('weight decay = %g' % wd)
    plt.legend()
    plt.show()


train_concise(0)
train_concise(3)
train_concise(200)  # expect: WD301
