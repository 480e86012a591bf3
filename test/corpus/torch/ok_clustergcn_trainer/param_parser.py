# Idiom seen in: benedekrozemberczki/ClusterGCN src/parser.py
# What it reproduces: the argparse front end of ClusterGCN (no weight-decay option at all).
import argparse


def parameter_parser():
    parser = argparse.ArgumentParser(description="Run .")
    parser.add_argument("--edge-path", nargs="?", default="./input/edges.csv")
    parser.add_argument("--features-path", nargs="?", default="./input/features.csv")
    parser.add_argument("--target-path", nargs="?", default="./input/target.csv")
    parser.add_argument("--clustering-method", nargs="?", default="metis")
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--test-ratio", type=float, default=0.9)
    parser.add_argument("--cluster-number", type=int, default=10)
    parser.set_defaults(layers=[16, 16, 16])
    return parser.parse_args()
