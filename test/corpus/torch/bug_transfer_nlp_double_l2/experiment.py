# Idiom seen in: feedly/transfer-nlp experiments/mlp.json
# Idiom seen in: feedly/transfer-nlp transfer_nlp/plugins/trainers.py
# What it reproduces: an experiment wired in Python instead of the JSON config: SGD with weight_decay over all
#   model.parameters() (biases included, WD203) plus the L2 regularizer plugin on the same parameters, so every
#   weight is decayed twice (WD201, reported in regularizers.py).
import torch
import torch.nn as nn
import torch.optim as optim

from loaders import SurnamesDatasetMLP
from regularizers import L2
from trainers import BasicTrainer


class MultiLayerPerceptron(nn.Module):

    def __init__(self, input_dim: int, hidden_dim: int, output_dim: int):
        super(MultiLayerPerceptron, self).__init__()
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x_in):
        intermediate = torch.relu(self.fc1(x_in))
        return self.fc2(torch.dropout(intermediate, p=0.5, train=self.training))


dataset_splits = SurnamesDatasetMLP(data_file='data/surnames_with_splits.csv', batch_size=128)
model = MultiLayerPerceptron(input_dim=dataset_splits.input_dim, hidden_dim=100,
                             output_dim=dataset_splits.output_dim)
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)  # expect: WD203
regularizer = L2(alpha=1e-4)

trainer = BasicTrainer(model=model,
                       dataset_splits=dataset_splits,
                       loss=nn.CrossEntropyLoss(),
                       optimizer=optimizer,
                       num_epochs=100,
                       loss_accumulation_steps=1,
                       regularizer=regularizer)
trainer.train()
