# Idiom seen in: hbkt/gcn-pytorch main.py
# Idiom seen in: hbkt/gcn-pytorch train.py
# What it reproduces: create_gcn_model() builds the model and its optimizer together, with
# Adam(model.parameters(), weight_decay=5e-4): coupled L2 under Adam, and the GCN biases decayed too.
import torch
import torch.nn.functional as F

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def train(model, optimizer, data):
    model.train()
    optimizer.zero_grad()
    output = model(data)
    loss = F.nll_loss(output[data.train_mask], data.labels[data.train_mask])
    loss.backward()
    optimizer.step()


def evaluate(model, data):
    model.eval()
    with torch.no_grad():
        output = model(data)
    mask = data.val_mask
    pred = output[mask].max(dim=1)[1]
    return pred.eq(data.labels[mask]).sum().item() / mask.sum().item()


def run(data, model, optimizer, epochs=200, niter=10, verbose=False):
    data.to(device)
    accs = []
    for _ in range(niter):
        model.to(device).reset_parameters()
        for epoch in range(1, epochs + 1):
            train(model, optimizer, data)
        acc = evaluate(model, data)
        if verbose:
            print('val acc', acc)
        accs.append(acc)
    return sum(accs) / len(accs)
