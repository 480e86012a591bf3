# Idiom seen in: Sevendogs077/rec-movielens-100k train.py
# Idiom seen in: Sevendogs077/rec-movielens-100k src/models/mf.py
# What it reproduces: MovieLens matrix factorization (embedding tables only); the user adds a penalty on the
#   batch embedding rows (u.norm(2).pow(2)) to the MSE loss AND gives Adam weight_decay=args.weight_decay:
#   the tables are decayed twice, once as coupled L2 inside Adam (a realistic mistake in this repo's idiom).
import argparse


def parse_args():
    parser = argparse.ArgumentParser(description='MovieLens-100k rating prediction')
    parser.add_argument('--data_path', type=str, default='./data/ml-100k/u.data')
    parser.add_argument('--save_dir', type=str, default='./checkpoints')
    parser.add_argument('--num_features', type=int, default=32)
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--num_epochs', type=int, default=30)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--reg', type=float, default=1e-4, help='L2 on the batch embeddings')
    parser.add_argument('--weight_decay', type=float, default=1e-5)
    parser.add_argument('--train_ratio', type=float, default=0.8)
    parser.add_argument('--device', type=str, default='cpu')
    return parser.parse_args()
