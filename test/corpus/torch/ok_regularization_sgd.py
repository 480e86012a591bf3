# Idiom seen in: E-Dreamer-LQ/Training_Tricks regularization.py
# What it reproduces: the copied Regularization(model, weight_decay) module is built with weight_decay = 0.00005 and its
#   term is added to the loss that is backpropagated; the SGD optimizer has no weight_decay of its own: clean.
import torch
import torch.nn as nn
import torch.optim as optim

from dataloaders import make_loaders


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.weight_list = self.get_weight(model)

    def to(self, device):
        self.device = device
        super().to(device)
        return self

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay)

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    def regularization_loss(self, weight_list, weight_decay, L1=False, L2=True):
        reg_loss = 0
        for name, w in weight_list:
            l1_reg = torch.norm(w, p=1)
            l2_reg = torch.norm(w, p=2)
            if L1 and L2:
                reg_loss = reg_loss + l2_reg + l1_reg
            if not L1 and L2:
                reg_loss = reg_loss + l2_reg
            if L1 and not L2:
                reg_loss = reg_loss + l1_reg
        return weight_decay * reg_loss


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(64 * 8 * 8, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    weight_decay = 0.00005
    model = SmallCNN().to(device)
    if weight_decay > 0:
        reg_loss = Regularization(model, weight_decay).to(device)
    else:
        print("no regularization")
        reg_loss = None

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    train_loader, _ = make_loaders(batch_size=64)
    for epoch in range(30):
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y)
            if reg_loss is not None:
                loss = loss + reg_loss(model)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print("epoch {} loss {:.4f}".format(epoch, loss.item()))
