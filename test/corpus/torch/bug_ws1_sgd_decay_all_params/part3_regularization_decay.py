# Idiom seen in: eadadi/deep_learn_ws1 part3_regularization_decay.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_optimization.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_baseline.py
# What it reproduces: a course-style experiment script that turns on weight decay by handing all of
# model.parameters() of a conv net (conv and fc biases included) to torch SGD(momentum, weight_decay=1e-5),
# hyper-parameters imported from sibling modules: decay on biases (the real repo code).
import torch
import torch.nn as nn

from part3_baseline import epochs, batch_size
from part3_optimization import CNNetwork, train_and_test
from part3_optimization import lr, momentum, std


def activate_decay():
    model = CNNetwork(std)
    return train_and_test(
        model=model,
        loss_fn=nn.CrossEntropyLoss(),
        optimizer=torch.optim.SGD(model.parameters(),  # expect: WD203
                                  lr=lr,
                                  momentum=momentum,
                                  weight_decay=1e-5),
        epochs=epochs,
        batch_size=batch_size)


if __name__ == "__main__":
    activate_decay()
