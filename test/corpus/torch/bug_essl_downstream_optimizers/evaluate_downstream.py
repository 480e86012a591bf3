# Idiom seen in: zahsa/ESSL essl/evaluate_downstream.py
# What it reproduces: downstream fine-tuning of an SSL backbone + MLP head; the optimizer comes from
# optimizers.__dict__[opt](model) with the factory's default decay values (see optimizers.py).
import torch
from torch import nn

from essl import datasets
from essl import losses
import optimizers


class finetune_model(nn.Module):
    def __init__(self, backbone, in_features, num_outputs):
        super().__init__()
        self.backbone = backbone
        self.classifier = nn.Sequential(
            nn.Linear(in_features=in_features, out_features=1024, bias=True),
            nn.ReLU(),
            nn.Linear(in_features=1024, out_features=512, bias=True),
            nn.ReLU(),
            nn.Linear(512, num_outputs),
        )

    def forward(self, x):
        x = self.backbone(x).flatten(start_dim=1)
        return self.classifier(x)


class finetune:
    def __init__(self, dataset: datasets.Data, opt: str = "Adam", num_epochs: int = 10,
                 loss: str = "CrossEntropyLoss", batch_size: int = 32, device: str = "cuda"):
        self.dataset = dataset
        self.opt = optimizers.__dict__[opt]
        self.num_epochs = num_epochs
        self.loss = losses.__dict__[loss](device)
        self.batch_size = batch_size
        self.device = device

    def __call__(self, backbone):
        model = finetune_model(backbone.backbone, backbone.in_features, self.dataset.num_classes).to(self.device)
        trainloader = torch.utils.data.DataLoader(self.dataset.train_data, batch_size=self.batch_size,
                                                  shuffle=True, num_workers=0)
        criterion = self.loss
        optimizer = self.opt(model)
        train_losses = []
        for epoch in range(self.num_epochs):
            running_loss = 0.0
            for X, y in trainloader:
                inputs, labels = X.to(self.device), y.to(self.device)
                optimizer.zero_grad()
                outputs = model(inputs)
                loss = criterion(outputs, labels)
                running_loss += loss.item()
                loss.backward()
                optimizer.step()
            train_losses.append(running_loss / len(trainloader))
        return train_losses
