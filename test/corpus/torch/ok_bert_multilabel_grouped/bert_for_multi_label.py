# Idiom seen in: lonePatient/Bert-Multi-Label-Text-Classification pybert/model/bert_for_multi_label.py
# What it reproduces: a BertPreTrainedModel subclass (BERT naming: LayerNorm.weight/.bias) with a dropout
#   and a biased classifier on the pooled output.
import torch.nn as nn
from transformers import BertPreTrainedModel, BertModel


class BertForMultiLable(BertPreTrainedModel):
    def __init__(self, config):
        super(BertForMultiLable, self).__init__(config)
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):
        outputs = self.bert(input_ids, token_type_ids=token_type_ids,
                            attention_mask=attention_mask, head_mask=head_mask)
        pooled_output = self.dropout(outputs[1])
        return self.classifier(pooled_output)

    def unfreeze(self, start_layer, end_layer):
        def children(m):
            return m if isinstance(m, (list, tuple)) else list(m.children())

        def set_trainable_attr(m, b):
            m.trainable = b
            for p in m.parameters():
                p.requires_grad = b

        for layer in children(self.bert.encoder.layer)[start_layer:end_layer + 1]:
            set_trainable_attr(layer, True)
