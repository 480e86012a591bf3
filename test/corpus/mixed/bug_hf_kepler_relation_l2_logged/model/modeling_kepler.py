# Idiom seen in: IgoRamli/IndoKEPLER utils/trainer.py
# Idiom seen in: IgoRamli/IndoKEPLER model/modeling_kepler.py
# Idiom seen in: IgoRamli/IndoKEPLER train.py
# What it reproduces: IndoKEPLER's KeplerTrainer (a Hugging Face Trainer whose compute_loss returns outputs["loss"]).
#   Realistic mistake: an L2 on the KE head's relation embeddings is computed in compute_loss and passed to
#   self.log, but the returned loss is still outputs["loss"], so the Trainer never backpropagates it.
import torch
import torch.nn.functional as F
from torch import nn
from transformers import PreTrainedModel

from .configuration_kepler import KeplerConfig


class KeplerKEHead(nn.Module):
    def __init__(self, config, encoder):
        super().__init__()
        self.encoder = encoder
        self.config = config
        self.gamma = nn.Parameter(torch.Tensor([config.gamma]), requires_grad=False)
        self.relation_embedding = nn.Embedding(config.nrelation, config.embedding_size)
        bound = (config.gamma + 2.0) / config.embedding_size
        nn.init.uniform_(self.relation_embedding.weight, a=-bound, b=bound)

    def TransE(self, head, relation, tail):
        return self.gamma.item() - torch.norm((head + relation) - tail, p=2, dim=2)

    def forward(self, heads, tails, nHeads, nTails, relations):
        h = self.encoder(heads)[0][:, 0, :].unsqueeze(1)
        t = self.encoder(tails)[0][:, 0, :].unsqueeze(1)
        nh = self.encoder(nHeads)[0][:, 0, :].view(h.size(0), -1, self.config.embedding_size)
        nt = self.encoder(nTails)[0][:, 0, :].view(t.size(0), -1, self.config.embedding_size)
        r = self.relation_embedding(relations).unsqueeze(1)
        p_scores = self.TransE(h, r, t)
        n_scores = torch.cat((self.TransE(nh, r, t), self.TransE(h, r, nt)), dim=1)
        p_loss = F.logsigmoid(p_scores).squeeze(dim=1)
        n_loss = F.logsigmoid(-n_scores).mean(dim=1)
        return p_scores, n_scores, (-p_loss.mean() - n_loss.mean()) / 2.0


class KeplerModel(PreTrainedModel):
    config_class = KeplerConfig
    base_model_prefix = "kepler"

    def __init__(self, config, encoder, mlm_head):
        super().__init__(config)
        self.encoder = encoder
        self.mlm_head = mlm_head
        self.ke_head = KeplerKEHead(config, self.encoder)

    def forward(self, mlm, heads, tails, nHeads, nTails, relations, return_dict=None):
        mlm_output = self.mlm_head(**mlm)
        p_score, n_score, ke_loss = self.ke_head(heads, tails, nHeads, nTails, relations)
        loss = mlm_output.loss + ke_loss
        return {"loss": loss, "logits": mlm_output.logits, "pScore": p_score, "nScore": n_score}
