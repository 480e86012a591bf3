# Idiom seen in: lucapantea/LightGCN code/main.py
# What it reproduces: the repo builds BPRLoss(weight_decay=decay) and a plain Adam; here the user also
#   passes the same `decay` to Adam (a common "make sure it is regularized" edit): coupled L2 under
#   Adam (WD202) on top of the criterion's explicit L2 on the same embedding tables (WD201).
import torch

import utils
from losses import BPRLoss
from model import LightGCN
from parse import parse_args
from train_pairwise import train_pairwise


def main():
    args = parse_args()
    utils.set_seed(args.seed)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    config = {'latent_dim_rec': args.recdim, 'lightGCN_n_layers': args.layer}

    dataset = utils.get_dataset('../data', args.dataset)
    model = LightGCN(config, dataset).to(device)

    criterion = BPRLoss(weight_decay=args.decay)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.decay)  # expect: WD202

    for epoch in range(args.epochs):
        loss = train_pairwise(dataset, model, criterion, optimizer, args.bpr_batch, device)
        if epoch % 10 == 0:
            results = utils.test(dataset, model, [20])
            print(f'EPOCH[{epoch + 1}/{args.epochs}] loss {loss:.4f} recall {results["recall"]}')


if __name__ == '__main__':
    main()
