# Idiom seen in: allenai/drug-combo-extraction optimizers.py
# Idiom seen in: allenai/drug-combo-extraction modeling/model.py
# What it reproduces: the PURE-style no_decay list ['bias', 'LayerNorm.bias', 'LayerNorm.weight'] applied to
#   BertForRelation, whose own head normalization is named `self.layer_norm`: 'layer_norm.weight' matches no
#   entry and lands in the decayed group, so a LayerNorm scale is decayed (WD203), as in the real repo.
import argparse

import torch
import torch.nn.functional as F
from torch import nn
from transformers import AdamW, BertModel, BertPreTrainedModel, get_linear_schedule_with_warmup

from data_loader import load_relation_dataloaders

BertLayerNorm = torch.nn.LayerNorm


class BertForRelation(BertPreTrainedModel):
    def __init__(self, config, num_rel_labels: int, max_seq_length: int):
        super(BertForRelation, self).__init__(config)
        self.num_rel_labels = num_rel_labels
        self.max_seq_length = max_seq_length
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.layer_norm = BertLayerNorm(config.hidden_size)
        self.classifier = nn.Linear(config.hidden_size, self.num_rel_labels)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, all_entity_idxs=None):
        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)
        sequence_output = outputs[0]
        entity_vectors = torch.matmul(sequence_output.transpose(1, 2), all_entity_idxs.transpose(1, 2)).squeeze(2)
        rep = self.layer_norm(entity_vectors)
        rep = self.dropout(rep)
        return self.classifier(rep)


def adamw_with_linear_warmup(named_parameters, lr, correct_bias, num_train_optimization_steps, warmup_proportion):
    # Decay scheme taken from https://github.com/princeton-nlp/PURE/blob/main/run_relation.py#L384.
    param_optimizer = list(named_parameters)
    no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer
                    if not any(nd in n for nd in no_decay)], 'weight_decay': 0.01},
        {'params': [p for n, p in param_optimizer
                    if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=lr, correct_bias=correct_bias)  # expect: WD203
    optimization_steps = int(num_train_optimization_steps * warmup_proportion)
    scheduler = get_linear_schedule_with_warmup(optimizer, optimization_steps, num_train_optimization_steps)
    return optimizer, scheduler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--pretrained-lm', type=str, default='microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract')
    parser.add_argument('--num-train-epochs', type=int, default=10)
    parser.add_argument('--lr', type=float, default=2e-4)
    parser.add_argument('--batch-size', type=int, default=18)
    parser.add_argument('--max-seq-length', type=int, default=512)
    parser.add_argument('--warmup-proportion', type=float, default=0.1)
    args = parser.parse_args()

    train_loader, dev_loader, num_labels = load_relation_dataloaders(args.pretrained_lm, args.batch_size,
                                                                     args.max_seq_length)
    model = BertForRelation.from_pretrained(args.pretrained_lm, num_rel_labels=num_labels,
                                            max_seq_length=args.max_seq_length)
    model.cuda()
    num_steps = len(train_loader) * args.num_train_epochs
    optimizer, scheduler = adamw_with_linear_warmup(model.named_parameters(), args.lr, True, num_steps,
                                                    args.warmup_proportion)

    for epoch in range(args.num_train_epochs):
        model.train()
        for input_ids, token_type_ids, attention_mask, labels, all_entity_idxs, _ in train_loader:
            logits = model(input_ids.cuda(), token_type_ids.cuda(), attention_mask.cuda(), all_entity_idxs.cuda())
            loss = F.cross_entropy(logits.view(-1, model.num_rel_labels), labels.cuda().view(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
        print(f"epoch {epoch}: loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
