# Idiom seen in: jrzaurin/ml-pipeline-recommendation-system ncf_parsers.py
# Idiom seen in: jrzaurin/ml-pipeline-recommendation-system mlp.py
# What it reproduces: the argparse module of the NCF experiments; --l2reg feeds the optimizer's
#   weight_decay in mlp.py.
import argparse


def mlp_parse_args():
    parser = argparse.ArgumentParser(description="Train a Neural CF MLP")
    parser.add_argument("--datadir", type=str, default="data/processed/amazon")
    parser.add_argument("--dataname", type=str, default="leave_one_out_w_negative_full_valid.npz")
    parser.add_argument("--layers", type=str, default="[32, 16, 8]")
    parser.add_argument("--dropouts", type=str, default="[0.0, 0.0]")
    parser.add_argument("--batch_size", type=int, default=1024)
    parser.add_argument("--n_epochs", type=int, default=20)
    parser.add_argument("--learner", type=str, default="adamw")
    parser.add_argument("--l2reg", type=float, default=1e-4)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--topk", type=int, default=10)
    parser.add_argument("--n_neg", type=int, default=99)
    parser.add_argument("--eval_every", type=int, default=1)
    parser.add_argument("--save_results", action="store_true")
    return parser.parse_args()
