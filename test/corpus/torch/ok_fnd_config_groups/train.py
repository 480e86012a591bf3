# Idiom seen in: maheenunzeelah/EMGFND src/image_graph_prediction/config.py
# What it reproduces: fake-news image-graph classifier trained with AdamW from the Config class; the decay is
# switched on by Config.weight_decay and given only to matrices, biases and LayerNorm go to a zero-decay group. Clean.
import torch
import torch.nn as nn
from torch_geometric.nn import GATConv, global_mean_pool

from config import Config
from fnd_dataset import get_graph_loaders  # not in this workspace


class ImageGraphNet(nn.Module):
    def __init__(self, in_dim=512, hidden=256, dropout=0.3):
        super().__init__()
        self.gat1 = GATConv(in_dim, hidden, heads=4, concat=False)
        self.gat2 = GATConv(hidden, hidden, heads=4, concat=False)
        self.norm = nn.LayerNorm(hidden)
        self.drop = nn.Dropout(dropout)
        self.cls = nn.Linear(hidden, 2)

    def forward(self, x, edge_index, batch):
        x = self.gat1(x, edge_index).relu()
        x = self.norm(self.gat2(x, edge_index).relu())
        return self.cls(self.drop(global_mean_pool(x, batch)))


def make_optimizer(model):
    params = model.parameters()
    if Config.weight_decay > 0:
        decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
        no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
        params = [{'params': decay, 'weight_decay': Config.weight_decay},
                  {'params': no_decay, 'weight_decay': 0.0}]
    return torch.optim.AdamW(params, lr=Config.lr, weight_decay=0.0)


def main():
    model = ImageGraphNet(dropout=Config.dropout)
    optimizer = make_optimizer(model)
    criterion = nn.CrossEntropyLoss()
    train_loader, val_loader = get_graph_loaders(batch_size=Config.batch_size)
    for epoch in range(Config.epochs):
        model.train()
        for step, data in enumerate(train_loader):
            out = model(data.x, data.edge_index, data.batch)
            loss = criterion(out, data.y) / Config.gradient_accumulation_steps
            loss.backward()
            if (step + 1) % Config.gradient_accumulation_steps == 0:
                optimizer.step()
                optimizer.zero_grad()
        print(f"epoch {epoch} loss {loss.item():.4f}")


if __name__ == '__main__':
    main()
