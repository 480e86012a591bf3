# Idiom seen in: gauravbaruah/Castor sm_cnn/model.py (QAModel, imported by sm_cnn/main.py)
# What it reproduces: the Severyn & Moschitti answer-selection CNN: one convolution per side (question,
#   answer) with max pooling, the pooled vectors joined with the external features, a biased hidden layer
#   and a 2-way output.
# label-note: no findings here; every layer has a bias, which matters for train.py (WD203).
import torch
import torch.nn as nn
import torch.nn.functional as F


class QAModel(nn.Module):
    def __init__(self, input_n_dim, filter_width, conv_filters=100, no_ext_feats=False, ext_feats_size=4,
                 n_classes=2):
        super().__init__()
        self.no_ext_feats = no_ext_feats
        self.conv_q = nn.Conv1d(input_n_dim, conv_filters, filter_width, padding=filter_width - 1)
        self.conv_a = nn.Conv1d(input_n_dim, conv_filters, filter_width, padding=filter_width - 1)
        n_hidden = 2 * conv_filters + (0 if no_ext_feats else ext_feats_size)
        self.combined_feature_vector = nn.Linear(n_hidden, n_hidden)
        self.dropout = nn.Dropout(0.5)
        self.hidden = nn.Linear(n_hidden, n_classes)

    def forward(self, question, answer, ext_feats):
        q = F.max_pool1d(torch.tanh(self.conv_q(question)), question.size(2) + self.conv_q.kernel_size[0] - 1)
        a = F.max_pool1d(torch.tanh(self.conv_a(answer)), answer.size(2) + self.conv_a.kernel_size[0] - 1)
        parts = [q.squeeze(2), a.squeeze(2)] + ([] if self.no_ext_feats else [ext_feats])
        x = torch.tanh(self.combined_feature_vector(torch.cat(parts, 1)))
        return F.log_softmax(self.hidden(self.dropout(x)), dim=1)

    @staticmethod
    def save(model, path):
        torch.save(model, path)

    @staticmethod
    def load(path):
        return torch.load(path)
