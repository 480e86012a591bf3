# Idiom seen in: benedekrozemberczki/APPNP src/appnp.py
# Idiom seen in: benedekrozemberczki/APPNP src/appnp_layer.py
# What it reproduces: APPNPTrainer.do_a_step penalizes layer_2.weight_matrix with (lambd/2)*sum(W**2), Adam has no
#   weight_decay. Realistic mistake: the penalty is written as loss.add(...), which is out of place, and its result
#   is dropped, so backward differentiates the bare NLL loss (the real repo reassigns loss = loss + ...).
import argparse

from appnp import APPNPTrainer
from utils import graph_reader, feature_reader, target_reader


def parameter_parser():
    parser = argparse.ArgumentParser(description="Run PPNP/APPNP.")
    parser.add_argument("--edge-path", nargs="?", default="./input/cora_edges.csv")
    parser.add_argument("--features-path", nargs="?", default="./input/cora_features.json")
    parser.add_argument("--target-path", nargs="?", default="./input/cora_target.csv")
    parser.add_argument("--model", nargs="?", default="exact")
    parser.add_argument("--epochs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--train-size", type=int, default=1500)
    parser.add_argument("--test-size", type=int, default=500)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--lambd", type=float, default=0.005)
    parser.add_argument("--layers", nargs="+", type=int, default=[64, 64])
    return parser.parse_args()


def main():
    args = parameter_parser()
    graph = graph_reader(args.edge_path)
    features = feature_reader(args.features_path)
    target = target_reader(args.target_path)
    trainer = APPNPTrainer(args, graph, features, target)
    trainer.fit()


if __name__ == "__main__":
    main()
