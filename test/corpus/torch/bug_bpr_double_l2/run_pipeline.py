# Idiom seen in: SoumithReddy6/Neural-Collaborative-Filtering-Recommender ncf_recommender/pipeline.py
# What it reproduces: the CLI pipeline loads MovieLens interactions, samples BPR triples, builds the NCF
# model and trains it with train_bpr (argparse defaults: --weight-decay 1e-5, --reg-lambda 1e-4).
import argparse

from models import build_model
from training import train_bpr
from data import load_interactions, sample_bpr_triples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-type", default="ncf", choices=["mf", "ncf"])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--embedding-dim", type=int, default=32)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--weight-decay", type=float, default=1e-5)
    parser.add_argument("--reg-lambda", type=float, default=1e-4)
    args = parser.parse_args()

    interactions, num_users, num_items = load_interactions("data/ml-100k/u.data")
    triples = sample_bpr_triples(interactions, num_items, seed=42)
    model = build_model(args.model_type, num_users, num_items, args.embedding_dim)
    result = train_bpr(model, triples, epochs=args.epochs, learning_rate=args.lr,
                       weight_decay=args.weight_decay, reg_lambda=args.reg_lambda)
    print("final BPR loss", result.losses[-1])


if __name__ == "__main__":
    main()
