# Idiom seen in: rdz98/bprmf-pytorch main.py
# What it reproduces: the BPR-MF driver with Adam(lr=0.001) and no weight_decay: the embedding
#   penalty inside bpr_loss (reg=1e-4) is the only decay, and it is in the loss backward() sees. Clean.
import torch
from data import DataLoader
from bprmf import BprMF


device = 'cuda' if torch.cuda.is_available() else 'cpu'


def main():
    dl = DataLoader()
    model = BprMF(dl.n_user, dl.m_item, 32, 1e-4).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)

    for epoch in range(200):
        total_loss = 0
        model = model.train()
        for users, pos_items, neg_items in dl.generate_data(batch_size=256):
            users = torch.Tensor(users).long().to(device)
            pos_items = torch.Tensor(pos_items).long().to(device)
            neg_items = torch.Tensor(neg_items).long().to(device)

            loss = model.bpr_loss(users, pos_items, neg_items)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total_loss += loss.cpu().item()
        with torch.no_grad():
            auc = dl.evaluate(model.eval(), device)
        print("Epoch %d: loss = %f, AUC = %f" % (epoch + 1, total_loss, auc))


if __name__ == "__main__":
    main()
