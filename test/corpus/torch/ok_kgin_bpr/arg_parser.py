# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network modules/KGIN.py
# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network main.py
# What it reproduces: the Recommender forward returns mf_loss + emb_loss + cor_loss (emb_loss = decay * ||e||^2/2 / batch)
#   as its first item and main.py backpropagates exactly that; Adam has no weight_decay: clean.
import argparse


def parse_args():
    parser = argparse.ArgumentParser(description="KGIN")
    parser.add_argument("--dataset", nargs="?", default="last-fm")
    parser.add_argument("--epoch", type=int, default=1000)
    parser.add_argument("--batch_size", type=int, default=1024)
    parser.add_argument("--dim", type=int, default=64, help="embedding size")
    parser.add_argument("--l2", type=float, default=1e-5, help="l2 regularization weight")
    parser.add_argument("--sim_regularity", type=float, default=1e-4, help="regularization weight for latent factor")
    parser.add_argument("--lr", type=float, default=1e-4, help="learning rate")
    parser.add_argument("--context_hops", type=int, default=3)
    parser.add_argument("--n_factors", type=int, default=4)
    parser.add_argument("--cuda", type=bool, default=True)
    parser.add_argument("--gpu_id", type=int, default=0)
    return parser.parse_args()
