# Idiom seen in: quark0/darts cnn/model_search.py
# What it reproduces: DARTS search network with architecture alphas kept beside the weights;
#   the stem BatchNorm and the classifier bias are ordinary parameters of model.parameters().
import torch
import torch.nn as nn
import torch.nn.functional as F

from operations import OPS, FactorizedReduce, ReLUConvBN
from genotypes import PRIMITIVES, Genotype


class MixedOp(nn.Module):

  def __init__(self, C, stride):
    super(MixedOp, self).__init__()
    self._ops = nn.ModuleList()
    for primitive in PRIMITIVES:
      op = OPS[primitive](C, stride, False)
      if 'pool' in primitive:
        op = nn.Sequential(op, nn.BatchNorm2d(C, affine=False))
      self._ops.append(op)

  def forward(self, x, weights):
    return sum(w * op(x) for w, op in zip(weights, self._ops))


class Network(nn.Module):

  def __init__(self, C, num_classes, layers, criterion, steps=4, multiplier=4):
    super(Network, self).__init__()
    self._C = C
    self._num_classes = num_classes
    self._layers = layers
    self._criterion = criterion
    self._steps = steps
    self._multiplier = multiplier

    C_curr = 3 * C
    self.stem = nn.Sequential(
      nn.Conv2d(3, C_curr, 3, padding=1, bias=False),
      nn.BatchNorm2d(C_curr)
    )
    self.cells = nn.ModuleList([MixedOp(C_curr, 1) for _ in range(layers)])
    self.global_pooling = nn.AdaptiveAvgPool2d(1)
    self.classifier = nn.Linear(C_curr, num_classes)
    self._initialize_alphas()

  def _initialize_alphas(self):
    k = sum(1 for i in range(self._steps) for n in range(2 + i))
    num_ops = len(PRIMITIVES)
    self.alphas_normal = torch.tensor(1e-3 * torch.randn(k, num_ops), requires_grad=True)
    self.alphas_reduce = torch.tensor(1e-3 * torch.randn(k, num_ops), requires_grad=True)
    self._arch_parameters = [self.alphas_normal, self.alphas_reduce]

  def arch_parameters(self):
    return self._arch_parameters

  def forward(self, input):
    s = self.stem(input)
    for cell in self.cells:
      s = cell(s, F.softmax(self.alphas_normal[0], dim=-1))
    out = self.global_pooling(s)
    return self.classifier(out.view(out.size(0), -1))

  def _loss(self, input, target):
    logits = self(input)
    return self._criterion(logits, target)

  def genotype(self):
    return Genotype(normal=F.softmax(self.alphas_normal, dim=-1).data.cpu().numpy(),
                    reduce=F.softmax(self.alphas_reduce, dim=-1).data.cpu().numpy())
