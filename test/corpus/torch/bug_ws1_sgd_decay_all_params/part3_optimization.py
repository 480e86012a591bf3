# Idiom seen in: eadadi/deep_learn_ws1 part3_regularization_decay.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_optimization.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_baseline.py
# What it reproduces: a course-style experiment script that turns on weight decay by handing all of
# model.parameters() of a conv net (conv and fc biases included) to torch SGD(momentum, weight_decay=1e-5),
# hyper-parameters imported from sibling modules: decay on biases (the real repo code).
import torch

from part3_baseline import CNNetwork, Train, Test, epochs, loss_fn, batch_size, get_trainloader_and_testloader


def train_and_test(model, loss_fn, optimizer, epochs, batch_size, const_log=False):
    trainloader, testloader = get_trainloader_and_testloader(batch_size=batch_size)
    history = ([], [], [], [])
    for t in range(epochs):
        flag = const_log or t + 1 == epochs
        if flag:
            print(f"[E{t + 1}]", end=" ")
        tr_loss, tr_acc = Train(trainloader, model, loss_fn, optimizer)
        te_loss, te_acc = Test(testloader, model, loss_fn, flag)
        for lst, v in zip(history, (tr_loss, tr_acc, te_loss, te_acc)):
            lst.append(round(v, 2))
    return history


# best params obtained in the previous question
momentum = .9
lr = .001
std = .1


def activate_optimization():
    model = CNNetwork(std)
    return train_and_test(model=model, loss_fn=loss_fn, optimizer=torch.optim.Adam(model.parameters(), lr),
                          epochs=epochs, batch_size=batch_size)
