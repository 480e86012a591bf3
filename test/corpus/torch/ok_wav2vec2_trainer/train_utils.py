# Idiom seen in: CassiniHuy/wav2vec2_finetune wav2vec2/train_utils.py
# What it reproduces: the CTC padding collator and get_trainer() building a plain transformers.Trainer (no
#   custom optimizer, no compute_loss override, no explicit penalty).
from dataclasses import dataclass
from typing import Dict, List, Optional, Union

import numpy as np
import torch
from transformers import Trainer, Wav2Vec2ForCTC, Wav2Vec2Processor, TrainingArguments
from datasets import load_metric


@dataclass
class DataCollatorCTCWithPadding:
    processor: Wav2Vec2Processor
    padding: Union[bool, str] = True
    max_length: Optional[int] = None

    def __call__(self, features: List[Dict[str, Union[List[int], torch.Tensor]]]) -> Dict[str, torch.Tensor]:
        input_features = [{"input_values": f["input_values"]} for f in features]
        label_features = [{"input_ids": f["labels"]} for f in features]
        batch = self.processor.pad(input_features, padding=self.padding, return_tensors="pt")
        with self.processor.as_target_processor():
            labels_batch = self.processor.pad(label_features, padding=self.padding, return_tensors="pt")
        batch["labels"] = labels_batch["input_ids"].masked_fill(labels_batch.attention_mask.ne(1), -100)
        return batch


def compute_metrics(pred, processor):
    wer_metric = load_metric("wer")
    pred_ids = np.argmax(pred.predictions, axis=-1)
    pred.label_ids[pred.label_ids == -100] = processor.tokenizer.pad_token_id
    pred_str = processor.batch_decode(pred_ids)
    label_str = processor.batch_decode(pred.label_ids, group_tokens=False)
    return {"wer": wer_metric.compute(predictions=pred_str, references=label_str)}


def get_trainer(model: Wav2Vec2ForCTC, processor: Wav2Vec2Processor, training_args: TrainingArguments,
                train_dataset, test_dataset) -> Trainer:
    return Trainer(
        model=model,
        data_collator=DataCollatorCTCWithPadding(processor=processor, padding=True),
        args=training_args,
        compute_metrics=lambda x: compute_metrics(x, processor),
        train_dataset=train_dataset,
        eval_dataset=test_dataset,
        tokenizer=processor.feature_extractor,
    )
