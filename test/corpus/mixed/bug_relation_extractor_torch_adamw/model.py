# Idiom seen in: allenai/drug-combo-extraction modeling/model.py
# What it reproduces: the RelationExtractor LightningModule whose configure_optimizers delegates to an
#   injected optimizer_strategy (default simple_adamw) over self.named_parameters(); training_step returns
#   the weighted cross entropy.
from typing import Callable, List, Optional

import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn
from transformers import BertModel, BertPreTrainedModel, PretrainedConfig

from optimizers import simple_adamw

BertLayerNorm = torch.nn.LayerNorm


class BertForRelation(BertPreTrainedModel):
    def __init__(self, config: PretrainedConfig, num_rel_labels: int, max_seq_length: int):
        super(BertForRelation, self).__init__(config)
        self.num_rel_labels = num_rel_labels
        self.max_seq_length = max_seq_length
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.layer_norm = BertLayerNorm(config.hidden_size)
        self.classifier = nn.Linear(config.hidden_size, self.num_rel_labels)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, labels=None, all_entity_idxs=None):
        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)
        sequence_output = outputs[0]
        entity_vectors = torch.matmul(sequence_output.transpose(1, 2), all_entity_idxs.transpose(1, 2)).squeeze(2)
        rep = self.dropout(self.layer_norm(entity_vectors))
        return self.classifier(rep)


class RelationExtractor(pl.LightningModule):
    def __init__(self,
                 model: BertForRelation,
                 num_train_optimization_steps: int,
                 lr: float = 5e-4,
                 correct_bias: bool = True,
                 warmup_proportion: float = 0.1,
                 optimizer_strategy: Callable = simple_adamw,
                 label_weights: Optional[List] = None):
        super().__init__()
        self.model = model
        self.num_train_optimization_steps = num_train_optimization_steps
        self.lr = lr
        self.correct_bias = correct_bias
        self.warmup_proportion = warmup_proportion
        self.optimizer_strategy = optimizer_strategy
        if label_weights is not None:
            self.register_buffer("label_weights", torch.tensor(label_weights))
        else:
            self.label_weights = None

    def configure_optimizers(self):
        return self.optimizer_strategy(self.named_parameters(), self.lr, self.correct_bias,
                                       self.num_train_optimization_steps, self.warmup_proportion)

    def forward(self, inputs):
        input_ids, token_type_ids, attention_mask, labels, all_entity_idxs, _ = inputs
        return self.model(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask,
                          labels=labels, all_entity_idxs=all_entity_idxs)

    def training_step(self, inputs, batch_idx):
        _, _, _, labels, _, _ = inputs
        logits = self(inputs)
        loss = F.cross_entropy(logits.view(-1, self.model.num_rel_labels), labels.view(-1), weight=self.label_weights)
        self.log("loss", loss, prog_bar=True, logger=True, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, inputs, batch_idx):
        _, _, _, labels, _, _ = inputs
        logits = self(inputs)
        loss = F.cross_entropy(logits.view(-1, self.model.num_rel_labels), labels.view(-1), weight=self.label_weights)
        self.log("val_loss", loss)
        return loss
