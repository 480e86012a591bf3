# Idiom seen in: chau25102001/SOICT_hackathon_2023_SLU_Mekk_Knights speech_modules/wav2vec2/train.py
# Idiom seen in: chau25102001/SOICT_hackathon_2023_SLU_Mekk_Knights speech_modules/scripts/train.sh
# What it reproduces: wav2vec2 CTC fine-tuning with the HF Trainer and TrainingArguments
#   weight_decay=1e-4; the Trainer builds its own AdamW that leaves biases and LayerNorm weights out,
#   and no penalty is added to the CTC loss. Clean.
import argparse
import random
from dataclasses import dataclass
from typing import Dict, List, Union

import numpy as np
import torch
from datasets import Audio, Dataset, DatasetDict
from transformers import Trainer, TrainingArguments, Wav2Vec2ForCTC, Wav2Vec2Processor

from annotations import load_split


@dataclass
class DataCollatorCTCWithPadding:
    processor: Wav2Vec2Processor
    padding: Union[bool, str] = True

    def __call__(self, features: List[Dict[str, Union[List[int], torch.Tensor]]]) -> Dict[str, torch.Tensor]:
        input_features = [{"input_values": f["input_values"]} for f in features]
        label_features = [{"input_ids": f["labels"]} for f in features]
        batch = self.processor.pad(input_features, padding=self.padding, return_tensors="pt")
        labels_batch = self.processor.tokenizer.pad(label_features, padding=self.padding, return_tensors="pt")
        batch["labels"] = labels_batch["input_ids"].masked_fill(labels_batch.attention_mask.ne(1), -100)
        return batch


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--checkpoint_path', type=str, default='speech_modules/checkpoint/wav2vec2-ckpt')
    parser.add_argument('--pretrained_model_name', type=str, default='nguyenvulebinh/wav2vec2-large-vi-vlsp2020')
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--num_epochs', type=int, default=15)
    args = parser.parse_args()

    random.seed(42)
    np.random.seed(42)
    torch.manual_seed(42)

    train_files, train_text, test_files, test_text = load_split('speech_modules/data/original_data')
    audio_dataset = DatasetDict({
        "train": Dataset.from_dict({"audio": train_files, "text": train_text}).cast_column("audio", Audio()),
        "test": Dataset.from_dict({"audio": test_files, "text": test_text}).cast_column("audio", Audio()),
    })
    processor = Wav2Vec2Processor.from_pretrained(args.pretrained_model_name)
    model = Wav2Vec2ForCTC.from_pretrained(args.pretrained_model_name, ctc_loss_reduction="mean",
                                           pad_token_id=processor.tokenizer.pad_token_id,
                                           final_dropout=0.1, mask_time_prob=0.05)
    model.config.ctc_zero_infinity = True
    model.freeze_feature_encoder()

    def prepare_dataset(batch):
        audio = batch["audio"]
        batch["input_values"] = processor(audio["array"], sampling_rate=audio["sampling_rate"]).input_values[0]
        batch["labels"] = processor.tokenizer(batch["text"]).input_ids
        return batch

    audio_dataset = audio_dataset.map(prepare_dataset, remove_columns=audio_dataset.column_names["train"])
    train_steps = len(audio_dataset['train']) // args.batch_size

    training_args = TrainingArguments(
        output_dir=args.checkpoint_path,
        group_by_length=True,
        per_device_train_batch_size=args.batch_size,
        evaluation_strategy="steps",
        num_train_epochs=args.num_epochs,
        fp16=torch.cuda.is_available(),
        gradient_checkpointing=True,
        save_steps=train_steps // 3,
        eval_steps=train_steps // 3,
        learning_rate=args.learning_rate,
        weight_decay=args.weight_decay,
        warmup_steps=int(train_steps * 1.5),
        save_total_limit=1,
        report_to='none',
    )
    trainer = Trainer(
        model=model,
        data_collator=DataCollatorCTCWithPadding(processor=processor, padding=True),
        args=training_args,
        train_dataset=audio_dataset["train"],
        eval_dataset=audio_dataset["test"],
        tokenizer=processor.feature_extractor,
    )
    trainer.train()
