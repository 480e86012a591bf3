# Idiom seen in: BigfufuOuO/DeepLearning GraphConvolution/run.py
# What it reproduces: the Kipf-style GCN run script (Learning_rate / Weight_decay module constants,
# train_model(epochs, model, criterion, optimizer, data)), written the way the GCN paper regularizes:
# Adam without weight_decay and an explicit Weight_decay * ||W1||^2 / 2 on the first layer only. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.nn import GCNConv

from DataLoad import DataProcessor

Learning_rate = 0.01
Weight_decay = 5e-4
Epochs = 200

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class GCNNet(nn.Module):
    def __init__(self, num_features, hidden=16, num_classes=7):
        super().__init__()
        self.conv1 = GCNConv(num_features, hidden)
        self.conv2 = GCNConv(hidden, num_classes)

    def forward(self, x, edge_index):
        x = F.dropout(x, p=0.5, training=self.training)
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, p=0.5, training=self.training)
        return self.conv2(x, edge_index)


def train_model(epochs, model, criterion, optimizer, data):
    for epoch in range(epochs):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.edge_index)
        l2 = model.conv1.lin.weight.pow(2).sum() / 2
        loss = criterion(out[data.train_mask], data.y[data.train_mask]) + Weight_decay * l2
        loss.backward()
        optimizer.step()
        if epoch % 20 == 0:
            print('epoch', epoch, 'loss', loss.item())


dataset = DataProcessor('cora')
model = GCNNet(dataset.features.shape[1]).to(device)
criterion = torch.nn.CrossEntropyLoss().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=Learning_rate)

torch_dataset = dataset.Transform_Data().to(device)
train_model(Epochs, model, criterion, optimizer, torch_dataset)
