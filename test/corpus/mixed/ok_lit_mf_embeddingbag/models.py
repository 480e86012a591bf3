# Idiom seen in: yxtay/matrix-factorization-torch src/matrix_factorization_pytorch/lightning.py
# What it reproduces: a hashed-feature matrix factorization model made only of one nn.EmbeddingBag table
# (no bias, no normalization layer), and parameter-free pairwise losses.
import torch
import torch.nn.functional as F


class MatrixFactorization(torch.nn.Module):
    def __init__(self, num_embeddings: int = 2**16 + 1, embedding_dim: int = 32, *,
                 max_norm: float | None = None, sparse: bool = True, normalize: bool = True) -> None:
        super().__init__()
        self.sparse = sparse
        self.normalize = normalize
        self.embedding = torch.nn.EmbeddingBag(
            num_embeddings, embedding_dim, mode="sum", max_norm=max_norm, sparse=sparse, padding_idx=0)

    def embed(self, feature_hashes: torch.Tensor, feature_weights: torch.Tensor | None = None) -> torch.Tensor:
        embed = self.embedding(feature_hashes, per_sample_weights=feature_weights)
        if self.normalize:
            embed = F.normalize(embed, dim=-1)
        return embed

    def forward(self, user_feature_hashes, item_feature_hashes, *, user_feature_weights=None,
                item_feature_weights=None) -> torch.Tensor:
        user_embed = self.embed(user_feature_hashes, user_feature_weights)
        item_embed = self.embed(item_feature_hashes, item_feature_weights)
        return (user_embed * item_embed).sum(-1)


class PairwiseHingeLoss(torch.nn.Module):
    def __init__(self, margin: float = 1.0, hard_negatives_ratio: float | None = None) -> None:
        super().__init__()
        self.margin = margin
        self.hard_negatives_ratio = hard_negatives_ratio

    def forward(self, user_embed, item_embed, label, sample_weight, user_idx, item_idx):
        logits = torch.mm(user_embed, item_embed.T)
        batch_size = user_embed.size(0)
        pos = logits[:, :batch_size].diagonal()
        neg = logits.masked_fill(user_idx[:, None] == item_idx[None, :], float("-inf"))
        loss = F.relu(self.margin - pos[:, None] + neg)
        return (loss.mean(-1) * sample_weight).sum() / sample_weight.sum()


class PairwiseLogisticLoss(PairwiseHingeLoss):
    def forward(self, user_embed, item_embed, label, sample_weight, user_idx, item_idx):
        logits = torch.mm(user_embed, item_embed.T)
        batch_size = user_embed.size(0)
        pos = logits[:, :batch_size].diagonal()
        neg = logits.masked_fill(user_idx[:, None] == item_idx[None, :], float("-inf"))
        loss = F.softplus(neg - pos[:, None])
        return (loss.mean(-1) * sample_weight).sum() / sample_weight.sum()
