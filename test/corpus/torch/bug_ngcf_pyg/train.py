# Idiom seen in: zains50/NGCF_Pytorch_Geometric ngcf_training.py
# What it reproduces: NGCF on a PyG edge_index with the embedding decay returned by compute_bpr_loss; the scaled term goes to Tensor.add (not add_), whose result is thrown away, so only the BPR loss is back-propagated. Bug (WD104).
import argparse

import torch
from tqdm import tqdm

from bprloss import compute_bpr_loss, bpr_accuracy
from recmodel import RecSysGNN
from evaluation import precision_recall_at_k

parser = argparse.ArgumentParser(description="NGCF on Gowalla")
parser.add_argument("--data_dir", default="gow")
parser.add_argument("--emb_dim", type=int, default=64)
parser.add_argument("--layers", type=int, default=3)
parser.add_argument("--lr", type=float, default=1e-3)
parser.add_argument("--decay", type=float, default=1e-4)
parser.add_argument("--batch_size", type=int, default=4096)
parser.add_argument("--epochs", type=int, default=400)
parser.add_argument("--num_users", type=int, default=29858)
parser.add_argument("--num_items", type=int, default=40981)
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
data = torch.load(f"{args.data_dir}/combined.pt").to(device)
train_data = torch.load(f"{args.data_dir}/train.pt").to(device)
test_data = torch.load(f"{args.data_dir}/test.pt").to(device)

# make the user-item graph undirected for message passing
edge_index = data.edge_index
data.edge_index = torch.cat([edge_index, edge_index[[1, 0]]], dim=1)
train_edge_index = train_data.edge_index
test_edge_index = test_data.edge_index

model = RecSysGNN(args.emb_dim, args.layers, args.num_users, args.num_items, "NGCF").to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)


def train_one_epoch():
    model.train()
    perm = torch.randperm(train_edge_index.size(1), device=device)
    edges = train_edge_index[:, perm]
    bpr_total, reg_total, acc_total, steps = 0.0, 0.0, 0.0, 0

    for start in tqdm(range(0, edges.size(1), args.batch_size)):
        end = min(start + args.batch_size, edges.size(1))
        users, pos_items = edges[0, start:end], edges[1, start:end]
        neg_items = torch.randint(args.num_users, args.num_users + args.num_items,
                                  (pos_items.size(0),), device=device)
        users_emb, pos_emb, neg_emb, user0, pos0, neg0 = model.encode_minibatch(
            users, pos_items, neg_items, data.edge_index)

        bpr_loss, reg_loss = compute_bpr_loss(users, users_emb, pos_emb, neg_emb, user0, pos0, neg0)
        final_loss = bpr_loss
        final_loss.add(args.decay * reg_loss)  # expect: WD104

        optimizer.zero_grad()
        final_loss.backward()
        optimizer.step()

        bpr_total += bpr_loss.item()
        reg_total += reg_loss.item()
        acc_total += bpr_accuracy(users_emb, pos_emb, neg_emb)
        steps += 1

    return bpr_total / steps, reg_total / steps, acc_total / steps


if __name__ == "__main__":
    for epoch in range(1, args.epochs + 1):
        bpr, reg, acc = train_one_epoch()
        if epoch % 10 == 0:
            precision, recall = precision_recall_at_k(
                model, args.num_users, train_edge_index, test_edge_index, k=20)
            print(f"Epoch {epoch:03d} bpr {bpr:.4f} reg {reg:.4f} pair-acc {acc:.3f} "
                  f"P@20 {precision:.4f} R@20 {recall:.4f}")
