# Idiom seen in: m3hrdadfi/soxan run_wav2vec_clf.py
# What it reproduces: speech emotion classification by fine-tuning wav2vec2 with the Hugging Face Trainer and
# TrainingArguments(weight_decay=...). Clean: the Trainer's own AdamW excludes biases and LayerNorm weights.
import argparse

import numpy as np
from transformers import AutoConfig, EvalPrediction, TrainingArguments, Wav2Vec2FeatureExtractor

from src.collator import DataCollatorCTCWithPadding
from src.models import Wav2Vec2ForSpeechClassification
from src.trainer import CTCTrainer
from datasets import load_dataset


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name_or_path', default='lighteternal/wav2vec2-large-xlsr-53-greek')
    parser.add_argument('--output_dir', default='./wav2vec2-xlsr-greek-speech-emotion-recognition')
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--weight_decay', type=float, default=0.005)
    args = parser.parse_args()

    data = load_dataset('csv', data_files={'train': 'train.csv', 'validation': 'test.csv'}, delimiter='\t')
    label_list = sorted(data['train'].unique('emotion'))
    config = AutoConfig.from_pretrained(args.model_name_or_path, num_labels=len(label_list),
                                        label2id={l: i for i, l in enumerate(label_list)},
                                        id2label={i: l for i, l in enumerate(label_list)})
    setattr(config, 'pooling_mode', 'mean')
    feature_extractor = Wav2Vec2FeatureExtractor.from_pretrained(args.model_name_or_path)
    model = Wav2Vec2ForSpeechClassification.from_pretrained(args.model_name_or_path, config=config)
    model.freeze_feature_extractor()

    def compute_metrics(p: EvalPrediction):
        preds = np.argmax(p.predictions, axis=1)
        return {'accuracy': (preds == p.label_ids).astype(np.float32).mean().item()}

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        per_device_train_batch_size=4,
        gradient_accumulation_steps=2,
        evaluation_strategy='steps',
        num_train_epochs=1.0,
        fp16=True,
        learning_rate=args.learning_rate,
        weight_decay=args.weight_decay,
        save_total_limit=2,
    )
    trainer = CTCTrainer(
        model=model,
        data_collator=DataCollatorCTCWithPadding(feature_extractor=feature_extractor, padding=True),
        args=training_args,
        compute_metrics=compute_metrics,
        train_dataset=data['train'],
        eval_dataset=data['validation'],
        tokenizer=feature_extractor,
    )
    trainer.train()


if __name__ == '__main__':
    main()
