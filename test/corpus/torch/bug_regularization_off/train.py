# Idiom seen in: E-Dreamer-LQ/Training_Tricks regularization.py
# Idiom seen in: Ringares/Pytorch_Prac utils/regularization.py
# What it reproduces: the widely copied Regularization(model, weight_decay) module is only built under
#   `if weight_decay > 0:`, and the script sets weight_decay = 0.0, so the whole L2 path is dead code.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import FacadeDataset
from regularization import Regularization

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
batch_size = 16
lr = 1e-3
epochs = 50
weight_decay = 0.0  # regularization factor, 0 turns it off


class FPN(nn.Module):
    def __init__(self, num_classes=5):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU())
        self.head = nn.Conv2d(64, num_classes, 1)

    def forward(self, x):
        return nn.functional.interpolate(self.head(self.encoder(x)), scale_factor=2)


model = FPN().to(device)
reg_loss = None
if weight_decay > 0:  # expect: WD303
    reg_loss = Regularization(model, weight_decay, p=2).to(device)
else:
    print("no regularization")

criterion = nn.CrossEntropyLoss().to(device)
optimizer = optim.SGD(model.parameters(), lr=lr, momentum=0.9)
train_loader = DataLoader(FacadeDataset('data/train'), batch_size=batch_size, shuffle=True)

for epoch in range(epochs):
    model.train()
    for images, masks in train_loader:
        images, masks = images.to(device), masks.to(device)
        out = model(images)
        loss = criterion(out, masks)
        if reg_loss is not None:
            loss = loss + reg_loss(model)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch %d loss %.4f' % (epoch, loss.item()))
torch.save(model.state_dict(), 'fpn.pth')
