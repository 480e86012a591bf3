# Idiom seen in: jindongwang/transferlearning code/DeepDA/models.py
# What it reproduces: TransferNet.get_parameters(initial_lr) returning per-part groups (backbone at 0.1x lr,
#   bottleneck, classifier) that set only 'lr', never 'weight_decay', each holding a whole module's parameters.
import torch
import torch.nn as nn

import backbones
from transfer_losses import TransferLoss


class TransferNet(nn.Module):
    def __init__(self, num_class, base_net='resnet50', transfer_loss='mmd', use_bottleneck=True,
                 bottleneck_width=256, max_iter=1000, **kwargs):
        super(TransferNet, self).__init__()
        self.num_class = num_class
        self.base_network = backbones.get_backbone(base_net)
        self.use_bottleneck = use_bottleneck
        self.transfer_loss = transfer_loss
        if self.use_bottleneck:
            bottleneck_list = [
                nn.Linear(self.base_network.output_num(), bottleneck_width),
                nn.ReLU()
            ]
            self.bottleneck_layer = nn.Sequential(*bottleneck_list)
            feature_dim = bottleneck_width
        else:
            feature_dim = self.base_network.output_num()
        self.classifier_layer = nn.Linear(feature_dim, num_class)
        self.adapt_loss = TransferLoss(loss_type=self.transfer_loss, max_iter=max_iter, num_class=num_class)
        self.criterion = torch.nn.CrossEntropyLoss()

    def forward(self, source, target, source_label):
        source = self.base_network(source)
        target = self.base_network(target)
        if self.use_bottleneck:
            source = self.bottleneck_layer(source)
            target = self.bottleneck_layer(target)
        source_clf = self.classifier_layer(source)
        clf_loss = self.criterion(source_clf, source_label)
        transfer_loss = self.adapt_loss(source, target)
        return clf_loss, transfer_loss

    def get_parameters(self, initial_lr=1.0):
        params = [
            {'params': self.base_network.parameters(), 'lr': 0.1 * initial_lr},
            {'params': self.classifier_layer.parameters(), 'lr': 1.0 * initial_lr},
        ]
        if self.use_bottleneck:
            params.append(
                {'params': self.bottleneck_layer.parameters(), 'lr': 1.0 * initial_lr}
            )
        return params

    def predict(self, x):
        features = self.base_network(x)
        if self.use_bottleneck:
            features = self.bottleneck_layer(features)
        return self.classifier_layer(features)
