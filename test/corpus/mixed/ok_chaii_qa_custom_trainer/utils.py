# Idiom seen in: abhishekkrthakur/chaii-hindi-tamil-question-answering src/utils.py
# What it reproduces: the Kaggle chaii CustomTrainer: it only overrides checkpoint saving; the loss
#   (the model's own QA loss) and the optimizer (Trainer's AdamW with bias/LayerNorm excluded from
#   TrainingArguments.weight_decay) are the library's. Clean.
import os
import random

import numpy as np
import torch
from transformers import Trainer, TrainerCallback


def convert_answers(r):
    return {"answer_start": [r[0]], "text": [r[1]]}


class SaveBestModelCallback(TrainerCallback):
    def __init__(self):
        self.bestScore = 0

    def on_evaluate(self, args, state, control, metrics, **kwargs):
        metric_value = metrics.get("eval_jaccard")
        if metric_value > self.bestScore:
            self.bestScore = metric_value
            control.should_save = True


class CustomTrainer(Trainer):
    def _save_checkpoint(self, model, trial, metrics=None):
        run_dir = self.args.output_dir
        self.store_flos()
        self.save_model(run_dir)
        if self.args.should_save:
            self.state.save_to_json(os.path.join(run_dir, "trainer_state.json"))
        rng_states = {
            "python": random.getstate(),
            "numpy": np.random.get_state(),
            "cpu": torch.random.get_rng_state(),
        }
        os.makedirs(run_dir, exist_ok=True)
        torch.save(rng_states, os.path.join(run_dir, "rng_state.pth"))


def prepare_train_features(examples, tokenizer, pad_on_right, max_len, doc_stride):
    examples["question"] = [q.lstrip() for q in examples["question"]]
    tokenized = tokenizer(
        examples["question" if pad_on_right else "context"],
        examples["context" if pad_on_right else "question"],
        truncation="only_second" if pad_on_right else "only_first",
        max_length=max_len,
        stride=doc_stride,
        return_overflowing_tokens=True,
        return_offsets_mapping=True,
        padding="max_length",
    )
    sample_mapping = tokenized.pop("overflow_to_sample_mapping")
    offset_mapping = tokenized.pop("offset_mapping")
    tokenized["start_positions"], tokenized["end_positions"] = [], []
    for i, offsets in enumerate(offset_mapping):
        input_ids = tokenized["input_ids"][i]
        cls_index = input_ids.index(tokenizer.cls_token_id)
        sequence_ids = tokenized.sequence_ids(i)
        answers = examples["answers"][sample_mapping[i]]
        start_char = answers["answer_start"][0]
        end_char = start_char + len(answers["text"][0])
        token_start_index = 0
        while sequence_ids[token_start_index] != (1 if pad_on_right else 0):
            token_start_index += 1
        token_end_index = len(input_ids) - 1
        while sequence_ids[token_end_index] != (1 if pad_on_right else 0):
            token_end_index -= 1
        if not (offsets[token_start_index][0] <= start_char and offsets[token_end_index][1] >= end_char):
            tokenized["start_positions"].append(cls_index)
            tokenized["end_positions"].append(cls_index)
        else:
            while token_start_index < len(offsets) and offsets[token_start_index][0] <= start_char:
                token_start_index += 1
            tokenized["start_positions"].append(token_start_index - 1)
            while offsets[token_end_index][1] >= end_char:
                token_end_index -= 1
            tokenized["end_positions"].append(token_end_index + 1)
    return tokenized
