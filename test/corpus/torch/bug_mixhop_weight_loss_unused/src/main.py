# Idiom seen in: benedekrozemberczki/MixHop-and-N-GCN src/trainer_and_networks.py
# Idiom seen in: benedekrozemberczki/MixHop-and-N-GCN src/main.py
# What it reproduces: MixHopNetwork.calculate_loss() returns lambd * the squared norms of every layer's
#   weight_matrix. Realistic mistake: Trainer.fit stores it in weight_loss and only shows it in the tqdm bar; the
#   "loss = loss + weight_loss" line is gone, so backward sees the bare NLL (the real repo adds it).
import argparse

from trainer_and_networks import Trainer
from utils import graph_reader, feature_reader, target_reader, tab_printer


def parameter_parser():
    parser = argparse.ArgumentParser(description="Run MixHop.")
    parser.add_argument("--edge-path", nargs="?", default="./input/cora_edges.csv")
    parser.add_argument("--features-path", nargs="?", default="./input/cora_features.json")
    parser.add_argument("--target-path", nargs="?", default="./input/cora_target.csv")
    parser.add_argument("--epochs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--training-size", type=int, default=1500)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--lambd", type=float, default=0.0005)
    parser.add_argument("--layers-1", nargs="+", type=int, default=[200, 200, 200])
    parser.add_argument("--layers-2", nargs="+", type=int, default=[200, 200, 200])
    return parser.parse_args()


def main():
    args = parameter_parser()
    tab_printer(args)
    graph = graph_reader(args.edge_path)
    features = feature_reader(args.features_path)
    target = target_reader(args.target_path)
    trainer = Trainer(args, graph, features, target)
    trainer.fit()


if __name__ == "__main__":
    main()
