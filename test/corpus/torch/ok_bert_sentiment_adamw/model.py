# Idiom seen in: abhishekkrthakur/bert-sentiment train.py
# Idiom seen in: abhishekkrthakur/bert-sentiment model.py
# What it reproduces: the IMDB BERT fine-tuning tutorial: AdamW over two groups built from named_parameters,
#   "bias"/"LayerNorm.bias"/"LayerNorm.weight" at weight_decay 0.0, everything else 0.001; clean.
import config
import transformers
import torch.nn as nn


class BERTBaseUncased(nn.Module):
    def __init__(self):
        super(BERTBaseUncased, self).__init__()
        self.bert = transformers.BertModel.from_pretrained(config.BERT_PATH)
        self.bert_drop = nn.Dropout(0.3)
        self.out = nn.Linear(768, 1)

    def forward(self, ids, mask, token_type_ids):
        _, o2 = self.bert(ids, attention_mask=mask, token_type_ids=token_type_ids, return_dict=False)
        bo = self.bert_drop(o2)
        return self.out(bo)
