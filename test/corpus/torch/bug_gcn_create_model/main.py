# Idiom seen in: hbkt/gcn-pytorch main.py
# Idiom seen in: hbkt/gcn-pytorch train.py
# What it reproduces: create_gcn_model() builds the model and its optimizer together, with
# Adam(model.parameters(), weight_decay=5e-4): coupled L2 under Adam, and the GCN biases decayed too.
from gcn import create_gcn_model
from train import run
from data import load_data


if __name__ == '__main__':
    data = load_data('cora')
    model, optimizer = create_gcn_model(data)
    run(data, model, optimizer, niter=10, verbose=True)
