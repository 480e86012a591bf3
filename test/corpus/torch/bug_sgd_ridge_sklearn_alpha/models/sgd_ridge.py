# Idiom seen in: ZhaoShuai2332/torch_class models/SGDLogistic.py
# What it reproduces: a course-style model class that builds its own optimizer in
#   get_optimizer(learning_rate, momentum, weight_decay) over self.parameters(): the bias of the
#   linear layer is decayed too (WD203). The decay value itself comes from train.py.
import torch.nn as nn
import torch.optim as optim


class SGDRidge(nn.Module):
    def __init__(self, in_features=13):
        super(SGDRidge, self).__init__()
        self.model = nn.Sequential(
            nn.Linear(in_features, 1),
        )

    def forward(self, x):
        return self.model(x).squeeze(-1)

    def get_optimizer(self, learning_rate=0.04, momentum=0.9, weight_decay=1e-4):
        return optim.SGD(self.parameters(), lr=learning_rate, momentum=momentum, weight_decay=weight_decay)  # expect: WD203

    def get_loss_function(self):
        return nn.MSELoss()

    def get_scheduler(self, optimizer):
        return optim.lr_scheduler.StepLR(optimizer, step_size=100, gamma=0.5)
