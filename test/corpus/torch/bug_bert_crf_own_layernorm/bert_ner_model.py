# Idiom seen in: taishan1994/pytorch_bert_bilstm_crf_ner bert_ner_model.py
# What it reproduces: BERT + BiLSTM + CRF tagger; the user added a LayerNorm of their own named
# `self.mid_norm` after the BiLSTM (its weight is 'mid_norm.weight', not 'LayerNorm.weight').
import torch.nn as nn
from transformers import BertModel
from torchcrf import CRF


class BertNerModel(nn.Module):
    def __init__(self, args):
        super(BertNerModel, self).__init__()
        self.bert_module = BertModel.from_pretrained(args.bert_dir, output_hidden_states=True)
        hidden = self.bert_module.config.hidden_size
        self.lstm_hidden = args.lstm_hidden
        self.bilstm = nn.LSTM(hidden, args.lstm_hidden, 1, bidirectional=True, batch_first=True)
        self.mid_norm = nn.LayerNorm(args.lstm_hidden * 2)
        self.dropout = nn.Dropout(args.dropout_prob)
        self.linear = nn.Linear(args.lstm_hidden * 2, args.num_tags)
        self.crf = CRF(args.num_tags, batch_first=True)

    def forward(self, token_ids, attention_masks, token_type_ids, labels=None):
        seq_out = self.bert_module(input_ids=token_ids, attention_mask=attention_masks,
                                   token_type_ids=token_type_ids)[0]
        seq_out, _ = self.bilstm(seq_out)
        seq_out = self.linear(self.dropout(self.mid_norm(seq_out)))
        logits = self.crf.decode(seq_out, mask=attention_masks.byte())
        if labels is None:
            return logits
        loss = -self.crf(seq_out, labels, mask=attention_masks.byte(), reduction='mean')
        return logits, loss
