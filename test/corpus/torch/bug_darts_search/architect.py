# Idiom seen in: quark0/darts cnn/architect.py
# What it reproduces: the architect optimizes the alphas with Adam(..., weight_decay=args.arch_weight_decay):
#   coupled L2 under Adam (WD202). The unrolled step re-adds network_weight_decay*theta to mirror the
#   weights' SGD decay in the one-step lookahead; that is no loss penalty, so no double decay.
import torch
import numpy as np
import torch.nn as nn

from model_search import Network


def _concat(xs):
  return torch.cat([x.view(-1) for x in xs])


class Architect(object):

  def __init__(self, model, args):
    self.network_momentum = args.momentum
    self.network_weight_decay = args.weight_decay
    self.model = model
    self.optimizer = torch.optim.Adam(self.model.arch_parameters(),
        lr=args.arch_learning_rate, betas=(0.5, 0.999), weight_decay=args.arch_weight_decay)  # expect: WD202

  def _compute_unrolled_model(self, input, target, eta, network_optimizer):
    loss = self.model._loss(input, target)
    theta = _concat(self.model.parameters()).data
    try:
      moment = _concat(network_optimizer.state[v]['momentum_buffer'] for v in self.model.parameters()).mul_(self.network_momentum)
    except KeyError:
      moment = torch.zeros_like(theta)
    dtheta = _concat(torch.autograd.grad(loss, self.model.parameters())).data + self.network_weight_decay * theta
    return self._construct_model_from_theta(theta.sub(eta * (moment + dtheta)))

  def step(self, input_train, target_train, input_valid, target_valid, eta, network_optimizer, unrolled):
    self.optimizer.zero_grad()
    if unrolled:
      self._backward_step_unrolled(input_train, target_train, input_valid, target_valid, eta, network_optimizer)
    else:
      self._backward_step(input_valid, target_valid)
    nn.utils.clip_grad_norm_(self.model.arch_parameters(), 10.)
    self.optimizer.step()

  def _backward_step(self, input_valid, target_valid):
    loss = self.model._loss(input_valid, target_valid)
    loss.backward()

  def _backward_step_unrolled(self, input_train, target_train, input_valid, target_valid, eta, network_optimizer):
    unrolled_model = self._compute_unrolled_model(input_train, target_train, eta, network_optimizer)
    loss = unrolled_model._loss(input_valid, target_valid)
    grads = torch.autograd.grad(loss, unrolled_model.arch_parameters())
    for v, g in zip(self.model.arch_parameters(), grads):
      if v.grad is None:
        v.grad = g.data.clone()
      else:
        v.grad.data.copy_(g.data)

  def _construct_model_from_theta(self, theta):
    model_new = Network(self.model._C, self.model._num_classes, self.model._layers, self.model._criterion)
    for x, y in zip(model_new.arch_parameters(), self.model.arch_parameters()):
      x.data.copy_(y.data)
    model_dict = self.model.state_dict()
    params, offset = {}, 0
    for k, v in self.model.named_parameters():
      v_length = int(np.prod(v.size()))
      params[k] = theta[offset: offset + v_length].view(v.size())
      offset += v_length
    model_dict.update(params)
    model_new.load_state_dict(model_dict)
    return model_new
