# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/LightGCN/LightGCN.py
# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/base/BaseEmbeddingModel.py
# What it reproduces: XGCN-style LightGCN with a config dict (L2_reg_weight, emb_lr): the BPR loss adds
# L2_reg_weight * the squared norms of the batch embedding rows; Adam has no weight_decay. Clean.
import argparse

from model.LightGCN import LightGCN
from XGCN.data import io, build_train_dl, load_norm_adj


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_root', default='data/gowalla')
    parser.add_argument('--epochs', type=int, default=200)
    parser.add_argument('--L2_reg_weight', type=float, default=1e-4)
    parser.add_argument('--emb_lr', type=float, default=0.001)
    return parser.parse_args()


def main():
    args = parse()
    config = {
        'num_gcn_layers': 2,
        'emb_dim': 64,
        'L2_reg_weight': args.L2_reg_weight,
        'emb_lr': args.emb_lr,
    }
    info = io.load_yaml(args.data_root + '/info.yaml')
    model = LightGCN(config, info['num_nodes'], load_norm_adj(args.data_root))
    train_dl = build_train_dl(args.data_root, batch_size=2048)
    for epoch in range(args.epochs):
        losses = [model.forward_and_backward(batch) for batch in train_dl]
        print(epoch, sum(losses) / len(losses))


if __name__ == '__main__':
    main()
