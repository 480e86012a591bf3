# Idiom seen in: MignonDeveloper/pytorch-tutorials 0. Pytorch Scratch/Tensorboard/main.py
# What it reproduces: the TensorBoard tutorial's hyper-parameter sweep (Adam with weight_decay=0.0, SummaryWriter
#   per run) where a user adds an L2 penalty on the weights but only writes it to TensorBoard: loss.backward()
#   differentiates the bare cross entropy, so the penalty is computed and dropped (WD104).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter


class CNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 8, kernel_size=3, stride=1, padding=1)
        self.pool = nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1)
        self.fc1 = nn.Linear(16 * 7 * 7, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc1(x.reshape(x.shape[0], -1))


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
num_epochs = 1
l2_lambda = 1e-4
train_dataset = datasets.MNIST(root="dataset/", train=True, transform=transforms.ToTensor(), download=True)

for batch_size in [32, 256]:
    for learning_rate in [1e-2, 1e-3]:
        step = 0
        model = CNN().to(device)
        model.train()
        criterion = nn.CrossEntropyLoss()
        train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
        optimizer = optim.Adam(model.parameters(), lr=learning_rate, weight_decay=0.0)
        writer = SummaryWriter(f"runs/MNIST/MiniBatchSize {batch_size} LR {learning_rate}")

        for epoch in range(num_epochs):
            for batch_idx, (data, targets) in enumerate(train_loader):
                data, targets = data.to(device), targets.to(device)
                scores = model(data)
                loss = criterion(scores, targets)
                l2_penalty = l2_lambda * sum(p.pow(2).sum() for n, p in model.named_parameters() if "weight" in n)  # expect: WD104

                optimizer.zero_grad()
                loss.backward()
                optimizer.step()

                _, predictions = scores.max(1)
                running_train_acc = float((predictions == targets).sum()) / float(data.shape[0])
                writer.add_scalar("Training loss", loss, global_step=step)
                writer.add_scalar("L2 penalty", l2_penalty, global_step=step)
                writer.add_scalar("Training Accuracy", running_train_acc, global_step=step)
                step += 1
        writer.close()
