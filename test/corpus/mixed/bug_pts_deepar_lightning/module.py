# Idiom seen in: zalandoresearch/pytorch-ts pts/model/deepar/module.py
# What it reproduces: a DeepAR network (static-category embeddings, an LSTM over lagged targets and a
# projection to distribution arguments), all with biases; its loss() returns the negative log-likelihood.
import torch
import torch.nn as nn


class DeepARModel(nn.Module):
    def __init__(self, freq, context_length, prediction_length, num_feat_dynamic_real, num_feat_static_cat,
                 cardinality, embedding_dimension=None, num_layers=2, hidden_size=40, dropout_rate=0.1,
                 lags_seq=(1, 2, 3, 4, 5, 6, 7, 24), scaling=True, distr_output=None):
        super().__init__()
        self.context_length = context_length
        self.prediction_length = prediction_length
        self.lags_seq = list(lags_seq)
        self.distr_output = distr_output
        embedding_dimension = embedding_dimension or [min(50, (cat + 1) // 2) for cat in cardinality]
        self.embedders = nn.ModuleList([nn.Embedding(c, d) for c, d in zip(cardinality, embedding_dimension)])
        self.rnn_input_size = len(self.lags_seq) + num_feat_dynamic_real + sum(embedding_dimension) + 1
        self.rnn = nn.LSTM(input_size=self.rnn_input_size, hidden_size=hidden_size, num_layers=num_layers,
                           dropout=dropout_rate, batch_first=True)
        self.param_proj = distr_output.get_args_proj(hidden_size)
        self.scaling = scaling

    def unroll_lagged_rnn(self, feat_static_cat, past_target, past_observed_values, past_time_feat):
        scale = (past_target.abs() * past_observed_values).sum(1, keepdim=True).clamp(min=1.0) / \
            past_observed_values.sum(1, keepdim=True).clamp(min=1.0)
        lags = torch.stack([past_target[:, -self.context_length - lag:-lag] / scale for lag in self.lags_seq], dim=-1)
        embedded = torch.cat([emb(feat_static_cat[:, i]) for i, emb in enumerate(self.embedders)], dim=-1)
        static = torch.cat([embedded, scale.log()], dim=-1).unsqueeze(1).expand(-1, self.context_length, -1)
        rnn_input = torch.cat([lags, past_time_feat[:, -self.context_length:], static], dim=-1)
        output, state = self.rnn(rnn_input)
        return self.param_proj(output), scale, state

    def loss(self, feat_static_cat, past_target, past_observed_values, past_time_feat, future_target,
             future_observed_values):
        params, scale, _ = self.unroll_lagged_rnn(feat_static_cat, past_target, past_observed_values, past_time_feat)
        distr = self.distr_output.distribution(params, scale=scale)
        target = torch.cat([past_target[:, -self.context_length + 1:], future_target], dim=1)
        observed = torch.cat([past_observed_values[:, -self.context_length + 1:], future_observed_values], dim=1)
        nll = -distr.log_prob(target[:, :params[0].shape[1]])
        return (nll * observed[:, :nll.shape[1]]).sum(1) / observed.sum(1).clamp(min=1.0)
