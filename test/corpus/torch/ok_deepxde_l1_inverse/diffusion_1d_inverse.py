# Idiom seen in: lululxvi/deepxde examples/pinn_inverse/diffusion_1d_inverse.py
# Idiom seen in: lululxvi/deepxde deepxde/model.py
# What it reproduces: a PINN inverse problem (unknown diffusion coefficient C as an external trainable
#   variable) with an L1 regularizer on the network: the L1 term joins the losses, the optimizer is Adam
#   with weight_decay = the L2 factor, which is 0 here, and C is in a no-decay group. No L2 anywhere: clean.
import numpy as np
import torch
import deepxde as dde

from model import Model

C = torch.nn.Parameter(torch.tensor(2.0))


def pde(x, y):
    dy_t = dde.grad.jacobian(y, x, i=0, j=1)
    dy_xx = dde.grad.hessian(y, x, i=0, j=0)
    return dy_t - C * dy_xx + torch.exp(-x[:, 1:]) * (torch.sin(np.pi * x[:, 0:1]) - np.pi ** 2 * torch.sin(np.pi * x[:, 0:1]))


def func(x):
    return np.sin(np.pi * x[:, 0:1]) * np.exp(-x[:, 1:])


geom = dde.geometry.Interval(-1, 1)
timedomain = dde.geometry.TimeDomain(0, 1)
geomtime = dde.geometry.GeometryXTime(geom, timedomain)

bc = dde.icbc.DirichletBC(geomtime, func, lambda _, on_boundary: on_boundary)
ic = dde.icbc.IC(geomtime, func, lambda _, on_initial: on_initial)
observe_x = np.vstack((np.linspace(-1, 1, num=10), np.full((10), 1))).T
observe_y = dde.icbc.PointSetBC(observe_x, func(observe_x), component=0)

data = dde.data.TimePDE(geomtime, pde, [bc, ic, observe_y], num_domain=40, num_boundary=20,
                        num_initial=10, anchors=observe_x, solution=func, num_test=10000)

net = dde.nn.FNN([2] + [32] * 3 + [1], "tanh", "Glorot uniform")
net.regularizer = ("l1", 1e-5)

model = Model(data, net)
model.compile("adam", lr=0.001, external_trainable_variables=[C])
model.train(iterations=50000)
print("C =", C.item())
