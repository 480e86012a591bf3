# Idiom seen in: zahsa/ESSL essl/fitness.py
# Idiom seen in: zahsa/ESSL essl/pretext_selection.py
# What it reproduces: the GA fitness: SimCLR pretext training (plain SGD, no decay) followed by downstream
# fine-tuning with the decaying optimizer factories ("Adam" for the linear eval, "SGD" for the full fine-tune).
import torch
from torch import nn
from lightly.data import LightlyDataset, SimCLRCollateFunction
from lightly.loss import NTXentLoss
from lightly.models.modules import SimCLRProjectionHead

from essl import backbones, datasets
import evaluate_downstream


class SimCLR(nn.Module):
    def __init__(self, backbone):
        super().__init__()
        self.backbone = backbone.backbone
        self.in_features = backbone.in_features
        self.projection_head = SimCLRProjectionHead(self.in_features, 512, 128)

    def forward(self, x):
        return self.projection_head(self.backbone(x).flatten(start_dim=1))

    def fit(self, dataset, batch_size, num_epochs, device="cuda"):
        self.to(device)
        loader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True, drop_last=True,
                                             collate_fn=SimCLRCollateFunction(input_size=32, gaussian_blur=0.))
        criterion = NTXentLoss().to(device)
        optimizer = torch.optim.SGD(self.parameters(), lr=0.06)
        for epoch in range(num_epochs):
            for (x0, x1), _, _ in loader:
                loss = criterion(self(x0.to(device)), self(x1.to(device)))
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
        return self


def fitness(dataset_name="Cifar10", backbone="largerCNN_backbone", ssl_epochs=10, device="cuda"):
    data = datasets.__dict__[dataset_name](seed=10)
    representation = SimCLR(backbones.__dict__[backbone](10))
    representation.fit(LightlyDataset.from_torch_dataset(data.ssl_data), 256, ssl_epochs, device)

    linear_eval = evaluate_downstream.finetune(data, opt="Adam", num_epochs=10, device=device)
    full_finetune = evaluate_downstream.finetune(data, opt="SGD", num_epochs=30, device=device)
    return linear_eval(representation)[-1], full_finetune(representation)[-1]


if __name__ == "__main__":
    print(fitness())
