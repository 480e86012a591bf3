# Idiom seen in: apat1n/LightGCN-Pytorch model.py
# What it reproduces: LightGCN whose bpr_loss returns (loss, reg_loss) with reg_loss the L2 of the
#   layer-0 embedding rows; fit() minimizes loss + BPR_REG_ALPHA * reg_loss with a plain Adam
#   (no optimizer decay): the explicit L2 is the only decay and it is trained on. Clean.
import torch
from loguru import logger
from torch import nn
from torch.utils.data import DataLoader
from tqdm import tqdm

import utils
from config import config, tensorboard_writer


class LightGCN(nn.Module):
    def __init__(self, dataset):
        super().__init__()
        self.dataset = dataset
        self.num_users, self.num_items = dataset.n_users, dataset.m_items
        self.latent_dim = config['LATENT_DIM']
        self.n_layers = config['N_LAYERS']
        self.embedding_user = nn.Embedding(self.num_users, self.latent_dim)
        self.embedding_item = nn.Embedding(self.num_items, self.latent_dim)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)
        self.Graph = self.dataset.get_sparse_graph()
        logger.info('LightGCN is ready to go')

    def computer(self):
        all_emb = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        layer_embeddings = [all_emb]
        for _ in range(self.n_layers):
            all_emb = torch.sparse.mm(self.Graph, all_emb)
            layer_embeddings.append(all_emb)
        final = torch.stack(layer_embeddings, dim=1).mean(dim=1)
        return torch.split(final, [self.num_users, self.num_items])

    def bpr_loss(self, users, pos, neg):
        all_users, all_items = self.computer()
        users_emb, pos_emb, neg_emb = all_users[users], all_items[pos], all_items[neg]
        user_emb0 = self.embedding_user(users)
        pos_emb0 = self.embedding_item(pos)
        neg_emb0 = self.embedding_item(neg)
        reg_loss = (1 / 2) * (user_emb0.norm(2).pow(2) +
                              pos_emb0.norm(2).pow(2) +
                              neg_emb0.norm(2).pow(2)) / float(len(users))
        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = -(pos_scores - neg_scores).sigmoid().log().mean()
        return loss, reg_loss

    def fit(self, n_epochs=10, dataset=None):
        optimizer = torch.optim.Adam(self.parameters())
        dataloader = DataLoader(self.dataset, batch_size=config['BATCH_SIZE'], shuffle=True,
                                collate_fn=utils.collate_function)
        pbar = tqdm(range(n_epochs))
        for epoch in pbar:
            for users, pos, neg in dataloader:
                optimizer.zero_grad()
                loss, reg_loss = self.bpr_loss(users.long(), pos.long(), neg.long())
                total_loss = loss + config['BPR_REG_ALPHA'] * reg_loss
                total_loss.backward()
                optimizer.step()
                if tensorboard_writer:
                    tensorboard_writer.add_scalar('Train/bpr_loss', loss.item())
                    tensorboard_writer.add_scalar('Train/bpr_reg_loss', reg_loss.item())
                    tensorboard_writer.add_scalar('Train/bpr_total_loss', total_loss.item())
                pbar.set_postfix({'bpr_loss': total_loss.item()})
            if dataset and config['EVAL_EPOCHS'] > 0 and epoch % config['EVAL_EPOCHS'] == 0:
                self.eval_metrics(dataset)

    @torch.no_grad()
    def eval_metrics(self, test_dataset):
        all_users, all_items = self.computer()
        users = torch.tensor(test_dataset.get_all_users())
        scores = all_users[users] @ all_items.t()
        logger.info(f'mean top score {scores.max(dim=1).values.mean().item():.4f}')
