# Idiom seen in: Tony-Y/cgnn src/cgnn.py
# Idiom seen in: Tony-Y/cgnn examples/oqmd_fe_benchmark/run_oqmd.sh
# What it reproduces: optimizer options collected into a dict from argparse and splatted into
#   SGD / Adam / AdamW; without --decoupled_wd the default "adam" path is coupled L2 (Adam with
#   weight_decay=1e-6), and every optimizer gets model.parameters() (biases, BatchNorm decayed).
import torch
import torch.optim as optim
from torch.utils.data import DataLoader, SubsetRandomSampler

from models import GGNN
from data_utils import GraphDataset, graph_collate


def create_model(device, model_param, optimizer_param):
    model = GGNN(**model_param).to(device)
    decoupled_wd = optimizer_param.pop("decoupled_wd")
    optim_name = optimizer_param.pop("optim")
    if optim_name == "sgd":
        optimizer = optim.SGD(model.parameters(), momentum=0.9,  # expect: WD203
                              nesterov=True, **optimizer_param)
    elif optim_name == "adam":
        if decoupled_wd:
            optimizer = optim.AdamW(model.parameters(), **optimizer_param)  # expect: WD203
        else:
            optimizer = optim.Adam(model.parameters(), **optimizer_param)  # expect: WD203
    else:
        raise NameError("optimizer {} is not supported".format(optim_name))
    return model, optimizer


def main(device, model_param, optimizer_param, num_epochs, batch_size):
    dataset = GraphDataset(path="datasets/OQMD", target_name="formation_energy_per_atom")
    model_param["n_edge_labels"] = dataset.num_edge_labels
    loader = DataLoader(dataset, batch_size=batch_size, sampler=SubsetRandomSampler(range(256)),
                        collate_fn=lambda b: graph_collate(b, dataset.num_edge_labels))
    model, optimizer = create_model(device, model_param, optimizer_param)
    for epoch in range(num_epochs):
        model.train()
        for nodes, sources, targets, edge_attr, graph_idx, y in loader:
            pred = model(nodes.to(device), sources.to(device), targets.to(device),
                         edge_attr.to(device), graph_idx.to(device))
            loss = torch.nn.functional.mse_loss(pred, y.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    import argparse

    parser = argparse.ArgumentParser(description="Crystal Graph Neural Networks")
    parser.add_argument("--device", type=str, default="cuda")
    parser.add_argument("--n_node_feat", type=int, default=89)
    parser.add_argument("--n_hidden_feat", type=int, default=96)
    parser.add_argument("--n_graph_feat", type=int, default=192)
    parser.add_argument("--n_conv", type=int, default=4)
    parser.add_argument("--n_fc", type=int, default=2)
    parser.add_argument("--use_batch_norm", action='store_true')
    parser.add_argument("--optim", type=str, default="adam")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=1e-6)
    parser.add_argument("--decoupled_wd", action='store_true')
    parser.add_argument("--batch_size", type=int, default=512)
    parser.add_argument("--num_epochs", type=int, default=300)
    options = vars(parser.parse_args())

    if not torch.cuda.is_available():
        options["device"] = "cpu"
    model_param = {
        "n_node_feat": options["n_node_feat"],
        "n_hidden_feat": options["n_hidden_feat"],
        "n_graph_feat": options["n_graph_feat"],
        "n_conv": options["n_conv"],
        "n_fc": options["n_fc"],
        "use_batch_norm": options["use_batch_norm"],
    }
    optimizer_param = {
        "optim": options["optim"],
        "lr": options["lr"],
        "weight_decay": options["weight_decay"],  # expect: WD202
        "decoupled_wd": options["decoupled_wd"],
    }
    print("Optimizer:", optimizer_param)
    main(torch.device(options["device"]), model_param, optimizer_param,
         options["num_epochs"], options["batch_size"])
