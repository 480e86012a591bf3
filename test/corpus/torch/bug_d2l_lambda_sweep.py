# Idiom seen in: d2l-ai/d2l-zh chapter_multilayer-perceptrons/weight-decay.md
# What it reproduces: the d2l "weight decay" chapter (high-dimensional linear regression, lr = 0.003),
#   from scratch and concise (SGD groups: weight decayed, bias not); a student's exercise then sweeps
#   lambda and tries wd = 500: plain SGD with lr*wd = 1.5 >= 1 flips the weight's sign every step.
import torch
from torch import nn
from d2l import torch as d2l

n_train, n_test, num_inputs, batch_size = 20, 100, 200, 5
true_w, true_b = torch.ones((num_inputs, 1)) * 0.01, 0.05
train_data = d2l.synthetic_data(true_w, true_b, n_train)
train_iter = d2l.load_array(train_data, batch_size)
test_data = d2l.synthetic_data(true_w, true_b, n_test)
test_iter = d2l.load_array(test_data, batch_size, is_train=False)


def init_params():
    w = torch.normal(0, 1, size=(num_inputs, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    return [w, b]


def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2


def train(lambd):
    w, b = init_params()
    net, loss = lambda X: d2l.linreg(X, w, b), d2l.squared_loss
    num_epochs, lr = 100, 0.003
    for epoch in range(num_epochs):
        for X, y in train_iter:
            # 增加了L2范数惩罚项
            l = loss(net(X), y) + lambd * l2_penalty(w)
            l.sum().backward()
            d2l.sgd([w, b], lr, batch_size)
    print('w的L2范数是：', torch.norm(w).item())


def train_concise(wd):
    net = nn.Sequential(nn.Linear(num_inputs, 1))
    for param in net.parameters():
        param.data.normal_()
    loss = nn.MSELoss(reduction='none')
    num_epochs, lr = 100, 0.003
    # 偏置参数没有衰减
    trainer = torch.optim.SGD([
        {"params": net[0].weight, 'weight_decay': wd},
        {"params": net[0].bias}], lr=lr)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            trainer.zero_grad()
            l = loss(net(X), y)
            l.mean().backward()
            trainer.step()
    train_l = d2l.evaluate_loss(net, train_iter, loss)
    test_l = d2l.evaluate_loss(net, test_iter, loss)
    print('wd=%g  w的L2范数：%.4f  train %.5f  test %.5f' % (wd, net[0].weight.norm().item(), train_l, test_l))
    return train_l, test_l


if __name__ == '__main__':
    train(lambd=3)

    # 练习1：在本节的估计问题中使用λ的值进行实验，绘制训练和测试精度关于λ的函数
    results = {}
    for wd in [0, 1, 3, 10, 30, 100]:
        results[wd] = train_concise(wd)
    # 看看非常大的λ会怎样
    results[500] = train_concise(500)  # expect: WD301
    print(results)
