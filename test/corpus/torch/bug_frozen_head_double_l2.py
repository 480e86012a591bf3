# Idiom seen in: thaoducphung/deep-learning Exercises/frozen_parameters.py
# What it reproduces: frozen ResNet-18, only the classifier trained; the user gives SGD weight_decay on
#   model.fc.parameters() (bias included) and also adds an explicit L2 on model.fc.weight to the loss: the fc
#   weight is decayed twice. User mistake in the repository's idiom (the repository used no decay).
import torch
import torchvision
from torch import nn, optim

from data import train_loader

l2_lambda = 5e-4

model = torchvision.models.resnet18(pretrained=True)

# Freeze all the parameters in the network
for param in model.parameters():
    param.requires_grad = False

model.fc = nn.Linear(512, 10)

# Optimize only the classifier
optimizer = optim.SGD(model.fc.parameters(), lr=1e-2, momentum=0.9, weight_decay=5e-4)  # expect: WD203
criterion = nn.CrossEntropyLoss()

for epoch in range(15):
    running = 0.0
    for inputs, labels in train_loader:
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        l2_reg = l2_lambda * model.fc.weight.pow(2).sum()  # expect: WD201
        loss = loss + l2_reg
        loss.backward()
        optimizer.step()
        running += loss.item()
    print(f"[{epoch + 1}] loss: {running / len(train_loader):.3f}")
