# Idiom seen in: tum-pbs/PhiFlow phi/torch/nets.py
# What it reproduces: a PhiFlow learning script that picks its backend by a flag (phi.torch / phi.jax
#   flow modules, dense_net + update_weights). The project optimizer factory gives the torch branch
#   Adam(model.parameters(), weight_decay=...): coupled L2 under Adam, also on biases and BatchNorm.
#   The jax branch uses masked optax.adamw (fine). Realistic user code on top of the repo API.
import argparse

import config
from optim_factory import make_optimizer


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument('--backend', default=config.BACKEND, choices=['torch', 'jax'])
    ap.add_argument('--lr', type=float, default=config.LEARNING_RATE)
    ap.add_argument('--wd', type=float, default=config.WEIGHT_DECAY)
    return ap.parse_args()


def main():
    args = parse()
    if args.backend == 'torch':
        from phi.torch.flow import math, dense_net, update_weights
    else:
        from phi.jax.stax.flow import math, dense_net, update_weights

    net = dense_net(2, 1, config.LAYERS, batch_norm=config.BATCH_NORM, activation='ReLU')
    optimizer = make_optimizer(net, args.backend, args.lr, args.wd)

    def loss_function(x, y):
        prediction = math.native_call(net, x)
        return math.l2_loss(prediction - y), prediction

    for step in range(config.STEPS):
        x = math.random_normal(math.batch(samples=128), math.channel(vector=2))
        y = math.sin(x.vector[0]) * math.cos(x.vector[1])
        loss, _ = update_weights(net, optimizer, loss_function, x, y)
        if step % 100 == 0:
            print(step, loss)


if __name__ == '__main__':
    main()
