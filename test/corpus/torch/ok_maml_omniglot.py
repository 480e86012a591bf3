# Idiom seen in: oscarknagg/few-shot experiments/maml.py
# Idiom seen in: oscarknagg/few-shot few_shot/maml.py
# What it reproduces: second-order MAML on Omniglot: fast weights are updated by hand inside each task
#   (param - inner_lr * grad) and the meta-learner is stepped by Adam(meta_model.parameters(), lr=meta_lr)
#   with no weight decay anywhere. Clean.
import argparse
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader

from few_shot.datasets import OmniglotDataset
from few_shot.core import NShotTaskSampler, create_nshot_task_label


def conv_block(in_channels, out_channels):
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, 3, padding=1), nn.BatchNorm2d(out_channels),
                         nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2))


def functional_conv_block(x, weights, biases, bn_weights, bn_biases):
    x = F.conv2d(x, weights, biases, padding=1)
    x = F.batch_norm(x, running_mean=None, running_var=None, weight=bn_weights, bias=bn_biases, training=True)
    return F.max_pool2d(F.relu(x), kernel_size=2, stride=2)


class FewShotClassifier(nn.Module):
    def __init__(self, num_input_channels, k_way, final_layer_size=64):
        super(FewShotClassifier, self).__init__()
        self.conv1 = conv_block(num_input_channels, 64)
        self.conv2 = conv_block(64, 64)
        self.conv3 = conv_block(64, 64)
        self.conv4 = conv_block(64, 64)
        self.logits = nn.Linear(final_layer_size, k_way)

    def forward(self, x):
        x = self.conv4(self.conv3(self.conv2(self.conv1(x))))
        return self.logits(x.view(x.size(0), -1))

    def functional_forward(self, x, weights):
        for block in [1, 2, 3, 4]:
            x = functional_conv_block(x, weights[f'conv{block}.0.weight'], weights[f'conv{block}.0.bias'],
                                      weights.get(f'conv{block}.1.weight'), weights.get(f'conv{block}.1.bias'))
        x = x.view(x.size(0), -1)
        return F.linear(x, weights['logits.weight'], weights['logits.bias'])


def meta_gradient_step(model, optimiser, loss_fn, x, y, n_shot, k_way, q_queries, inner_train_steps, inner_lr,
                       train, device):
    task_losses = []
    for meta_batch in x:
        x_task_train = meta_batch[:n_shot * k_way]
        x_task_val = meta_batch[n_shot * k_way:]
        fast_weights = OrderedDict(model.named_parameters())
        for inner_batch in range(inner_train_steps):
            y_train = create_nshot_task_label(k_way, n_shot).to(device)
            logits = model.functional_forward(x_task_train, fast_weights)
            loss = loss_fn(logits, y_train)
            gradients = torch.autograd.grad(loss, fast_weights.values(), create_graph=train)
            fast_weights = OrderedDict((name, param - inner_lr * grad)
                                       for ((name, param), grad) in zip(fast_weights.items(), gradients))
        y_val = create_nshot_task_label(k_way, q_queries).to(device)
        task_losses.append(loss_fn(model.functional_forward(x_task_val, fast_weights), y_val))

    model.train()
    optimiser.zero_grad()
    meta_batch_loss = torch.stack(task_losses).mean()
    if train:
        meta_batch_loss.backward()
        optimiser.step()
    return meta_batch_loss


parser = argparse.ArgumentParser()
parser.add_argument('--n', default=1, type=int)
parser.add_argument('--k', default=5, type=int)
parser.add_argument('--q', default=1, type=int)
parser.add_argument('--inner-train-steps', default=1, type=int)
parser.add_argument('--inner-lr', default=0.4, type=float)
parser.add_argument('--meta-lr', default=0.001, type=float)
parser.add_argument('--meta-batch-size', default=32, type=int)
parser.add_argument('--epochs', default=50, type=int)
parser.add_argument('--epoch-len', default=100, type=int)
args = parser.parse_args()

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
background = OmniglotDataset('background')
background_taskloader = DataLoader(
    background,
    batch_sampler=NShotTaskSampler(background, args.epoch_len, n=args.n, k=args.k, q=args.q,
                                   num_tasks=args.meta_batch_size),
    num_workers=8)

meta_model = FewShotClassifier(1, args.k, 64).to(device, dtype=torch.double)
meta_optimiser = torch.optim.Adam(meta_model.parameters(), lr=args.meta_lr)
loss_fn = nn.CrossEntropyLoss().to(device)

for epoch in range(1, args.epochs + 1):
    for batch in background_taskloader:
        x, _ = batch
        x = x.reshape(args.meta_batch_size, args.n * args.k + args.q * args.k, 1, x.shape[-2], x.shape[-1])
        loss = meta_gradient_step(meta_model, meta_optimiser, loss_fn, x.double().to(device), None,
                                  args.n, args.k, args.q, args.inner_train_steps, args.inner_lr, True, device)
    print('epoch', epoch, 'meta loss', loss.item())
