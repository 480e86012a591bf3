# Idiom seen in: apat1n/LightGCN-Pytorch model.py
# Idiom seen in: apat1n/LightGCN-Pytorch config.py
# What it reproduces: LightGCN with its own fit() (Adam without decay, BPR loss + BPR_REG_ALPHA * L2 of
#   the layer-0 embedding rows, tensorboard logging). In this edit the total is only logged and
#   loss.backward() differentiates the bare BPR loss: the L2 term is computed and dropped (WD104).
import torch
from torch import nn
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter
from tqdm import tqdm

import utils
from dataloader import GowallaLightGCNDataset

config = {
    'BATCH_SIZE': 2048,
    'LATENT_DIM': 64,
    'N_LAYERS': 3,
    'LR': 1e-3,
    'BPR_REG_ALPHA': 1e-4,
    'EPOCHS': 100,
    'EVAL_EPOCHS': 5,
}
tensorboard_writer = SummaryWriter()


class LightGCN(nn.Module):
    def __init__(self, dataset: GowallaLightGCNDataset):
        super().__init__()
        self.dataset = dataset
        self.num_users, self.num_items = dataset.n_users, dataset.m_items
        self.embedding_user = nn.Embedding(self.num_users, config['LATENT_DIM'])
        self.embedding_item = nn.Embedding(self.num_items, config['LATENT_DIM'])
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)
        self.Graph = dataset.get_sparse_graph()

    def computer(self):
        all_emb = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        layers = [all_emb]
        for _ in range(config['N_LAYERS']):
            all_emb = torch.sparse.mm(self.Graph, all_emb)
            layers.append(all_emb)
        final = torch.stack(layers, dim=1).mean(dim=1)
        return torch.split(final, [self.num_users, self.num_items])

    def fit(self, n_epochs: int = 10):
        optimizer = torch.optim.Adam(self.parameters(), lr=config['LR'])
        dataloader = DataLoader(self.dataset, batch_size=config['BATCH_SIZE'], shuffle=True,
                                collate_fn=utils.collate_function)
        step = 0
        for epoch in tqdm(range(n_epochs)):
            for users, pos, neg in dataloader:
                users, pos, neg = users.long(), pos.long(), neg.long()
                optimizer.zero_grad()
                all_users, all_items = self.computer()
                users_emb, pos_emb, neg_emb = all_users[users], all_items[pos], all_items[neg]
                user_emb0 = self.embedding_user(users)
                pos_emb0 = self.embedding_item(pos)
                neg_emb0 = self.embedding_item(neg)

                pos_scores = torch.sum(users_emb * pos_emb, dim=1)
                neg_scores = torch.sum(users_emb * neg_emb, dim=1)
                loss = -(pos_scores - neg_scores).sigmoid().log().mean()
                reg_term = config['BPR_REG_ALPHA'] * (user_emb0.norm(2).pow(2) + pos_emb0.norm(2).pow(2) + neg_emb0.norm(2).pow(2)) / float(len(users))  # expect: WD104
                total_loss = loss + reg_term

                loss.backward()
                optimizer.step()

                tensorboard_writer.add_scalar('Train/bpr_loss', loss.item(), step)
                tensorboard_writer.add_scalar('Train/bpr_total_loss', total_loss.item(), step)
                step += 1


if __name__ == '__main__':
    train_dataset = GowallaLightGCNDataset('dataset/gowalla.train')
    model = LightGCN(train_dataset)
    model.fit(config['EPOCHS'])
