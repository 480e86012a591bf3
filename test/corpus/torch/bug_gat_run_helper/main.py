# Idiom seen in: marblet/gat-pytorch main.py
# Idiom seen in: marblet/gat-pytorch train.py
# What it reproduces: entry point handing lr and weight_decay=5e-4 to run(); the decay lands in
#   Adam's coupled L2 inside train.py.
from gat import GAT
from train import run
from data import load_data

if __name__ == '__main__':
    data = load_data('cora')
    model = GAT(data)
    run(data, model, lr=0.005, weight_decay=5e-4, niter=10)
