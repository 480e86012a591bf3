# Idiom seen in: thunlp/OpenNRE opennre/model/softmax_nn.py
# Idiom seen in: thunlp/OpenNRE opennre/encoder/bert_encoder.py
# What it reproduces: a Hugging Face BertModel sentence encoder ([CLS] pooling) under a dropout + linear
#   softmax head; BERT's norms are named LayerNorm, as the framework's no_decay list expects.
import torch
from torch import nn
from transformers import BertModel, BertTokenizer


class BERTEncoder(nn.Module):
    def __init__(self, max_length, pretrain_path, blank_padding=True, mask_entity=False):
        super().__init__()
        self.max_length = max_length
        self.blank_padding = blank_padding
        self.hidden_size = 768
        self.mask_entity = mask_entity
        self.bert = BertModel.from_pretrained(pretrain_path)
        self.tokenizer = BertTokenizer.from_pretrained(pretrain_path)

    def forward(self, token, att_mask):
        return self.bert(token, attention_mask=att_mask).pooler_output

    def tokenize(self, item):
        sentence = item['text'] if 'text' in item else ' '.join(item['token'])
        enc = self.tokenizer(sentence, max_length=self.max_length, padding='max_length', truncation=True,
                             return_tensors='pt')
        return enc['input_ids'], enc['attention_mask']


class SoftmaxNN(nn.Module):
    def __init__(self, sentence_encoder, num_class, rel2id):
        super().__init__()
        self.sentence_encoder = sentence_encoder
        self.num_class = num_class
        self.fc = nn.Linear(self.sentence_encoder.hidden_size, num_class)
        self.softmax = nn.Softmax(-1)
        self.rel2id = rel2id
        self.id2rel = {rid: rel for rel, rid in rel2id.items()}
        self.drop = nn.Dropout()

    def forward(self, *args):
        rep = self.sentence_encoder(*args)
        rep = self.drop(rep)
        return self.fc(rep)
