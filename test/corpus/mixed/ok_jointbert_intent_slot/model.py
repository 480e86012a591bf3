# Idiom seen in: monologg/JointBERT model/modeling_jointbert.py
# Idiom seen in: monologg/JointBERT trainer.py
# Idiom seen in: monologg/JointBERT main.py
# What it reproduces: joint intent classification and slot filling on a BERT encoder; the trainer's AdamW groups
#   exclude "bias" and "LayerNorm.weight", which are exactly BERT's bias and norm names: clean.
import torch.nn as nn
from transformers import BertModel, BertPreTrainedModel


class IntentClassifier(nn.Module):
    def __init__(self, input_dim, num_intent_labels, dropout_rate=0.0):
        super(IntentClassifier, self).__init__()
        self.dropout = nn.Dropout(dropout_rate)
        self.linear = nn.Linear(input_dim, num_intent_labels)

    def forward(self, x):
        return self.linear(self.dropout(x))


class SlotClassifier(nn.Module):
    def __init__(self, input_dim, num_slot_labels, dropout_rate=0.0):
        super(SlotClassifier, self).__init__()
        self.dropout = nn.Dropout(dropout_rate)
        self.linear = nn.Linear(input_dim, num_slot_labels)

    def forward(self, x):
        return self.linear(self.dropout(x))


class JointBERT(BertPreTrainedModel):
    def __init__(self, config, args, num_intent_labels, num_slot_labels):
        super(JointBERT, self).__init__(config)
        self.args = args
        self.num_intent_labels = num_intent_labels
        self.num_slot_labels = num_slot_labels
        self.bert = BertModel(config=config)
        self.intent_classifier = IntentClassifier(config.hidden_size, num_intent_labels, args.dropout_rate)
        self.slot_classifier = SlotClassifier(config.hidden_size, num_slot_labels, args.dropout_rate)

    def forward(self, input_ids, attention_mask, token_type_ids, intent_label_ids, slot_labels_ids):
        outputs = self.bert(input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        sequence_output = outputs[0]
        pooled_output = outputs[1]

        intent_logits = self.intent_classifier(pooled_output)
        slot_logits = self.slot_classifier(sequence_output)

        total_loss = 0
        if intent_label_ids is not None:
            intent_loss_fct = nn.CrossEntropyLoss()
            intent_loss = intent_loss_fct(intent_logits.view(-1, self.num_intent_labels), intent_label_ids.view(-1))
            total_loss += intent_loss

        if slot_labels_ids is not None:
            slot_loss_fct = nn.CrossEntropyLoss(ignore_index=self.args.ignore_index)
            active_loss = attention_mask.view(-1) == 1
            active_logits = slot_logits.view(-1, self.num_slot_labels)[active_loss]
            active_labels = slot_labels_ids.view(-1)[active_loss]
            slot_loss = slot_loss_fct(active_logits, active_labels)
            total_loss += self.args.slot_loss_coef * slot_loss

        outputs = ((intent_logits, slot_logits),) + outputs[2:]
        outputs = (total_loss,) + outputs
        return outputs
