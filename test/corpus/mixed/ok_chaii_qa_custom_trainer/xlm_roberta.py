# Idiom seen in: abhishekkrthakur/chaii-hindi-tamil-question-answering src/xlm_roberta.py
# Idiom seen in: abhishekkrthakur/chaii-hindi-tamil-question-answering src/utils.py
# What it reproduces: the fold script: module constants (WEIGHT_DECAY = 0.01), a QA head with
#   multi-sample dropout whose forward returns the averaged cross entropy as `loss`, and
#   TrainingArguments(weight_decay=WEIGHT_DECAY) handed to CustomTrainer. One decay mechanism,
#   no penalty in the loss. Clean.
import argparse
from functools import partial

import pandas as pd
import torch
from datasets import Dataset
from torch import nn
from torch.nn import CrossEntropyLoss
from transformers import AutoTokenizer, TrainingArguments, XLMRobertaForQuestionAnswering, default_data_collator
from transformers.modeling_outputs import QuestionAnsweringModelOutput

from utils import CustomTrainer, SaveBestModelCallback, convert_answers, prepare_train_features

MODEL_CHECKPOINT = "deepset/xlm-roberta-large-squad2"
LEARNING_RATE = 1e-5
WARMUP_RATIO = 0.2
BATCH_SIZE = 16
EPOCH = 1
WEIGHT_DECAY = 0.01
MAX_LENGTH = 384
DOC_STRIDE = 128

tokenizer = AutoTokenizer.from_pretrained(MODEL_CHECKPOINT)
pad_on_right = tokenizer.padding_side == "right"


class CustomXLMRobertaForQuestionAnswering(XLMRobertaForQuestionAnswering):
    def __init__(self, config):
        super().__init__(config)
        self.end_outputs = nn.Linear(config.hidden_size, 1)
        self.start_outputs = nn.Linear(config.hidden_size + 1, 1)
        self.dropouts = nn.ModuleList([nn.Dropout(p) for p in (0.1, 0.2, 0.3, 0.4, 0.5)])

    def forward(self, input_ids=None, attention_mask=None, start_positions=None, end_positions=None,
                **kwargs):
        sequence_output = self.roberta(input_ids, attention_mask=attention_mask)[0]
        starts, ends = [], []
        for dropout in self.dropouts:
            end_logits = self.end_outputs(dropout(sequence_output))
            start_logits = self.start_outputs(dropout(torch.cat((sequence_output, end_logits), dim=-1)))
            starts.append(start_logits.squeeze(-1))
            ends.append(end_logits.squeeze(-1))
        total_loss = None
        if start_positions is not None and end_positions is not None:
            ignored_index = starts[0].size(1)
            start_positions = start_positions.clamp(0, ignored_index)
            end_positions = end_positions.clamp(0, ignored_index)
            loss_fct = CrossEntropyLoss(ignore_index=ignored_index)
            total_loss = sum((loss_fct(s, start_positions) + loss_fct(e, end_positions)) / 2
                             for s, e in zip(starts, ends)) / len(starts)
        return QuestionAnsweringModelOutput(loss=total_loss, start_logits=sum(starts) / len(starts),
                                            end_logits=sum(ends) / len(ends))


def train_fold(fold, model_class):
    train = pd.read_csv("../input/train_folds.csv")
    valid = train[train.kfold == fold].reset_index(drop=True)
    train = train[train.kfold != fold].reset_index(drop=True)
    train["answers"] = train[["answer_start", "answer_text"]].apply(convert_answers, axis=1)
    prep = partial(prepare_train_features, tokenizer=tokenizer, pad_on_right=pad_on_right,
                   max_len=MAX_LENGTH, doc_stride=DOC_STRIDE)
    train_dataset = Dataset.from_pandas(train)
    tokenized_train_ds = train_dataset.map(prep, batched=True, remove_columns=train_dataset.column_names)

    model = model_class.from_pretrained(MODEL_CHECKPOINT)
    args = TrainingArguments(
        f"models/FOLD{fold}",
        evaluation_strategy="no",
        save_strategy="no",
        learning_rate=LEARNING_RATE,
        warmup_ratio=WARMUP_RATIO,
        per_device_train_batch_size=BATCH_SIZE,
        num_train_epochs=EPOCH,
        weight_decay=WEIGHT_DECAY,
        fp16=True,
        report_to="tensorboard",
    )
    trainer = CustomTrainer(model, args, train_dataset=tokenized_train_ds,
                            data_collator=default_data_collator, tokenizer=tokenizer,
                            callbacks=[SaveBestModelCallback])
    trainer.train()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--fold", type=int)
    args = ap.parse_args()
    train_fold(args.fold, model_class=CustomXLMRobertaForQuestionAnswering)
