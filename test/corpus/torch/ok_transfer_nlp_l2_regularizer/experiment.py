# Idiom seen in: feedly/transfer-nlp experiments/surnameClassifier.json
# Idiom seen in: feedly/transfer-nlp transfer_nlp/plugins/trainers.py
# What it reproduces: an experiment wired in Python: the L2 regularizer plugin is the only decay (its penalty is
#   added to the backpropagated loss by BasicTrainer) and the SGD optimizer has no weight_decay. Clean.
import torch
import torch.nn as nn
import torch.optim as optim

from loaders import SurnamesDatasetCNN
from regularizers import L2
from trainers import BasicTrainer


class SurnameClassifierCNN(nn.Module):

    def __init__(self, initial_num_channels: int, num_classes: int, num_channels: int):
        super(SurnameClassifierCNN, self).__init__()
        self.convnet = nn.Sequential(
            nn.Conv1d(initial_num_channels, num_channels, kernel_size=3),
            nn.ELU(),
            nn.Conv1d(num_channels, num_channels, kernel_size=3, stride=2),
            nn.ELU(),
            nn.Conv1d(num_channels, num_channels, kernel_size=3, stride=2),
            nn.ELU(),
        )
        self.fc = nn.Linear(num_channels, num_classes)

    def forward(self, x_in):
        features = self.convnet(x_in)
        features = features.mean(dim=2)
        return self.fc(features)


dataset_splits = SurnamesDatasetCNN(data_file='data/surnames_with_splits.csv', batch_size=128)
model = SurnameClassifierCNN(initial_num_channels=dataset_splits.vocab_size, num_classes=dataset_splits.num_classes,
                             num_channels=256)
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
regularizer = L2(alpha=5e-5)

trainer = BasicTrainer(model=model,
                       dataset_splits=dataset_splits,
                       loss=nn.CrossEntropyLoss(),
                       optimizer=optimizer,
                       num_epochs=50,
                       loss_accumulation_steps=1,
                       regularizer=regularizer)
trainer.train()
