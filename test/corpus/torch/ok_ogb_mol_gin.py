# Idiom seen in: snap-stanford/ogb examples/graphproppred/mol/main_pyg.py
# What it reproduces: molecular property prediction on ogbg-molhiv with a GIN(+virtual node) from gnn.py: masked
#   BCE on valid labels, Adam(model.parameters(), lr=0.001) without decay, best-validation model selection.
#   Clean: no weight decay configured, no penalty computed.
import argparse

import numpy as np
import torch
import torch.optim as optim
from ogb.graphproppred import Evaluator, PygGraphPropPredDataset
from torch_geometric.loader import DataLoader
from tqdm import tqdm

from gnn import GNN

cls_criterion = torch.nn.BCEWithLogitsLoss()
reg_criterion = torch.nn.MSELoss()


def train(model, device, loader, optimizer, task_type):
    model.train()
    for step, batch in enumerate(tqdm(loader, desc="Iteration")):
        batch = batch.to(device)
        if batch.x.shape[0] == 1 or batch.batch[-1] == 0:
            continue
        pred = model(batch)
        optimizer.zero_grad()
        is_labeled = batch.y == batch.y
        if 'classification' in task_type:
            loss = cls_criterion(pred.to(torch.float32)[is_labeled], batch.y.to(torch.float32)[is_labeled])
        else:
            loss = reg_criterion(pred.to(torch.float32)[is_labeled], batch.y.to(torch.float32)[is_labeled])
        loss.backward()
        optimizer.step()


@torch.no_grad()
def evaluate(model, device, loader, evaluator):
    model.eval()
    y_true, y_pred = [], []
    for batch in loader:
        batch = batch.to(device)
        if batch.x.shape[0] == 1:
            continue
        pred = model(batch)
        y_true.append(batch.y.view(pred.shape).detach().cpu())
        y_pred.append(pred.detach().cpu())
    return evaluator.eval({"y_true": torch.cat(y_true).numpy(), "y_pred": torch.cat(y_pred).numpy()})


def main():
    parser = argparse.ArgumentParser(description='GNN baselines on ogbg-mol* data with Pytorch Geometrics')
    parser.add_argument('--device', type=int, default=0)
    parser.add_argument('--gnn', type=str, default='gin-virtual')
    parser.add_argument('--drop_ratio', type=float, default=0.5)
    parser.add_argument('--num_layer', type=int, default=5)
    parser.add_argument('--emb_dim', type=int, default=300)
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--dataset', type=str, default="ogbg-molhiv")
    args = parser.parse_args()

    device = torch.device("cuda:" + str(args.device)) if torch.cuda.is_available() else torch.device("cpu")
    dataset = PygGraphPropPredDataset(name=args.dataset)
    split_idx = dataset.get_idx_split()
    evaluator = Evaluator(args.dataset)
    train_loader = DataLoader(dataset[split_idx["train"]], batch_size=args.batch_size, shuffle=True)
    valid_loader = DataLoader(dataset[split_idx["valid"]], batch_size=args.batch_size, shuffle=False)
    test_loader = DataLoader(dataset[split_idx["test"]], batch_size=args.batch_size, shuffle=False)

    model = GNN(gnn_type='gin', num_tasks=dataset.num_tasks, num_layer=args.num_layer, emb_dim=args.emb_dim,
                drop_ratio=args.drop_ratio, virtual_node=args.gnn.endswith('virtual')).to(device)
    optimizer = optim.Adam(model.parameters(), lr=0.001)

    valid_curve, test_curve = [], []
    for epoch in range(1, args.epochs + 1):
        print("=====Epoch {}".format(epoch))
        train(model, device, train_loader, optimizer, dataset.task_type)
        valid_perf = evaluate(model, device, valid_loader, evaluator)
        test_perf = evaluate(model, device, test_loader, evaluator)
        valid_curve.append(valid_perf[dataset.eval_metric])
        test_curve.append(test_perf[dataset.eval_metric])
        print({'Validation': valid_perf, 'Test': test_perf})

    best_val_epoch = int(np.argmax(np.array(valid_curve)))
    print('Best validation score: {}'.format(valid_curve[best_val_epoch]))
    print('Test score: {}'.format(test_curve[best_val_epoch]))


if __name__ == "__main__":
    main()
