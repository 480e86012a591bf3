# Idiom seen in: tristandeleu/pytorch-maml train.py
# What it reproduces: MAML on Omniglot: inner-loop SGD steps written by hand (params - step_size * grad) and an
# outer Adam(model.parameters(), lr=meta_lr) without weight_decay; no decay term anywhere, nothing to report.
import math
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torchmeta.datasets import Omniglot
from torchmeta.modules import MetaConv2d, MetaBatchNorm2d, MetaLinear, MetaModule, MetaSequential
from torchmeta.transforms import CategoricalWrapper, ClassSplitter
from torchmeta.utils.data import BatchMetaDataLoader
from torchvision.transforms import Compose, Resize, ToTensor


def conv3x3(in_channels, out_channels):
    return MetaSequential(MetaConv2d(in_channels, out_channels, kernel_size=3, padding=1),
                          MetaBatchNorm2d(out_channels, momentum=1., track_running_stats=False),
                          torch.nn.ReLU(), torch.nn.MaxPool2d(2))


class MetaVGGNetwork(MetaModule):
    def __init__(self, in_channels, out_features, hidden_size=64):
        super().__init__()
        self.features = MetaSequential(conv3x3(in_channels, hidden_size), conv3x3(hidden_size, hidden_size),
                                       conv3x3(hidden_size, hidden_size), conv3x3(hidden_size, hidden_size))
        self.classifier = MetaLinear(hidden_size, out_features)

    def forward(self, inputs, params=None):
        features = self.features(inputs, params=self.get_subdict(params, 'features'))
        return self.classifier(features.view(features.size(0), -1), params=self.get_subdict(params, 'classifier'))


def gradient_update_parameters(model, loss, step_size=0.5, first_order=False):
    params = OrderedDict(model.meta_named_parameters())
    grads = torch.autograd.grad(loss, params.values(), create_graph=not first_order)
    return OrderedDict((name, param - step_size * grad) for (name, param), grad in zip(params.items(), grads))


def main(args):
    dataset_transform = Compose([CategoricalWrapper(), ClassSplitter(shuffle=True, num_train_per_class=args.num_shots,
                                                                     num_test_per_class=args.num_shots_test)])
    meta_train_dataset = Omniglot(args.folder, transform=Compose([Resize(28), ToTensor()]),
                                  num_classes_per_task=args.num_ways, meta_train=True,
                                  dataset_transform=dataset_transform, download=True)
    loader = BatchMetaDataLoader(meta_train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=1)
    model = MetaVGGNetwork(1, args.num_ways, hidden_size=args.hidden_size).to(args.device)
    meta_optimizer = torch.optim.Adam(model.parameters(), lr=args.meta_lr)

    for epoch in range(args.num_epochs):
        for batch_idx, batch in enumerate(loader):
            if batch_idx >= args.num_batches:
                break
            train_inputs, train_targets = [t.to(args.device) for t in batch['train']]
            test_inputs, test_targets = [t.to(args.device) for t in batch['test']]
            meta_optimizer.zero_grad()
            outer_loss = torch.tensor(0., device=args.device)
            for task_idx in range(train_inputs.size(0)):
                params = None
                for _ in range(args.num_steps):
                    inner_loss = F.cross_entropy(model(train_inputs[task_idx], params=params), train_targets[task_idx])
                    model.zero_grad()
                    params = gradient_update_parameters(model, inner_loss, step_size=args.step_size,
                                                        first_order=args.first_order)
                outer_loss += F.cross_entropy(model(test_inputs[task_idx], params=params), test_targets[task_idx])
            outer_loss.div_(train_inputs.size(0))
            outer_loss.backward()
            meta_optimizer.step()
        print('Epoch {0: <{1}d} outer loss {2:.4f}'.format(epoch + 1, 1 + int(math.log10(args.num_epochs)),
                                                           outer_loss.item()))


if __name__ == '__main__':
    import argparse

    parser = argparse.ArgumentParser('MAML')
    parser.add_argument('folder', type=str)
    parser.add_argument('--num-ways', type=int, default=5)
    parser.add_argument('--num-shots', type=int, default=5)
    parser.add_argument('--num-shots-test', type=int, default=15)
    parser.add_argument('--hidden-size', type=int, default=64)
    parser.add_argument('--batch-size', type=int, default=25)
    parser.add_argument('--num-steps', type=int, default=1)
    parser.add_argument('--num-epochs', type=int, default=50)
    parser.add_argument('--num-batches', type=int, default=100)
    parser.add_argument('--step-size', type=float, default=0.1)
    parser.add_argument('--first-order', action='store_true')
    parser.add_argument('--meta-lr', type=float, default=0.001)
    parser.add_argument('--use-cuda', action='store_true')
    args = parser.parse_args()
    args.device = torch.device('cuda' if args.use_cuda and torch.cuda.is_available() else 'cpu')
    main(args)
