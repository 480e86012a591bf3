# Idiom seen in: yangmma/dance-ai-research-project src/bailandopp/app/models/cross_cond_gpt2_music_window_ac.py
# What it reproduces: the music-conditioned motion GPT with minGPT's configure_optimizers (decay for Linear
#   weights only; biases, LayerNorm/Embedding weights and pos_emb in the no-decay group).
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, n_embd, n_head, pdrop):
        super().__init__()
        self.ln1 = nn.LayerNorm(n_embd)
        self.ln2 = nn.LayerNorm(n_embd)
        self.attn = nn.MultiheadAttention(n_embd, n_head, dropout=pdrop, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(n_embd, 4 * n_embd), nn.GELU(), nn.Linear(4 * n_embd, n_embd),
                                 nn.Dropout(pdrop))

    def forward(self, x, mask):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class CrossCondGPT2MWAC(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.tok_emb_up = nn.Embedding(config["vocab_size_up"], config["n_embd"])
        self.tok_emb_down = nn.Embedding(config["vocab_size_down"], config["n_embd"])
        self.cond_emb = nn.Linear(config["n_music"], config["n_embd"])
        self.pos_emb = nn.Parameter(torch.zeros(1, config["block_size"] * 3, config["n_embd"]))
        self.blocks = nn.ModuleList([Block(config["n_embd"], config["n_head"], config["resid_pdrop"])
                                     for _ in range(config["n_layer"])])
        self.ln_f = nn.LayerNorm(config["n_embd"])
        self.head_up = nn.Linear(config["n_embd"], config["vocab_size_up"], bias=False)
        self.head_down = nn.Linear(config["n_embd"], config["vocab_size_down"], bias=False)
        self.critic = nn.Linear(config["n_embd"], 1)
        self.block_size = config["block_size"]

    def configure_optimizers(self, train_config):
        decay = set()
        no_decay = set()
        whitelist_weight_modules = (torch.nn.Linear, torch.nn.MultiheadAttention)
        blacklist_weight_modules = (torch.nn.LayerNorm, torch.nn.Embedding)
        for mn, m in self.named_modules():
            for pn, p in m.named_parameters():
                fpn = '%s.%s' % (mn, pn) if mn else pn
                if pn.endswith('bias'):
                    no_decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, whitelist_weight_modules):
                    decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, blacklist_weight_modules):
                    no_decay.add(fpn)
        no_decay.add('pos_emb')
        param_dict = {pn: p for pn, p in self.named_parameters()}
        decay = {pn for pn in decay if pn in param_dict}
        optim_groups = [
            {"params": [param_dict[pn] for pn in sorted(list(decay))], "weight_decay": train_config.weight_decay},
            {"params": [param_dict[pn] for pn in sorted(list(no_decay)) if pn in param_dict], "weight_decay": 0.0},
        ]
        return torch.optim.AdamW(optim_groups, lr=train_config.learning_rate, betas=train_config.betas)

    def forward(self, idx_up, idx_down, cond):
        t = idx_up.size(1)
        x = torch.cat([self.cond_emb(cond[:, :t]), self.tok_emb_up(idx_up), self.tok_emb_down(idx_down)], 1)
        x = x + self.pos_emb[:, :x.size(1)]
        mask = torch.triu(torch.ones(x.size(1), x.size(1), device=x.device, dtype=torch.bool), 1)
        for block in self.blocks:
            x = block(x, mask)
        x = self.ln_f(x)
        return self.head_up(x[:, t:2 * t]), self.head_down(x[:, 2 * t:]), self.critic(x[:, :t])
