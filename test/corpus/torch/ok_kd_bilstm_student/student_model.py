# Idiom seen in: taishan1994/pytorch_knowledge_distillation models/lstmForClassification.py
# What it reproduces: BiLSTM student (embedding, LSTM with bias_ih/bias_hh, linear head, no LayerNorm);
# every bias name contains 'bias', so kd_main.py's no_decay split catches all of them. Clean.
import torch
import torch.nn as nn


class BilstmForSequenceClassification(nn.Module):
    def __init__(self, num_labels, vocab_size, word_embedding_dimension, hidden_dim):
        super(BilstmForSequenceClassification, self).__init__()
        self.embedding = nn.Embedding(vocab_size, word_embedding_dimension)
        self.bilstm = nn.LSTM(word_embedding_dimension, hidden_dim, num_layers=1,
                              batch_first=True, bidirectional=True)
        self.dropout = nn.Dropout(0.3)
        self.classifier = nn.Linear(hidden_dim * 2, num_labels)

    def forward(self, input_ids, sentence_lengths):
        embeds = self.embedding(input_ids)
        packed = nn.utils.rnn.pack_padded_sequence(embeds, sentence_lengths.cpu(), batch_first=True,
                                                   enforce_sorted=False)
        _, (h_n, _) = self.bilstm(packed)
        h = torch.cat([h_n[-2], h_n[-1]], dim=-1)
        return self.classifier(self.dropout(h))
