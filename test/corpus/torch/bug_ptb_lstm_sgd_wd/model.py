# Idiom seen in: nance97/NLUProject 257021_Nancy_Kalaj/LM/part_A/model.py
# What it reproduces: the PTB LSTM language model (embedding, LSTM, output projection with bias).
import torch.nn as nn


class LM_LSTM(nn.Module):
    def __init__(self, emb_size, hidden_size, output_size, pad_index=0, n_layers=1,
                 emb_dropout=0.0, fc_dropout=0.0):
        super(LM_LSTM, self).__init__()
        self.embedding = nn.Embedding(output_size, emb_size, padding_idx=pad_index)
        self.emb_dropout = nn.Dropout(emb_dropout)
        self.lstm = nn.LSTM(emb_size, hidden_size, n_layers, bidirectional=False, batch_first=True)
        self.fc_dropout = nn.Dropout(fc_dropout)
        self.output = nn.Linear(hidden_size, output_size)
        self.pad_token = pad_index

    def forward(self, input_sequence):
        emb = self.emb_dropout(self.embedding(input_sequence))
        lstm_out, _ = self.lstm(emb)
        return self.output(self.fc_dropout(lstm_out)).permute(0, 2, 1)


def build_model(cfg, vocab_size, pad_idx):
    if cfg.get("model_type") != "LM_LSTM":
        raise ValueError(cfg.get("model_type"))
    return LM_LSTM(emb_size=cfg["emb_size"], hidden_size=cfg["hid_size"], output_size=vocab_size,
                   pad_index=pad_idx, n_layers=cfg.get("n_layers", 1),
                   emb_dropout=cfg.get("embed_dropout", 0.0), fc_dropout=cfg.get("dropout", 0.0))
