# Idiom seen in: kzl/decision-transformer gym/decision_transformer/models/decision_transformer.py
# What it reproduces: the Decision Transformer's own modules: embeddings, a GPT-2 style trunk and an
#   nn.LayerNorm over the stacked tokens (embed_ln); experiment.py gives all of them to AdamW with decay.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, hidden_size, n_head, n_inner, dropout):
        super().__init__()
        self.ln_1 = nn.LayerNorm(hidden_size)
        self.attn = nn.MultiheadAttention(hidden_size, n_head, dropout=dropout, batch_first=True)
        self.ln_2 = nn.LayerNorm(hidden_size)
        self.mlp = nn.Sequential(nn.Linear(hidden_size, n_inner), nn.GELU(),
                                 nn.Linear(n_inner, hidden_size), nn.Dropout(dropout))

    def forward(self, x, mask=None):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class DecisionTransformer(nn.Module):
    def __init__(self, state_dim, act_dim, hidden_size, max_length=None, max_ep_len=4096,
                 n_layer=3, n_head=1, n_inner=512, resid_pdrop=0.1, **kwargs):
        super().__init__()
        self.state_dim = state_dim
        self.act_dim = act_dim
        self.max_length = max_length
        self.embed_timestep = nn.Embedding(max_ep_len, hidden_size)
        self.embed_return = nn.Linear(1, hidden_size)
        self.embed_state = nn.Linear(state_dim, hidden_size)
        self.embed_action = nn.Linear(act_dim, hidden_size)
        self.embed_ln = nn.LayerNorm(hidden_size)
        self.transformer = nn.ModuleList(
            [Block(hidden_size, n_head, n_inner, resid_pdrop) for _ in range(n_layer)])
        self.predict_action = nn.Sequential(nn.Linear(hidden_size, act_dim), nn.Tanh())

    def forward(self, states, actions, returns_to_go, timesteps):
        batch_size, seq_length = states.shape[0], states.shape[1]
        time_embeddings = self.embed_timestep(timesteps)
        s = self.embed_state(states) + time_embeddings
        a = self.embed_action(actions) + time_embeddings
        r = self.embed_return(returns_to_go) + time_embeddings
        x = torch.stack((r, s, a), dim=1).permute(0, 2, 1, 3).reshape(batch_size, 3 * seq_length, -1)
        x = self.embed_ln(x)
        for block in self.transformer:
            x = block(x)
        x = x.reshape(batch_size, seq_length, 3, -1).permute(0, 2, 1, 3)
        return self.predict_action(x[:, 1])
